"""``tocsin code``: code articles into events."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from datetime import date
from enum import StrEnum
from importlib import resources
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from tocsin.cli.common import (
    DEFAULT_DB,
    DbOption,
    FormatOption,
    OutputFormat,
    OutputOption,
    error_text,
    fail,
    parse_date,
    resolve_format,
    stderr_console,
    stdout_console,
)
from tocsin.errors import TocsinError
from tocsin.records import Article, Event, InputProblem


class Engines(StrEnum):
    local = "local"
    dask = "dask"


class ParseIn(StrEnum):
    auto = "auto"
    process = "process"
    thread = "thread"
    serial = "serial"


def read_articles(paths: list[str], *, published: date | None, language: str | None) -> Iterator[Article | InputProblem]:
    """Articles from the inputs in order: Parquet files of articles, other files, folders, ``-``."""
    from tocsin.ingest import read_inputs

    for path in paths:
        if path.lower().endswith(".parquet"):
            from tocsin.scale.parquet import read_articles as read_parquet_articles

            try:
                yield from read_parquet_articles(path, published=published, language=language)
            except TocsinError as exc:
                yield InputProblem(source=exc.source or path, message=exc.message, code=exc.code, line=exc.line)
        else:
            yield from read_inputs([path], published=published, language=language, stdin=sys.stdin.buffer)


def sample_paths() -> list[Path]:
    """The bundled sample corpus (French and English JSONL files)."""
    folder = resources.files("tocsin") / "data" / "sample"
    return sorted(Path(str(p)) for p in folder.iterdir() if p.name.endswith(".jsonl"))


def code(
    inputs: Annotated[list[str] | None, typer.Argument(
        help="Files (.txt, .jsonl, .json), folders, or - for stdin. JSONL lines follow the article contract: "
             '{"id", "text", "title", "published", "url", "language", "outlet"}; only text is required.',
        show_default=False)] = None,
    published: Annotated[str | None, typer.Option(help="Publication date (YYYY-MM-DD) for inputs that do not give one; "
                                                       "relative dates ('hier', 'last Tuesday') are resolved against it.")] = None,
    language: Annotated[str | None, typer.Option("--language", "-l", help="Language of inputs that do not say (fr or en); detected when omitted.")] = None,
    db: DbOption = DEFAULT_DB,
    no_store: Annotated[bool, typer.Option("--no-store", help="Do not write to the database; just print the events.")] = False,
    fmt: FormatOption = None,
    output: OutputOption = None,
    sample: Annotated[bool, typer.Option("--sample", help="Code the bundled sample corpus (6 French, 6 English articles).")] = False,
    actors: Annotated[list[Path] | None, typer.Option("--actors", help="Extra actor file(s) in the knowledge-base formats (see docs/actors.md).")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or summary.")] = False,
    engine_name: Annotated[Engines, typer.Option("--engine", help="local: this process; dask: partitions coded on "
                                                 "Dask workers, written as Parquet (--parquet), then stored.")] = Engines.local,
    scheduler: Annotated[str | None, typer.Option(help="With --engine dask: address of a running scheduler "
                                                       "(tcp://host:8786); default: a local cluster.")] = None,
    workers: Annotated[int, typer.Option(help="With --engine dask and no --scheduler: local worker processes.")] = 2,
    partition_size: Annotated[int, typer.Option(help="With --engine dask: articles per partition (task).")] = 64,
    parquet: Annotated[Path, typer.Option(help="With --engine dask: folder of the Parquet dataset written "
                                                "(articles/ and events/, partitioned by publication date).")] = Path("tocsin-parquet"),
    parse_in: Annotated[ParseIn, typer.Option("--parse-in", help="Where spaCy parses while the coder works: process "
                                              "(a second process: both cores busy, about 1.5 s more start-up), thread, "
                                              "serial; auto: process on two cores or more. Same events in every mode.")]
    = ParseIn.auto,
) -> None:
    """Code articles into events: who did what to whom, when, according to whom.

    Examples:

      tocsin code article.txt --published 2023-04-20

      tocsin code corpus/ articles.jsonl - --db my.duckdb

      tocsin code articles.jsonl --format jsonl --no-store > events.jsonl

      tocsin code --sample

      tocsin code corpus.jsonl --engine dask --workers 2 --parquet out/

    Inputs may also be Parquet files of articles (columns of the JSONL contract).
    """
    err = stderr_console()
    paths = list(inputs or [])
    if sample:
        paths.extend(str(p) for p in sample_paths())
    if not paths:
        raise fail("nothing to code: give files, folders, - for stdin, or --sample", code=2)
    published_date = parse_date(published, "--published")
    if language is not None and language.lower() not in ("fr", "en"):
        raise fail(f"--language: {language!r} is not supported (fr, en)", code=2)
    out_format = resolve_format(fmt, output)
    if out_format is OutputFormat.parquet and output is None:
        raise fail("--format parquet needs --output FILE", code=2)

    from tocsin.pipeline import Engine, PipelineOptions, StoreWriter

    items = read_articles(paths, published=published_date, language=language)
    if engine_name is Engines.dask:
        from tocsin.cli.scale import code_on_dask

        if partition_size < 1 or workers < 1:
            raise fail("--partition-size and --workers must be at least 1", code=2)
        code_on_dask(items, db=db, no_store=no_store, parquet=parquet, scheduler=scheduler, workers=workers,
                     partition_size=partition_size, actor_files=tuple(actors or ()),
                     run_args={"inputs": paths, "published": published, "language": language}, quiet=quiet)
        return

    try:
        engine = Engine(PipelineOptions(actor_files=tuple(actors or ()), parse_in=parse_in.value))
        store = None
        if not no_store:
            from tocsin.store import open_store

            store = open_store(db)
    except TocsinError as exc:
        raise fail(error_text(exc)) from None

    articles: list[Article] = []
    events: list[Event] = []
    problems: list[InputProblem] = []
    writer = None
    if store is not None:
        coder = engine.coder.options.coder
        run_id = store.begin_run({"inputs": paths, "published": published, "language": language}, coder)
        writer = StoreWriter(store, coder, run_id)
    show_progress = not quiet and err.is_terminal
    progress = Progress(TextColumn("[bold]coding"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.fields[events]} events"),
                        TimeElapsedColumn(), console=err, transient=True, disable=not show_progress)
    try:
        with progress:
            task = progress.add_task("coding", total=None, events=0)
            for outcome in engine.code(items):
                if outcome.problem is not None:
                    problems.append(outcome.problem)
                    err.print(f"[red]✗[/] {outcome.problem}", highlight=False, markup=True)
                else:
                    assert outcome.article is not None
                    articles.append(outcome.article)
                    events.extend(outcome.events)
                    if writer is not None:
                        writer.add(outcome.article, outcome.events)
                progress.update(task, advance=1, events=len(events))
    except TocsinError as exc:
        raise fail(error_text(exc)) from None
    finally:
        engine.close()  # the parsing process, if any
        if store is not None and writer is not None:
            writer.flush()
            store.finish_run(writer.run_id, len(articles), len(events), len(problems))

    _print_events(events, out_format, output)
    if not quiet:
        _print_summary(articles, events, problems, store, db)
    if store is not None:
        store.close()
    if problems:
        err.print(f"[yellow]{len(problems)} input(s) failed[/]; {len(articles)} article(s) coded.", highlight=False)
        raise typer.Exit(1)


def _print_events(events: list[Event], fmt: OutputFormat, output: Path | None) -> None:
    from tocsin.output import events_table, write_events

    if fmt is OutputFormat.table and output is None:
        stdout_console().print(events_table(events))
        return
    if output is not None:
        write_events(events, fmt.value, output)
        return
    write_events(events, fmt.value, sys.stdout)


def _print_summary(articles: list[Article], events: list[Event], problems: list[InputProblem], store: object | None, db: str) -> None:
    err = stderr_console()
    table = Table(title="tocsin run", show_header=False, title_justify="left")
    table.add_row("articles coded", str(len(articles)))
    table.add_row("events", str(len(events)))
    table.add_row("inputs failed", str(len(problems)))
    if store is not None:
        from tocsin.store import describe_target

        table.add_row("database", describe_target(db))
    err.print(table)
    dyads: dict[tuple[str, str], list[Event]] = {}
    for e in events:
        s = (e.source.country or e.source.code) if e.source else None
        t = (e.target.country or e.target.code) if e.target else None
        if s and t:
            dyads.setdefault((s, t), []).append(e)
    if not dyads:
        return
    summary = Table(title="dyads (source → target)", title_justify="left")
    for col in ("source", "target", "events", "coop", "conflict", "goldstein", "types"):
        summary.add_column(col)
    ranked = sorted(dyads.items(), key=lambda kv: -len(kv[1]))[:15]
    for (s, t), evs in ranked:
        coop = sum(1 for e in evs if e.quad_class in (1, 2))
        types = ", ".join(sorted({e.type for e in evs}))
        summary.add_row(s, t, str(len(evs)), str(coop), str(len(evs) - coop),
                        f"{sum(e.goldstein for e in evs) / len(evs):+.1f}", types)
    err.print(summary)
