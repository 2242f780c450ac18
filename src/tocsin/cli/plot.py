"""``tocsin plot dyad A B --out chart.png|svg|html``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from tocsin.cli.common import (
    DEFAULT_DB,
    DbOption,
    error_text,
    fail,
    open_db,
    parse_date,
    stderr_console,
)
from tocsin.cli.dyads import ByOption, SinceOption, UntilOption
from tocsin.errors import TocsinError

app = typer.Typer(help="Charts of dyad series.", no_args_is_help=True, add_completion=False,
                  pretty_exceptions_enable=False)


@app.command("dyad")
def plot_dyad(
    a: Annotated[str, typer.Argument(help="First actor (RUS, RUSMIL…).")],
    b: Annotated[str, typer.Argument(help="Second actor.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Chart file: .png, .svg or .html.")],
    by: ByOption = "week",
    sector: Annotated[str | None, typer.Option(help="Only events whose two actors have this sector.")] = None,
    directed: Annotated[bool, typer.Option("--directed", help="Only A → B.")] = False,
    since: SinceOption = None,
    until: UntilOption = None,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Stacked events per quad class, the mean-intensity line, and the stored
    alerts of this dyad marked on it.

    Example:

      tocsin plot dyad RUS CHN --by week --out rus_chn.png
    """
    from tocsin.analysis.series import dyad_series
    from tocsin.plot import plot_dyad as draw

    with open_db(db) as store:
        try:
            points = dyad_series(store, a, b, by=by, directed=directed, sector=sector,
                                 since=parse_date(since, "--since"), until=parse_date(until, "--until"))
            pair = {a.upper(), b.upper()}
            alerts = [x for x in store.alerts() if {x.source, x.target} == pair]
        except ValueError as exc:
            raise fail(str(exc), code=2) from None
        except TocsinError as exc:
            raise fail(error_text(exc)) from None
    try:
        draw(points, out, alerts=alerts, by=by)
    except ImportError:
        raise fail("charts need matplotlib: pip install 'tocsin[plot]'", code=2) from None
    except TocsinError as exc:
        raise fail(error_text(exc)) from None
    stderr_console().print(f"chart written to {out} ({len(points)} {by}s, {len(alerts)} alert(s))",
                           highlight=False)
