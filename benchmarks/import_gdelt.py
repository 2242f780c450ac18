"""Speed and memory of ``tocsin import gdelt`` on generated GDELT 2.0 export files.

Writes a GDELT 2.0 events export of ``--rows`` rows (61 tab-separated columns,
realistic codes: CAMEO-coded country and sector actors, a mix of event codes
including the 01x statements PLOVER leaves out, one malformed row in 10 000),
then imports it into a fresh DuckDB file in a separate process and reports
rows/s and that process's peak RSS (``ru_maxrss``). Run it at two sizes to see
that memory does not grow with the file (rows are streamed and written in
batches of ``tocsin.importers.BATCH_SIZE``).

    python benchmarks/import_gdelt.py --rows 1000000
    python benchmarks/import_gdelt.py --rows 100000 --zip
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

COUNTRIES = ("USA", "RUS", "CHN", "UKR", "FRA", "GBR", "DEU", "IRN", "ISR", "TUR", "IND", "PAK",
             "SYR", "IRQ", "JPN", "KOR", "PRK", "BRA", "NGA", "ZAF")
SECTORS = ("", "", "GOV", "MIL", "COP", "OPP", "REB", "BUS", "MED", "JUD", "LEG")
CODES = ("010", "020", "036", "040", "042", "043", "051", "057", "061", "071", "0874",
         "111", "112", "120", "130", "138", "141", "163", "173", "190", "193", "195")
QUADS = {"01": 1, "02": 1, "03": 1, "04": 1, "05": 1, "06": 2, "07": 2, "08": 2, "09": 2,
         "10": 3, "11": 3, "12": 3, "13": 3, "14": 3}

CHILD = r"""
import json, resource, sys, time
from pathlib import Path
from tocsin.importers import import_files
from tocsin.importers.gdelt import read_gdelt
from tocsin.importers.records import ImportReport
from tocsin.store import open_store
path, db = Path(sys.argv[1]), Path(sys.argv[2])
started = time.perf_counter()
if sys.argv[3] == "parse":
    report = ImportReport("gdelt")
    report.events = sum(len(row.events) for row in read_gdelt(path, report))
else:
    with open_store(db) as store:
        report = import_files(store, "gdelt", [path])
elapsed = time.perf_counter() - started
print(json.dumps({"seconds": elapsed, "rows": report.rows, "events": report.events,
                  "unmapped": report.unmapped, "bad_rows": report.n_problems,
                  "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def write_file(path: Path, rows: int, seed: int) -> None:
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8", newline="") as fh:
        for i in range(rows):
            if i % 10_000 == 9_999:
                fh.write(f"{900000000 + i}\t2024031\tbroken row\n")
                continue
            day = f"2024{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
            cells = [""] * 61
            cells[0] = str(900000000 + i)
            cells[1], cells[2], cells[3] = day, day[:6], day[:4]
            cells[4] = f"{2024 + int(day[4:6]) / 12:.4f}"
            for base in (5, 15):
                country = rng.choice(COUNTRIES)
                sector = rng.choice(SECTORS)
                cells[base] = country + sector
                cells[base + 1] = f"{country} {sector}".strip()
                cells[base + 2] = country
                cells[base + 7] = sector
            code = rng.choice(CODES)
            cells[25], cells[26], cells[27], cells[28] = "1", code, code[:3], code[:2]
            cells[29] = str(QUADS.get(code[:2], 4))
            cells[30] = f"{rng.uniform(-10, 10):.1f}"
            cells[31], cells[32], cells[33], cells[34] = "4", "1", "4", f"{rng.uniform(-8, 4):.4f}"
            cells[51], cells[52], cells[53] = "4", "Kyiv, Kyyiv, Misto, Ukraine", "UP"
            cells[56], cells[57] = f"{rng.uniform(-60, 60):.4f}", f"{rng.uniform(-120, 120):.4f}"
            cells[59] = day + "120000"
            cells[60] = f"https://news{rng.randint(1, 500)}.example.com/story/{i}"
            fh.write("\t".join(cells) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--zip", action="store_true", help="import the file zipped, as GDELT ships it")
    parser.add_argument("--keep", type=Path, help="keep the generated file and database in this folder")
    parser.add_argument("--parse-only", action="store_true",
                        help="read and convert the rows without storing them (the reader's own cost)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        source = folder / "20240101000000.export.CSV"
        t0 = time.perf_counter()
        write_file(source, args.rows, args.seed)
        generated = time.perf_counter() - t0
        if args.zip:
            zipped = folder / (source.name + ".zip")
            with zipfile.ZipFile(zipped, "w", compression=zipfile.ZIP_DEFLATED) as zf:
                zf.write(source, source.name)
            source.unlink()
            source = zipped
        size = source.stat().st_size
        db = folder / "import.duckdb"
        db.unlink(missing_ok=True)
        mode = "parse" if args.parse_only else "import"
        out = subprocess.run([sys.executable, "-c", CHILD, str(source), str(db), mode],
                             check=True, capture_output=True, text=True)
        result = json.loads(out.stdout.strip().splitlines()[-1])
        result.update({"file_mb": size / 1e6, "generated_s": generated,
                       "rows_per_s": result["rows"] / result["seconds"],
                       "db_mb": db.stat().st_size / 1e6 if db.exists() else 0.0,
                       "zipped": args.zip, "mode": mode})
    print(json.dumps(result, indent=2))
    print("\n| rows | file | mode | rows/s | peak RSS | events | unmapped (01x) | bad rows |")
    print("|---:|---|---|---:|---:|---:|---:|---:|")
    print(f"| {result['rows']:,} | {result['file_mb']:.0f} MB{' zip' if args.zip else ''} | {mode} | "
          f"{result['rows_per_s']:,.0f} | {result['peak_rss_mb']:.0f} MB | {result['events']:,} | "
          f"{result['unmapped']:,} | {result['bad_rows']:,} |")


if __name__ == "__main__":
    main()
