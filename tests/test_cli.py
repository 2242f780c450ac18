"""The command line, end to end, with real models and a real DuckDB file."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from tocsin.cli import app
from tocsin.records import Event

FR_TEXT = (
    "Le président russe Vladimir Poutine a rencontré le président chinois Xi Jinping mardi à Moscou.\n"
    "Les deux dirigeants ont signé un accord de coopération militaire.\n"
)
EN_TEXT = "NATO condemned Russia's missile strikes on Kyiv on Monday.\n"

runner = CliRunner()


def run(*args: str, input: str | None = None):
    return runner.invoke(app, list(args), input=input, catch_exceptions=False)


def jsonl(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.startswith("{")]


@pytest.fixture()
def article(tmp_path: Path) -> Path:
    path = tmp_path / "note.txt"
    path.write_text(FR_TEXT, encoding="utf-8")
    return path


def test_help_lists_the_commands() -> None:
    result = run("--help")
    assert result.exit_code == 0
    for command in ("code", "events", "eval", "info"):
        assert command in result.output


def test_no_input_is_a_usage_error() -> None:
    result = run("code", "--no-store")
    assert result.exit_code == 2
    assert "nothing to code" in result.output


def test_bad_published_date_is_a_usage_error(article: Path) -> None:
    result = run("code", str(article), "--published", "20/04/2023", "--no-store")
    assert result.exit_code == 2
    assert "--published" in result.output


def test_code_prints_contract_records(article: Path) -> None:
    result = run("code", str(article), "--published", "2023-04-20", "--no-store", "--format", "jsonl", "--quiet")
    assert result.exit_code == 0, result.output
    records = jsonl(result.output)
    assert records, result.output
    assert all(list(r) == list(Event.FIELDS) for r in records)
    consult = [r for r in records if r["type"] == "CONSULT"]
    assert consult
    assert {consult[0]["source"]["country"], consult[0]["target"]["country"]} == {"RUS", "CHN"}
    assert consult[0]["date"] == "2023-04-18"  # "mardi" before Thursday 20 April


def test_code_stores_and_recoding_replaces(tmp_path: Path, article: Path) -> None:
    db = tmp_path / "t.duckdb"
    first = run("code", str(article), "--published", "2023-04-20", "--db", str(db), "--format", "jsonl", "--quiet")
    assert first.exit_code == 0
    second = run("code", str(article), "--published", "2023-04-20", "--db", str(db), "--format", "jsonl", "--quiet")
    assert second.exit_code == 0
    with duckdb.connect(str(db), read_only=True) as con:
        n_events = con.execute("select count(*) from events").fetchone()[0]
        n_articles = con.execute("select count(*) from articles").fetchone()[0]
    assert n_articles == 1
    assert n_events == len(jsonl(first.output)) > 0


def test_events_filters_by_actor_pair_and_type(tmp_path: Path, article: Path) -> None:
    db = tmp_path / "t.duckdb"
    en = tmp_path / "en.txt"
    en.write_text(EN_TEXT, encoding="utf-8")
    assert run("code", str(article), str(en), "--published", "2023-04-20", "--db", str(db), "--quiet", "--format", "jsonl").exit_code == 0
    result = run("events", "--db", str(db), "--actor", "RUS", "--actor", "CHN", "--type", "CONSULT", "--format", "jsonl")
    assert result.exit_code == 0
    found = jsonl(result.output)
    assert found and all(r["type"] == "CONSULT" for r in found)
    assert all({r["source"]["country"], r["target"]["country"]} == {"RUS", "CHN"} for r in found)
    nato = jsonl(run("events", "--db", str(db), "--actor", "IGONATO", "--format", "jsonl").output)
    assert nato and all("IGONATO" in (r["source"]["code"], (r["target"] or {}).get("code")) for r in nato)


def test_bad_inputs_are_reported_and_the_rest_is_coded(tmp_path: Path, article: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "blob.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00binary")
    german = tmp_path / "de.txt"
    german.write_text("Die Bundesregierung hat heute in Berlin über den neuen Haushalt beraten und "
                      "wird die Ergebnisse morgen der Öffentlichkeit vorstellen.", encoding="utf-8")
    lines = tmp_path / "batch.jsonl"
    lines.write_text(
        json.dumps({"id": "ok-1", "text": EN_TEXT, "published": "2024-03-04"}) + "\n"
        + "{not json\n"
        + json.dumps({"id": "ok-2", "text": FR_TEXT, "published": "2023-04-20"}) + "\n",
        encoding="utf-8",
    )
    db = tmp_path / "t.duckdb"
    result = run("code", str(empty), str(binary), str(german), str(lines), str(article), "--db", str(db), "--format", "jsonl")
    assert result.exit_code == 1
    out = result.output
    assert "empty.txt" in out and "blob.txt" in out and "de.txt" in out
    assert "batch.jsonl:2" in out
    assert "4 input(s) failed" in out
    with duckdb.connect(str(db), read_only=True) as con:
        ids = {r[0] for r in con.execute("select article_id from articles").fetchall()}
    assert {"ok-1", "ok-2"} <= ids
    assert len(ids) == 3


def test_stdin_jsonl_keeps_ids() -> None:
    payload = json.dumps({"id": "wire-77", "text": EN_TEXT, "published": "2024-03-04", "language": "en"}) + "\n"
    result = run("code", "-", "--no-store", "--format", "jsonl", "--quiet", input=payload)
    assert result.exit_code == 0
    records = jsonl(result.output)
    assert records and {r["article_id"] for r in records} == {"wire-77"}


def test_sample_corpus_codes_into_a_database(tmp_path: Path) -> None:
    db = tmp_path / "sample.duckdb"
    result = run("code", "--sample", "--db", str(db), "--format", "jsonl")
    assert result.exit_code == 0, result.output
    with duckdb.connect(str(db), read_only=True) as con:
        n_articles = con.execute("select count(*) from articles").fetchone()[0]
        n_events = con.execute("select count(*) from events").fetchone()[0]
    assert n_articles == 12
    assert n_events >= 24


def test_console_script_runs(tmp_path: Path) -> None:
    exe = Path(sys.executable).with_name("tocsin")
    proc = subprocess.run([str(exe), "--help"], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0
    assert "code" in proc.stdout


def test_module_runs_as_the_command(tmp_path: Path) -> None:
    proc = subprocess.run([sys.executable, "-m", "tocsin", "eval", "--help"], capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 0
    assert "--gate" in proc.stdout
