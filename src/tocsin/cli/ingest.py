"""``tocsin ingest``: store articles from URLs, feeds, files and corpora, then code them."""

from __future__ import annotations

import logging
from dataclasses import replace
from typing import Annotated
from urllib.parse import urlsplit

import typer
from rich.table import Table

from tocsin.cli.common import DEFAULT_DB, DbOption, error_text, fail, parse_date, stderr_console
from tocsin.errors import TocsinError
from tocsin.records import InputProblem


def ingest(
    inputs: Annotated[list[str] | None, typer.Argument(
        help="http(s) URLs of feeds or pages (detected by what they return), sources files (.toml: "
             "every source polled once), files (.jsonl, .json, .csv, .tsv, .txt) and folders. "
             "None: just code what is pending in the database.",
        show_default=False)] = None,
    db: DbOption = DEFAULT_DB,
    columns: Annotated[str | None, typer.Option("--columns", help="Column mapping for CSV/TSV/JSONL corpora: "
                                                "FIELD=COLUMN,… with fields id, text, title, published, url, "
                                                "language, outlet; e.g. text=body,published=pub_date.")] = None,
    outlet: Annotated[str | None, typer.Option("--outlet", help="Outlet name for URLs (default: the host name).")] = None,
    language: Annotated[str | None, typer.Option("--language", "-l", help="Language of inputs that do not say (fr or en).")] = None,
    published: Annotated[str | None, typer.Option(help="Publication date (YYYY-MM-DD) for inputs without one.")] = None,
    allow_private: Annotated[bool, typer.Option("--allow-private", help="Fetch from private, loopback and link-local "
                                                "addresses (refused by default).")] = False,
    delay: Annotated[float, typer.Option("--delay", min=0.0, help="Seconds between two requests to one host (politeness).")] = 2.0,
    no_code: Annotated[bool, typer.Option("--no-code", help="Only store the articles (status pending); code them later.")] = False,
    retry_failed: Annotated[bool, typer.Option("--retry-failed", help="Put articles whose coding failed back in the queue first.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Log warnings and errors only; no summary.")] = False,
) -> None:
    """Store articles from URLs, feeds, sources files and corpora, then code them.

    Articles are stored first, deduplicated (canonical URL, content hash,
    near-duplicate reprints grouped into stories), then the pending ones are
    coded into events and canonical events. Running it again stores nothing
    twice and codes what is left.

    Examples:

      tocsin ingest https://example.org/world/rss.xml --db news.duckdb

      tocsin ingest corpus.csv --columns text=body,published=date,outlet=source

      tocsin ingest examples/sources.toml articles/ --no-code

      tocsin ingest --db news.duckdb --retry-failed      # code what is pending
    """
    from tocsin.cli.watch import setup_logging
    from tocsin.ingest.fetch import Fetcher
    from tocsin.ingest.poll import HostPacer, Poller
    from tocsin.ingest.service import Ingestor
    from tocsin.ingest.sources import Settings, Source, load_sources
    from tocsin.ingest.tables import parse_mapping, read_corpus
    from tocsin.store import describe_target, open_store
    from tocsin.version import CODER_NAME

    setup_logging(quiet=quiet)
    log = logging.getLogger("tocsin.ingest")
    try:
        mapping = parse_mapping(columns)
    except ValueError as exc:
        raise fail(f"--columns: {exc}", code=2) from None
    published_date = parse_date(published, "--published")
    if language is not None and language.lower() not in ("fr", "en"):
        raise fail(f"--language: {language!r} is not supported (fr, en)", code=2)
    language = language.lower() if language else None

    inputs = list(inputs or [])
    if no_code and not inputs:
        raise fail("nothing to do: give inputs, or leave out --no-code to code what is pending", code=2)
    urls = [i for i in inputs if "://" in i or i.lower().startswith(("http:", "https:", "file:"))]
    tomls = [i for i in inputs if i not in urls and i.lower().endswith(".toml")]
    files = [i for i in inputs if i not in urls and i not in tomls]
    try:
        configs = [load_sources(t) for t in tomls]
    except TocsinError as exc:
        raise fail(error_text(exc), code=2) from None

    try:
        store = open_store(db)
    except TocsinError as exc:
        raise fail(error_text(exc)) from None
    problems: list[str] = []
    counts = {"new": 0, "duplicate": 0, "known": 0}
    engine = None
    try:
        ingestor = Ingestor(store, coder=CODER_NAME)
        if retry_failed:
            log.info("%d failed article(s) back in the queue", store.requeue_failed())

        if urls:
            settings = Settings(allow_private=allow_private, politeness_delay=delay)
            with Fetcher(settings.fetch_options()) as fetcher:
                poller = Poller(fetcher, ingestor, settings, HostPacer(settings.politeness_delay))
                for url in urls:
                    host = urlsplit(url).hostname or url
                    source = Source(name=url, url=url, kind="auto", outlet=outlet or host,
                                    language=language)
                    report = poller.poll(source)
                    if report.status == "error":
                        problems.append(report.error or "error")
                        log.error(report.line())
                    else:
                        log.info(report.line())
                        problems.extend(report.errors)
                    counts["new"] += report.new
                    counts["duplicate"] += report.duplicates
                    counts["known"] += report.known

        def problem(p: InputProblem) -> None:
            problems.append(str(p))
            log.error("%s", p)

        if files:
            items = read_corpus(files, mapping=mapping, published=published_date, language=language)
            for result in ingestor.add_all(items, on_problem=problem):
                counts[result.status] += 1

        if not no_code:
            from tocsin.pipeline import default_engine

            engine = default_engine()
        for config in configs:
            from tocsin.watch import Watcher

            if allow_private:
                config = replace(config, settings=replace(config.settings, allow_private=True))
            summary = Watcher(config, store, engine=engine, coder=CODER_NAME).run(once=True)
            counts["new"] += summary.new_articles
            counts["duplicate"] += summary.reprints
            problems.extend(["source poll failed"] * summary.errors)

        coded = events = failed = 0
        if engine is not None:
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeElapsedColumn,
            )

            err = stderr_console()
            progress = Progress(TextColumn("[bold]coding"), BarColumn(), MofNCompleteColumn(),
                                TextColumn("{task.fields[events]} events"), TimeElapsedColumn(),
                                console=err, transient=True, disable=quiet or not err.is_terminal)
            run_id = store.begin_run({"ingest": inputs}, CODER_NAME)
            with progress:
                task = progress.add_task("coding", total=ingestor.pending(), events=0)
                stats = ingestor.code_pending(
                    engine, run_id, on_problem=problem,
                    on_batch=lambda s: progress.update(task, completed=s.articles + s.failed,
                                                       events=s.events))
            store.finish_run(run_id, stats.articles, stats.events, stats.failed)
            coded, events, failed = stats.articles, stats.events, stats.failed
        totals = store.ingest_counts()
    except TocsinError as exc:
        raise fail(error_text(exc)) from None
    finally:
        store.close()

    if not quiet:
        table = Table(title="tocsin ingest", show_header=False, title_justify="left")
        table.add_row("new articles stored", str(counts["new"]))
        table.add_row("reprints merged into stories", str(counts["duplicate"]))
        table.add_row("already stored", str(counts["known"]))
        table.add_row("coded now", f"{coded} ({events} events, {failed} failed)")
        table.add_row("pending in the queue", str(totals["articles_pending"]))
        table.add_row("canonical events in the database", str(totals["canonical_events"]))
        table.add_row("problems", str(len(problems)))
        table.add_row("database", describe_target(db))
        stderr_console().print(table)
    if problems:
        raise typer.Exit(1)
