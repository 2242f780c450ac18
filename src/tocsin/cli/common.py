"""Options and helpers shared by the commands."""

from __future__ import annotations

import sys
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
