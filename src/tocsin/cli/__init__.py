"""tocsin's command line: thin Typer commands over the library.

    tocsin code INPUT…      code articles into events (and store them)
    tocsin events           query stored events
    tocsin eval GOLD…       score the coder on gold data
    tocsin info             versions, models and data in use
    tocsin dyads A B        a dyad's time series; tocsin top-dyads ranks dyads
    tocsin alerts           changes in dyads, with their evidence (list, mark)
    tocsin plot dyad A B    a chart of a dyad's series and alerts
    tocsin import gdelt|icews|polecat FILE…   event datasets into the database
    tocsin export events|series OUT           events and series to files
    tocsin export parquet DIR                 articles and events as a Parquet dataset
    tocsin load parquet DIR                   a Parquet dataset into the database
    tocsin db migrate|status                  create/upgrade the schema; its version and counts
    tocsin places …         gazetteer look-up and place-resolution scores
    tocsin ingest INPUT…    store articles from URLs, feeds, files and corpora, then code them
    tocsin watch SOURCES    follow feeds and pages continuously
    tocsin status           followed sources, their health and the queue
    tocsin serve            the REST API and the dashboard
"""

from __future__ import annotations

import sys

import typer

from tocsin.cli import alerts as _alerts
from tocsin.cli import code as _code
from tocsin.cli import db as _db
from tocsin.cli import dyads as _dyads
from tocsin.cli import events as _events
from tocsin.cli import export as _export
from tocsin.cli import imports as _imports
from tocsin.cli import info as _info
from tocsin.cli import ingest as _ingest
from tocsin.cli import places as _places
from tocsin.cli import plot as _plot
from tocsin.cli import scale as _scale
from tocsin.cli import serve as _serve
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
app.command("dyads")(_dyads.dyads)
app.command("top-dyads")(_dyads.top_dyads)
app.add_typer(_alerts.app, name="alerts")
app.add_typer(_plot.app, name="plot")
app.add_typer(_imports.app, name="import")
_export.app.command("parquet")(_scale.export_parquet)
app.add_typer(_export.app, name="export")
app.add_typer(_scale.load_app, name="load")
app.add_typer(_db.db_app, name="db")
app.add_typer(_places.app, name="places")
app.command("ingest")(_ingest.ingest)
app.command("watch")(_watch.watch)
app.command("status")(_status.status)
app.command("serve")(_serve.serve)

try:  # the eval command lives with the evaluation package
    from tocsin.cli import evaluate as _evaluate

    app.command("eval")(_evaluate.evaluate)
except ImportError:  # pragma: no cover - evaluation is part of the package
    pass


def main() -> None:
    """Console entry point."""
    sys.exit(app(standalone_mode=True))
