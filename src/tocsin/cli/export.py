"""``tocsin export events|series``: events and dyad series to files."""

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

app = typer.Typer(help="Export events and dyad series (CSV, JSON lines, Parquet, GDELT layout).",
                  no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False)


def _format(fmt: str | None, out: Path, allowed: tuple[str, ...]) -> str:
    fmt = (fmt or out.suffix.lower().lstrip(".")).lower()
    if fmt == "tsv":
        fmt = "gdelt"
    if fmt not in allowed:
        raise fail(f"--format: choose one of {', '.join(allowed)} (or a file ending in "
                   f"{', '.join('.' + a for a in allowed if a != 'gdelt')})", code=2)
    return fmt


@app.command("events")
def export_events(
    out: Annotated[Path, typer.Argument(help="Output file.")],
    fmt: Annotated[str | None, typer.Option("--format", "-f", help="csv, jsonl, parquet, or gdelt (the 61 GDELT 2.0 "
                                            "columns, tab-separated). Default: from the file suffix (.tsv = gdelt).")] = None,
    actor: Annotated[list[str] | None, typer.Option("--actor", "-a", help="Actor code (repeatable; twice = between the two).")] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    header: Annotated[bool, typer.Option("--header", help="gdelt: write a header row (GDELT files have none).")] = False,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Export stored events.

    Examples:

      tocsin export events events.parquet --since 2024-01-01

      tocsin export events rus_ukr.tsv --format gdelt --actor RUS --actor UKR
    """
    from tocsin.exports import write_gdelt
    from tocsin.output import write_events
    from tocsin.store import EventFilter

    fmt = _format(fmt, out, ("csv", "jsonl", "parquet", "gdelt"))
    with open_db(db) as store:
        try:
            events = store.query(EventFilter(actors=tuple(actor or ()), since=parse_date(since, "--since"),
                                             until=parse_date(until, "--until")))
            if fmt == "gdelt":
                n = write_gdelt(events, out, store.article, header=header)
            else:
                n = write_events(events, fmt, out)
        except TocsinError as exc:
            raise fail(error_text(exc)) from None
    stderr_console().print(f"{n} event(s) written to {out}", highlight=False)


@app.command("series")
def export_series(
    out: Annotated[Path, typer.Argument(help="Output file (.csv, .jsonl or .parquet).")],
    dyad: Annotated[list[str] | None, typer.Option("--dyad", "-d", help="A:B dyad (repeatable); default: every country pair.")] = None,
    by: ByOption = "week",
    fmt: Annotated[str | None, typer.Option("--format", "-f", help="csv, jsonl or parquet (default: from the suffix).")] = None,
    directed: Annotated[bool, typer.Option("--directed", help="Keep A → B apart from B → A.")] = False,
    since: SinceOption = None,
    until: UntilOption = None,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Export dyad series: one row per dyad and period, one column per measure and
    per PLOVER type. Without --dyad: every pair of countries (non-empty periods).

    Example:

      tocsin export series weekly.parquet --by week --since 2024-01-01
    """
    from tocsin.analysis.series import dyad_series
    from tocsin.exports import write_series
    from tocsin.store.series_sql import SeriesQuery

    fmt = _format(fmt, out, ("csv", "jsonl", "parquet"))
    with open_db(db) as store:
        try:
            s, u = parse_date(since, "--since"), parse_date(until, "--until")
            if dyad:
                points = []
                for spec in dyad:
                    parts = [p for p in spec.replace("->", ":").split(":") if p]
                    if len(parts) != 2:
                        raise fail(f"--dyad: expected A:B, got {spec!r}", code=2)
                    points += dyad_series(store, parts[0], parts[1], by=by, directed=directed,
                                          since=s, until=u)
            else:
                points = store.series_points(SeriesQuery(by=by, directed=directed, since=s, until=u))
            n = write_series(points, fmt, out)
        except ValueError as exc:
            raise fail(str(exc), code=2) from None
        except TocsinError as exc:
            raise fail(error_text(exc)) from None
    stderr_console().print(f"{n} row(s) written to {out}", highlight=False)
