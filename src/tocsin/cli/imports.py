"""``tocsin import gdelt|icews|polecat FILE…``: event datasets into the database."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

from tocsin.cli.common import DEFAULT_DB, DbOption, error_text, fail, stderr_console
from tocsin.errors import TocsinError
from tocsin.store import describe_target

app = typer.Typer(help="Import event datasets (GDELT 2.0, ICEWS, POLECAT) into the database.",
                  no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False)

Files = Annotated[list[Path], typer.Argument(help="Files to import (plain, .gz or .zip).")]
Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or summary.")]
ShowProblems = Annotated[int, typer.Option(help="Print at most this many bad rows.")]


def _run(dataset: str, files: list[Path], db: Path, quiet: bool, show: int) -> None:
    from tocsin.importers import import_files
    from tocsin.store import open_store

    err = stderr_console()
    try:
        with open_store(db) as store, Progress(
            TextColumn(f"importing {dataset}"), BarColumn(), TextColumn("{task.completed:,} rows"),
            TimeElapsedColumn(), console=err, disable=quiet, transient=True,
        ) as progress:
            task = progress.add_task("rows", total=None)
            report = import_files(store, dataset, files,
                                  progress=lambda n: progress.advance(task, n))
    except TocsinError as exc:
        raise fail(error_text(exc)) from None
    for problem in report.problems[:show]:
        err.print(f"[yellow]skipped[/] {problem}", highlight=False, markup=True, soft_wrap=True)
    if report.n_problems > show:
        err.print(f"… and {report.n_problems - show} more bad row(s)", highlight=False)
    if not quiet:
        err.print(f"{dataset}: {report.rows:,} rows read, {report.events:,} events stored in {describe_target(db)}, "
                  f"{report.unmapped:,} without a PLOVER type, {report.n_problems:,} bad rows skipped",
                  highlight=False, soft_wrap=True)


@app.command("gdelt")
def gdelt(files: Files, db: DbOption = DEFAULT_DB, quiet: Quiet = False, show_problems: ShowProblems = 20) -> None:
    """GDELT 2.0 event exports (61 tab-separated columns, no header; .CSV or .CSV.zip).

    CAMEO codes become PLOVER types through tocsin's mapping; rows of CAMEO
    01x (statements), which PLOVER leaves out, are counted and skipped.

    Example:

      tocsin import gdelt 20240318000000.export.CSV.zip --db events.duckdb
    """
    _run("gdelt", files, db, quiet, show_problems)


@app.command("icews")
def icews(files: Files, db: DbOption = DEFAULT_DB, quiet: Quiet = False, show_problems: ShowProblems = 20) -> None:
    """ICEWS coded event files (tab-separated, with header: Event ID, Event Date,
    Source Name, Source Country, CAMEO Code, Target Name, Target Country, …)."""
    _run("icews", files, db, quiet, show_problems)


@app.command("polecat")
def polecat(files: Files, db: DbOption = DEFAULT_DB, quiet: Quiet = False, show_problems: ShowProblems = 20) -> None:
    """POLECAT event files (tab-separated, with header: Event ID, Event Date,
    Event Type, Event Mode, Actor Name, Actor Country, Recipient Name, …).
    Compound actors (names separated by ';') become one event per pair."""
    _run("polecat", files, db, quiet, show_problems)
