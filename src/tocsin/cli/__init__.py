"""tocsin's command line: thin Typer commands over the library.

    tocsin code INPUT…      code articles into events (and store them)
    tocsin events           query stored events
    tocsin eval GOLD…       score the coder on gold data
    tocsin info             versions, models and data in use
    tocsin serve            the REST API and the dashboard
"""

from __future__ import annotations

import sys

import typer

from tocsin.cli import code as _code
from tocsin.cli import events as _events
from tocsin.cli import info as _info
from tocsin.cli import serve as _serve

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

app.command("serve")(_serve.serve)

try:  # the eval command lives with the evaluation package
    from tocsin.cli import evaluate as _evaluate

    app.command("eval")(_evaluate.evaluate)
except ImportError:  # pragma: no cover - evaluation is part of the package
    pass


def main() -> None:
    """Console entry point."""
    sys.exit(app(standalone_mode=True))
