"""tocsin's command line: thin Typer commands over the library.

    tocsin code INPUT…      code articles into events (and store them)
    tocsin events           query stored events
    tocsin eval GOLD…       score the coder on gold data
    tocsin info             versions, models and data in use
    tocsin ingest INPUT…    store articles from URLs, feeds, files and corpora, then code them
    tocsin watch SOURCES    follow feeds and pages continuously
    tocsin status           followed sources, their health and the queue
"""

from __future__ import annotations

import sys

import typer

from tocsin.cli import code as _code
from tocsin.cli import events as _events
from tocsin.cli import info as _info
from tocsin.cli import ingest as _ingest
from tocsin.cli import status as _status
from tocsin.cli import watch as _watch

app = typer.Typer(
    name="tocsin",
    help="Turn French and English news into a political event database (PLOVER types, CAMEO codes).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
)
app.command("code")(_code.code)
app.command("events")(_events.events)
app.command("info")(_info.info)
app.command("ingest")(_ingest.ingest)
app.command("watch")(_watch.watch)
app.command("status")(_status.status)

try:  # the eval command lives with the evaluation package
    from tocsin.cli import evaluate as _evaluate

    app.command("eval")(_evaluate.evaluate)
except ImportError:  # pragma: no cover - evaluation is part of the package
    pass


def main() -> None:
    """Console entry point."""
    sys.exit(app(standalone_mode=True))
