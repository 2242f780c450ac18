"""Event output formats: JSON lines, CSV, Parquet and the terminal table."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import duckdb
import pytest
from rich.console import Console

from factories import make_actor, make_event
from tocsin.errors import MalformedRecordError
from tocsin.output import (
    CSV_COLUMNS,
    FORMATS,
    OutputError,
    events_table,
    read_events_jsonl,
    write_events,
)
from tocsin.records import Actor, Event, Location


def sample_events() -> list[Event]:
    return [
        make_event(),
        make_event(
            sentence_index=1,
            trigger="n'a pas « menacé »",
            type="THREATEN",
            mode=None,
            context=[],
            source=None,
            target=Actor(text="Kyiv"),
            negated=True,
            modality="future",
            attribution=make_actor("USA", text="Washington"),
            date=None,
            date_precision="none",
            date_text=None,
            location=None,
            quad_class=3,
            goldstein=-4.4,
        ),
        make_event(
            sentence_index=2,
            context=["military", "territory"],
            date=date(2023, 11, 1),
            date_precision="month",
            location=Location(text="là-bas"),
        ),
    ]


# ----------------------------------------------------------------------- jsonl


def test_jsonl_round_trip(tmp_path: Path) -> None:
    events = sample_events()
    out = tmp_path / "events.jsonl"
    assert write_events(events, "jsonl", out) == 3
    text = out.read_text(encoding="utf-8")
    assert "« menacé »" in text  # not escaped
    first = json.loads(text.splitlines()[0])
    assert list(first) == list(Event.FIELDS)
    assert first["date"] == "2024-03-05"
    assert first["trigger_span"] == [21, 30]
    assert list(read_events_jsonl(out)) == events


def test_jsonl_to_text_and_binary_streams() -> None:
    events = sample_events()
    text = io.StringIO()
    assert write_events(iter(events), "jsonl", text) == 3
    binary = io.BytesIO()
    assert write_events(events, "jsonl", binary) == 3
    assert not binary.closed
    assert binary.getvalue().decode("utf-8") == text.getvalue()


def test_read_jsonl_skips_blank_lines_and_reports_bad_ones(tmp_path: Path) -> None:
    path = tmp_path / "events.jsonl"
    good = json.dumps(make_event().to_dict(), ensure_ascii=False)
    path.write_text(f"{good}\n\n{good}\n", encoding="utf-8")
    assert len(list(read_events_jsonl(path))) == 2
    path.write_text(f'{good}\n{{"event_id": "x"}}\n', encoding="utf-8")
    with pytest.raises(MalformedRecordError) as info:
        list(read_events_jsonl(path))
    assert info.value.line == 2
    assert info.value.source == str(path)


# ------------------------------------------------------------------------- csv


def test_csv_header_and_flattening(tmp_path: Path) -> None:
    out = tmp_path / "events.csv"
    assert write_events(sample_events(), "csv", out) == 3
    with out.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert tuple(rows[0]) == CSV_COLUMNS
    for role in ("source", "target", "attribution"):
        for field in ("text", "code", "country", "sector", "name", "entity_id"):
            assert f"{role}_{field}" in CSV_COLUMNS
    assert {"location_text", "location_lat", "location_lon"} <= set(CSV_COLUMNS)
    assert not {"source", "target", "attribution", "location"} & set(CSV_COLUMNS)

    first, second, third = rows
    assert first["source_code"] == "RUSGOV"
    assert first["source_country"] == "RUS"
    assert first["target_text"] == "son homologue chinois"
    assert first["location_name"] == "Beijing"
    assert float(first["location_lat"]) == pytest.approx(39.9042)
    assert first["trigger_span"] == "[21, 30]"
    assert first["negated"] == "false"
    assert first["date"] == "2024-03-05"
    assert first["context"] == "diplomatic"

    assert second["source_text"] == "" and second["source_code"] == ""
    assert second["target_text"] == "Kyiv" and second["target_code"] == ""
    assert second["attribution_code"] == "USA"
    assert second["negated"] == "true"
    assert second["trigger"] == "n'a pas « menacé »"
    assert second["mode"] == "" and second["date"] == "" and second["location_text"] == ""
    assert third["context"] == "military|territory"


def test_csv_is_readable_by_duckdb(tmp_path: Path) -> None:
    out = tmp_path / "events.csv"
    write_events(sample_events(), "csv", out)
    con = duckdb.connect()
    try:
        n, code = con.execute(
            "SELECT count(*), max(source_code) FROM read_csv(?, header = true)", [str(out)]
        ).fetchone()
    finally:
        con.close()
    assert (n, code) == (3, "RUSGOV")


# --------------------------------------------------------------------- parquet


def test_parquet_readable_by_duckdb_with_contract_columns(tmp_path: Path) -> None:
    events = sample_events()
    out = tmp_path / "events.parquet"
    assert write_events(events, "parquet", out) == 3
    relation = duckdb.sql(f"SELECT * FROM '{out}'")
    assert tuple(relation.columns) == Event.FIELDS
    types = dict(zip(relation.columns, (str(t) for t in relation.types), strict=True))
    assert types["trigger_span"] == "INTEGER[]"
    assert types["date"] == "DATE"
    assert types["source"].startswith("STRUCT(")
    rows = duckdb.sql(
        f"SELECT source.code, target.code, negated, context, location.lat FROM '{out}'"
        " ORDER BY sentence_index"
    ).fetchall()
    assert rows[0] == ("RUSGOV", "CHNGOV", False, ["diplomatic"], pytest.approx(39.9042))
    assert rows[1][0] is None and rows[1][2] is True and rows[1][4] is None


def test_parquet_of_no_events_still_has_the_columns(tmp_path: Path) -> None:
    out = tmp_path / "empty.parquet"
    assert write_events([], "parquet", out) == 0
    relation = duckdb.sql(f"SELECT * FROM '{out}'")
    assert tuple(relation.columns) == Event.FIELDS
    assert relation.fetchall() == []


def test_parquet_to_a_binary_stream() -> None:
    buffer = io.BytesIO()
    assert write_events(sample_events(), "parquet", buffer) == 3
    assert buffer.getvalue()[:4] == b"PAR1"


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_parquet_to_terminal_or_text_stream_is_refused() -> None:
    with pytest.raises(OutputError, match="terminal"):
        write_events(sample_events(), "parquet", FakeTerminal())
    with pytest.raises(OutputError, match="file"):
        write_events(sample_events(), "parquet", io.StringIO())


def test_unknown_format_and_unwritable_path(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="unknown output format"):
        write_events([], "xml", io.StringIO())
    with pytest.raises(OutputError) as info:
        write_events(sample_events(), "csv", tmp_path / "missing" / "x.csv")
    assert "x.csv" in str(info.value)
    assert set(FORMATS) == {"table", "jsonl", "csv", "parquet"}


# ----------------------------------------------------------------------- table


def render(table: object) -> str:
    console = Console(file=io.StringIO(), width=160, color_system=None)
    console.print(table)
    return console.file.getvalue()  # type: ignore[attr-defined]


def test_events_table_renders_compact_columns() -> None:
    text = render(events_table(sample_events(), title="Events"))
    for header in ("date", "type", "source", "target", "trigger", "article"):
        assert header in text
    assert "2024-03-05" in text
    assert "2023-11" in text and "2023-11-01" not in text  # month precision
    assert "RUSGOV" in text and "CHNGOV" in text
    assert "“Kyiv”" in text  # unresolved actor shown by its words
    assert "NEG,fut" in text
    assert "THREATEN" in text and "art-1" in text


def test_table_cells_are_not_rich_markup() -> None:
    text = render(events_table([make_event(trigger="[bold]x[/bold]")]))
    assert "[bold]x[/bold]" in text


def test_write_events_table_format(tmp_path: Path) -> None:
    stream = io.StringIO()
    assert write_events(sample_events(), "table", stream) == 3
    assert "THREATEN" in stream.getvalue()
    out = tmp_path / "events.txt"
    assert write_events(sample_events(), "table", out) == 3
    assert "\x1b[" not in out.read_text(encoding="utf-8")
