"""``tocsin db migrate`` and ``tocsin db status`` on both backends."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
from typer.testing import CliRunner

from factories import CODER, make_article, make_event
from tocsin.cli import app
from tocsin.store import is_database_url, open_store
from tocsin.store.schema import load_migrations

runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, list(args), catch_exceptions=False)


def said(result) -> str:
    """The command's output on one line (the console wraps long messages)."""
    return " ".join(result.output.split())


def empty_database(url: str) -> None:
    """A database with no tocsin schema (an empty DuckDB file; the fresh PG schema already is)."""
    if not is_database_url(url):
        duckdb.connect(url).close()


def migrations(url: str) -> list[str]:
    """The labels of the migrations tocsin has for this database's backend, in order."""
    return [m.label for m in load_migrations("postgres" if is_database_url(url) else "duckdb")]


def test_help_lists_the_db_commands() -> None:
    result = run("db", "--help")
    assert result.exit_code == 0
    assert "migrate" in result.output and "status" in result.output
    assert "db" in run("--help").output


def test_status_of_a_new_database_lists_pending_and_exits_1(store_url: str) -> None:
    empty_database(store_url)
    result = run("db", "status", "--db", store_url, "--format", "json")
    assert result.exit_code == 1
    state = json.loads(result.output)
    labels = migrations(store_url)
    assert (state["version"], state["latest"], state["up_to_date"]) == (0, len(labels), False)
    assert state["pending"] == labels and labels[0] == "001_initial" and state["applied"] == []
    assert state["counts"] == {"runs": None, "articles": None, "events": None}


def test_migrate_then_status(store_url: str) -> None:
    empty_database(store_url)
    first = run("db", "migrate", "--db", store_url)
    assert first.exit_code == 0, first.output
    labels = migrations(store_url)
    assert all(f"applied {label}" in first.output for label in labels)
    again = run("db", "migrate", "--db", store_url)
    assert again.exit_code == 0 and "nothing to apply" in again.output
    with open_store(store_url) as store:
        store.save_article(make_article(), [make_event()], coder=CODER, run_id="r")
    table = run("db", "status", "--db", store_url)
    assert table.exit_code == 0, table.output
    latest = len(labels)
    assert all(label in table.output for label in labels)
    assert f"{latest} (latest {latest})" in table.output
    state = json.loads(run("db", "status", "--db", store_url, "-f", "json").output)
    assert [f"{m['version']:03d}_{m['name']}" for m in state["applied"]] == labels
    assert state["counts"] == {"runs": 0, "articles": 1, "events": 1}
    assert state["backend"] == ("postgresql" if is_database_url(store_url) else "duckdb")


def test_status_flags_a_newer_database(tmp_path: Path) -> None:
    db = tmp_path / "future.duckdb"
    open_store(db).close()
    with duckdb.connect(str(db)) as con:
        con.execute("INSERT INTO schema_migrations VALUES (999, 'from_the_future', now())")
    result = run("db", "status", "--db", str(db))
    assert result.exit_code == 1
    assert "newer than this tocsin" in said(result)


def test_status_of_a_missing_file_is_an_error_and_creates_nothing(tmp_path: Path) -> None:
    db = tmp_path / "none.duckdb"
    result = run("db", "status", "--db", str(db))
    assert result.exit_code == 1
    assert "no database here yet" in said(result)
    assert not db.exists()


def test_unreachable_server_is_a_clear_error() -> None:
    result = run("db", "status", "--db", "postgresql://tocsin:s3cret@127.0.0.1:1/x?connect_timeout=3")
    assert result.exit_code == 1
    assert "cannot connect to the PostgreSQL server" in said(result)
    assert "s3cret" not in result.output
