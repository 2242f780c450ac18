"""Importing GDELT 2.0, ICEWS and POLECAT files: types, actors, bad rows, series by hand."""

from __future__ import annotations

import gzip
import zipfile
from datetime import date
from pathlib import Path

import pytest

from tocsin.analysis.series import dyad_series
from tocsin.errors import InputError
from tocsin.importers import import_files
from tocsin.store import EventFilter, open_store

DATA = Path(__file__).parent / "data" / "import"
GDELT = DATA / "20240318000000.export.CSV"


@pytest.fixture
def store(tmp_path: Path):
    with open_store(tmp_path / "imp.duckdb") as s:
        yield s


def test_gdelt_rows_become_plover_events_with_countries(store) -> None:
    report = import_files(store, "gdelt", [GDELT])
    assert (report.rows, report.events, report.unmapped, report.n_problems) == (15, 11, 1, 3)
    assert [(p.line, p.message.split(":")[0]) for p in report.problems] == [
        (10, "expected 61 tab-separated columns, found 4"), (11, "SQLDATE"), (14, "EventCode")]
    by_id = {e.event_id: e for e in store.query()}
    first = by_id["gdelt-1163548101"]
    assert (first.type, first.cameo, first.quad_class, first.goldstein) == ("ASSAULT", "190", 4, -10.0)
    assert (first.source.code, first.source.country, first.source.sector) == ("RUSMIL", "RUS", "MIL")
    assert (first.target.code, first.target.country, first.target.sector) == ("UKR", "UKR", None)
    assert first.date == date(2024, 3, 4) and first.coder == "gdelt.events.v2"
    assert first.location.lat == pytest.approx(49.9808) and first.location.country is None
    assert by_id["gdelt-1163548102"].type == "THREATEN" and by_id["gdelt-1163548102"].mode == "violence"
    assert by_id["gdelt-1163548104"].type == "SUPPORT"
    assert by_id["gdelt-1163548109"].type == "SANCTION"
    nato = by_id["gdelt-1163548112"].source
    assert (nato.code, nato.country, nato.sector) == ("IGONAT", None, "IGO")
    assert by_id["gdelt-1163548113"].target is None
    assert "gdelt-1163548106" not in by_id  # CAMEO 010 has no PLOVER type
    article = store.article("gdelt-1163548101")
    assert article.outlet == "kyivpost-example.com"
    assert article.origin == "20240318000000.export.CSV:1"


def test_gdelt_dyad_series_matches_a_hand_count(store) -> None:
    import_files(store, "gdelt", [GDELT])
    weeks = dyad_series(store, "RUS", "UKR", by="week")
    # by hand: week of 4 March: 101 ASSAULT, 102 THREATEN (106 is a statement, unmapped);
    # week of 11 March: 107 and 108 ASSAULT, 109 SANCTION (110, 111, 114 are bad rows)
    assert [(p.period, p.n_events, p.type_counts) for p in weeks] == [
        (date(2024, 3, 4), 2, {"ASSAULT": 1, "THREATEN": 1}),
        (date(2024, 3, 11), 3, {"ASSAULT": 2, "SANCTION": 1}),
    ]
    assert weeks[1].quad_counts == (0, 0, 0, 3) and weeks[1].goldstein_sum == -28.0
    directed = dyad_series(store, "UKR", "RUS", by="month", directed=True)
    assert [p.n_events for p in directed] == [2]  # 102 and 107
    mil = dyad_series(store, "RUS", "UKR", by="month", sector="MIL")
    assert mil[0].n_events == 2  # 107, 108
    china = dyad_series(store, "RUS", "CHN", by="week")
    assert [p.n_events for p in china] == [2, 0, 1]


def test_zipped_and_gzipped_gdelt_and_reimport_replaces(store, tmp_path: Path) -> None:
    zipped = tmp_path / "20240318000000.export.CSV.zip"
    with zipfile.ZipFile(zipped, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.write(GDELT, GDELT.name)
    gz = tmp_path / "copy.CSV.gz"
    gz.write_bytes(gzip.compress(GDELT.read_bytes()))
    assert import_files(store, "gdelt", [zipped]).events == 11
    report = import_files(store, "gdelt", [gz, GDELT], batch_size=4)
    assert report.events == 22 and report.problems[0].source == str(gz)
    assert store.count_events() == 11
    assert report.problems[0].line == 10


def test_unreadable_files_raise_and_keep_earlier_rows(store, tmp_path: Path) -> None:
    binary = tmp_path / "x.CSV"
    binary.write_bytes(b"\x00\x01\x02garbage\n")
    with pytest.raises(InputError, match="binary"):
        import_files(store, "gdelt", [GDELT, binary])
    assert store.count_events() == 11
    with pytest.raises(InputError, match="no such file"):
        import_files(store, "gdelt", [tmp_path / "missing.CSV"])
    with pytest.raises(ValueError, match="unknown dataset"):
        import_files(store, "acled", [GDELT])


def test_icews_names_map_to_countries_and_sectors(store) -> None:
    report = import_files(store, "icews", [DATA / "events.2018.sample.tab"])
    assert (report.rows, report.events, report.unmapped, report.n_problems) == (4, 2, 1, 1)
    assert report.problems[0].line == 5 and "Event Date" in report.problems[0].message
    attack, meet = store.query(EventFilter(coders=("icews.events.v1",)))
    assert (attack.type, attack.source.country, attack.source.sector, attack.target.country) == (
        "ASSAULT", "RUS", "MIL", "UKR")
    assert (meet.type, meet.source.code, meet.target.country) == ("AGREE", "RUSGOV", "CHN")
    assert store.article(attack.article_id).outlet == "Interfax"


def test_polecat_compound_actors_expand_to_pairs(store, tmp_path: Path) -> None:
    report = import_files(store, "polecat", [DATA / "polecat.sample.tsv"])
    assert (report.rows, report.events, report.n_problems) == (3, 3, 1)
    assert "SHOUT" in report.problems[0].message
    events = {e.event_id: e for e in store.query()}
    assert set(events) == {"polecat-a1f3-01-1", "polecat-a1f3-01-2", "polecat-a1f3-02"}
    shoigu = events["polecat-a1f3-01-2"]
    assert (shoigu.type, shoigu.mode, shoigu.cameo) == ("CONSULT", "visit", "042")
    assert (shoigu.source.code, shoigu.target.code) == ("CHNMIL", "RUSMIL")
    assert events["polecat-a1f3-02"].language == "uk"
    no_header = tmp_path / "p.tsv"
    no_header.write_text("a\tb\n1\t2\n", encoding="utf-8")
    with pytest.raises(InputError, match="header lacks"):
        import_files(store, "polecat", [no_header])


def test_an_overlong_line_is_a_bad_row_and_the_rest_goes_on(store, tmp_path: Path, monkeypatch) -> None:
    import tocsin.importers.files as files
    import tocsin.importers.gdelt as gdelt_module

    monkeypatch.setattr(files, "MAX_LINE", 2000)
    monkeypatch.setattr(gdelt_module, "MAX_LINE", 2000)
    lines = GDELT.read_text(encoding="utf-8").splitlines()
    path = tmp_path / "long.CSV"
    path.write_text("\n".join([lines[0], "x" * 5000, lines[1]]) + "\n", encoding="utf-8")
    report = import_files(store, "gdelt", [path])
    assert report.events == 2 and report.n_problems == 1
    assert report.problems[0].line == 2 and "longer than" in report.problems[0].message
