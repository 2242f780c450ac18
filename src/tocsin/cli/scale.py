"""Distributed coding (``tocsin code --engine dask``) and Parquet exchange
(``tocsin export parquet``, ``tocsin load parquet``)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from tocsin.cli.common import DEFAULT_DB, DbOption, error_text, fail, stderr_console
from tocsin.errors import TocsinError
from tocsin.records import Article, InputProblem
from tocsin.store import describe_target

DEFAULT_PARQUET = Path("tocsin-parquet")


def code_on_dask(items: Iterable[Article | InputProblem], *, db: str, no_store: bool, parquet: Path,
                 scheduler: str | None, workers: int, partition_size: int, actor_files: tuple[Path, ...],
                 run_args: dict, quiet: bool) -> None:
    """The ``--engine dask`` branch of ``tocsin code``: code on a cluster, write Parquet, store."""
    from tocsin.pipeline import PipelineOptions
    from tocsin.scale.dask_engine import DaskOptions, PartitionFailure, run_dask

    err = stderr_console()
    options = DaskOptions(scheduler=scheduler, workers=workers, partition_size=partition_size)
    store = None
    try:
        if not no_store:
            from tocsin.store import open_store

            store = open_store(db)
        progress = Progress(TextColumn("[bold]coding on dask"), BarColumn(), MofNCompleteColumn(),
                            TextColumn("partitions · {task.fields[events]} events"), TimeElapsedColumn(),
                            console=err, transient=True, disable=quiet or not err.is_terminal)
        with progress:
            task = progress.add_task("dask", total=None, events=0)
            events = 0

            def on_result(done: object) -> None:
                nonlocal events
                if isinstance(done, PartitionFailure):
                    err.print(f"[red]✗[/] {done.label} failed after retries: {done.message}", highlight=False)
                else:
                    events += done.n_events  # type: ignore[attr-defined]
                progress.update(task, advance=1, events=events)

            result = run_dask(items, parquet, options=options, pipeline=PipelineOptions(actor_files=actor_files),
                              store=store, run_args=run_args, on_result=on_result)
    except TocsinError as exc:
        raise fail(error_text(exc)) from None
    finally:
        if store is not None:
            store.close()
    for problem in result.problems:
        err.print(f"[red]✗[/] {problem}", highlight=False)
    if not quiet:
        table = Table(title="tocsin run (dask)", show_header=False, title_justify="left")
        table.add_row("workers", str(result.workers))
        table.add_row("partitions", f"{result.n_partitions} ({len(result.failures)} failed)")
        table.add_row("articles coded", str(result.n_articles))
        table.add_row("events", str(result.n_events))
        table.add_row("inputs failed", str(len(result.problems)))
        table.add_row("parquet", str(parquet))
        if store is not None:
            table.add_row("database", describe_target(db))
        err.print(table)
    if result.problems or result.failures:
        raise typer.Exit(1)


load_app = typer.Typer(help="Load articles and events into the database.", no_args_is_help=True)


def export_parquet(
    out: Annotated[Path, typer.Argument(help="Folder of the dataset (created; parts named 'export' are replaced).")],
    db: DbOption = DEFAULT_DB,
) -> None:
    """Write every stored article and its events as a Parquet dataset partitioned by publication date.

    Layout: OUT/articles/published=YYYY-MM-DD/part-export.parquet and
    OUT/events/published=YYYY-MM-DD/part-export.parquet (columns of the event record).

    Example:

      tocsin export parquet dump/ --db tocsin.duckdb

      duckdb -c "SELECT type, count(*) FROM read_parquet('dump/events/*/*.parquet', hive_partitioning=true) GROUP BY 1"
    """
    from tocsin.scale.parquet import export_store
    from tocsin.store import open_store

    try:
        with open_store(db, read_only=True) as store:
            written = export_store(store, out)
    except TocsinError as exc:
        raise fail(error_text(exc)) from None
    stderr_console().print(f"exported {written.n_articles} articles and {written.n_events} events to {out}",
                           highlight=False)


@load_app.command("parquet")
def load_parquet(
    folder: Annotated[Path, typer.Argument(help="A dataset written by `tocsin export parquet` or `tocsin code --engine dask`.")],
    db: DbOption = DEFAULT_DB,
) -> None:
    """Store the articles and events of a Parquet dataset (idempotent: loading twice adds nothing).

    Example:

      tocsin load parquet dump/ --db shared.duckdb
    """
    from tocsin.scale.parquet import load_dataset
    from tocsin.store import open_store

    try:
        with open_store(db) as store:
            n_articles, n_events = load_dataset(store, folder)
    except TocsinError as exc:
        raise fail(error_text(exc)) from None
    stderr_console().print(f"loaded {n_articles} articles and {n_events} events into {describe_target(db)}",
                           highlight=False)
