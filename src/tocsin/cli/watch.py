"""``tocsin watch``: follow the feeds and pages of a sources file and code what they publish."""

from __future__ import annotations

import logging
import signal
import sys
from pathlib import Path
from typing import Annotated

import typer

from tocsin.cli.common import DEFAULT_DB, DbOption, error_text, fail
from tocsin.errors import TocsinError


def setup_logging(verbose: bool = False, quiet: bool = False) -> None:
    """One line per message on stderr: time, level, logger, text."""
    level = logging.WARNING if quiet else logging.DEBUG if verbose else logging.INFO
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)-7s %(name)s: %(message)s",
                                           "%Y-%m-%dT%H:%M:%S"))
    root = logging.getLogger("tocsin")
    root.handlers[:] = [handler]
    root.setLevel(level)
    root.propagate = False


def watch(
    sources: Annotated[Path, typer.Argument(help="Sources file (TOML): [settings] and one [[source]] per feed or page. "
                                                 "See docs/ingest.md and examples/sources.toml.", show_default=False)],
    db: DbOption = DEFAULT_DB,
    once: Annotated[bool, typer.Option("--once", help="Poll every source one time, code what came in, and exit (for cron).")] = False,
    allow_private: Annotated[bool, typer.Option("--allow-private", help="Fetch from private, loopback and link-local addresses "
                                                "(an intranet; tests). Same as allow_private = true in the file.")] = False,
    no_code: Annotated[bool, typer.Option("--no-code", help="Store articles without coding them (tocsin ingest codes them later).")] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Also log debug messages.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Log warnings and errors only.")] = False,
) -> None:
    """Poll each source on its interval, store new articles and code them as they arrive.

    Conditional requests (ETag/Last-Modified), a politeness delay per host,
    exponential backoff for failing sources, one log line per poll. Stop with
    Ctrl-C or SIGTERM: the current entry or coding batch finishes, nothing is
    lost, and the next start goes on where this one stopped. While it runs,
    `tocsin status` shows the sources and the queue.

    Examples:

      tocsin watch examples/sources.toml --db news.duckdb

      tocsin watch sources.toml --once       # from cron, every 15 minutes
    """
    from dataclasses import replace

    from tocsin.ingest.sources import load_sources
    from tocsin.store import describe_target, open_store
    from tocsin.watch import Watcher, status_file_for

    setup_logging(verbose, quiet)
    log = logging.getLogger("tocsin.watch")
    try:
        config = load_sources(sources)
    except TocsinError as exc:
        raise fail(error_text(exc), code=2) from None
    if allow_private:
        config = replace(config, settings=replace(config.settings, allow_private=True))
    try:
        store = open_store(db)
    except TocsinError as exc:
        raise fail(error_text(exc)) from None

    engine = None
    if not no_code:
        def engine() -> object:  # loaded when the first article needs coding
            from tocsin.pipeline import default_engine

            log.info("loading the coding models")
            return default_engine()

    watcher = Watcher(config, store, engine=engine, status_path=status_file_for(db))  # type: ignore[arg-type]

    def stop(signum: int, _frame: object) -> None:
        log.info("%s received: stopping after the current step", signal.Signals(signum).name)
        watcher.stop()

    previous = {s: signal.signal(s, stop) for s in (signal.SIGINT, signal.SIGTERM)}
    log.info("watching %d source(s) from %s into %s", len(config.sources), sources, describe_target(db))
    try:
        summary = watcher.run(once=once)
    except TocsinError as exc:
        raise fail(error_text(exc)) from None
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)
        store.close()
    log.info("stopped: %d poll(s), %d error(s), %d new article(s), %d reprint(s), %d coded, %d event(s)",
             summary.polls, summary.errors, summary.new_articles, summary.reprints, summary.coded,
             summary.events)
