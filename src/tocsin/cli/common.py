"""Options and helpers shared by the commands."""

from __future__ import annotations

import sys
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from tocsin.errors import TocsinError

DEFAULT_DB = Path("tocsin.duckdb")


class OutputFormat(StrEnum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"


DbOption = Annotated[str, typer.Option(
    "--db", envvar="TOCSIN_DB",
    help="Database: a DuckDB file (created if missing) or a PostgreSQL server URL, "
         "postgresql://user:password@host:5432/dbname (see docs/scaling.md).")]
FormatOption = Annotated[
    OutputFormat | None,
    typer.Option("--format", "-f", help="Output format: table (terminal), jsonl, csv or parquet (needs --output). "
                 "Default: table on a terminal, jsonl when piped."),
]
OutputOption = Annotated[Path | None, typer.Option("--output", "-o", help="Write events to this file instead of stdout.")]


def stderr_console() -> Console:
    return Console(stderr=True)


def stdout_console() -> Console:
    return Console()


def resolve_format(fmt: OutputFormat | None, output: Path | None) -> OutputFormat:
    if fmt is not None:
        return fmt
    if output is not None:
        suffix = output.suffix.lower().lstrip(".")
        if suffix in ("csv", "parquet", "jsonl"):
            return OutputFormat(suffix)
        return OutputFormat.jsonl
    return OutputFormat.table if sys.stdout.isatty() else OutputFormat.jsonl


def fail(message: str, code: int = 1) -> typer.Exit:
    stderr_console().print(f"[bold red]error:[/] {message}", highlight=False, markup=True)
    return typer.Exit(code)


def error_text(exc: TocsinError) -> str:
    return f"{exc} [{exc.code}]"


def parse_date(value: str | None, name: str) -> date | None:
    """A YYYY-MM-DD option value (``None`` stays ``None``); exit 2 naming the option otherwise."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise fail(f"{name}: {value!r} is not a date (YYYY-MM-DD)", code=2) from None


def require_database(db: str | Path, hint: str) -> None:
    """Exit 2 when ``db`` is a file path that does not exist (a server URL is left to the store)."""
    from tocsin.store import is_database_url

    if not is_database_url(db) and not Path(db).exists():
        raise fail(f"{db}: no such database; {hint}", code=2)


def open_db(db: str | Path, *, read_only: bool = True):
    """Open an existing database for a command, or exit with a clear message."""
    from tocsin.store import open_store

    require_database(db, f"code or import events first (tocsin code … --db {db}, "
                          f"tocsin import gdelt FILE --db {db})")
    try:
        return open_store(db, read_only=read_only)
    except TocsinError as exc:
        raise fail(error_text(exc)) from None
