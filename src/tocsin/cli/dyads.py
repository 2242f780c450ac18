"""``tocsin dyads A B`` and ``tocsin top-dyads``: dyad time series and rankings."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from tocsin.cli.common import (
    DEFAULT_DB,
    DbOption,
    error_text,
    fail,
    open_db,
    parse_date,
    stdout_console,
)
from tocsin.errors import TocsinError

ByOption = Annotated[str, typer.Option("--by", help="Period: day, week (ISO weeks, from Monday) or month.")]
SinceOption = Annotated[str | None, typer.Option(help="From this date (YYYY-MM-DD).")]
UntilOption = Annotated[str | None, typer.Option(help="Up to this date (YYYY-MM-DD).")]
SeriesFormat = Annotated[str | None, typer.Option("--format", "-f", help="table, jsonl, csv or parquet (needs --output). "
                                                  "Default: table on a terminal, jsonl when piped.")]


def _fmt(fmt: str | None, output: Path | None) -> str:
    if fmt is None:
        if output is not None:
            suffix = output.suffix.lower().lstrip(".")
            return suffix if suffix in ("csv", "jsonl", "parquet") else "jsonl"
        return "table" if sys.stdout.isatty() else "jsonl"
    if fmt not in ("table", "jsonl", "csv", "parquet"):
        raise fail(f"--format: {fmt!r} is not one of table, jsonl, csv, parquet", code=2)
    if fmt == "parquet" and output is None:
        raise fail("--format parquet needs --output FILE", code=2)
    return fmt


def _num(value: float | None, spec: str = "+.2f") -> str:
    return "" if value is None else format(value, spec)


def dyads(
    a: Annotated[str, typer.Argument(help="First actor: a country (RUS) or an actor code (RUSMIL, IGONATO).")],
    b: Annotated[str, typer.Argument(help="Second actor.")],
    by: ByOption = "week",
    sector: Annotated[str | None, typer.Option(help="Only events whose two actors both have this sector (MIL, GOV…).")] = None,
    directed: Annotated[bool, typer.Option("--directed", help="Only A → B (default: both directions).")] = False,
    negated: Annotated[bool, typer.Option("--include-negated", help="Count negated events too (left out by default).")] = False,
    event_type: Annotated[list[str] | None, typer.Option("--type", "-t", help="Only this PLOVER type (repeatable).")] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    db: DbOption = DEFAULT_DB,
    fmt: SeriesFormat = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write the series to this file.")] = None,
) -> None:
    """Time series of one dyad: per period, events per PLOVER type and quad class,
    Goldstein and intensity (sum and mean), cooperation–conflict balance, sources.

    A country rolls up its sectors (RUS counts RUSMIL, RUSGOV…); periods without
    events are shown as zeros. Measures are explained in docs/alerts.md.

    Examples:

      tocsin dyads RUS CHN --by month --since 2023-01-01

      tocsin dyads RUS UKR --by week --sector MIL --directed -o rus_ukr.csv
    """
    from tocsin.analysis.series import dyad_series
    from tocsin.exports import write_series

    out_format = _fmt(fmt, output)
    with open_db(db) as store:
        try:
            points = dyad_series(store, a, b, by=by, directed=directed, sector=sector,
                                 since=parse_date(since, "--since"), until=parse_date(until, "--until"),
                                 include_negated=negated, types=event_type)
        except ValueError as exc:
            raise fail(str(exc), code=2) from None
        except TocsinError as exc:
            raise fail(error_text(exc)) from None
    if out_format != "table":
        try:
            write_series(points, out_format, output if output is not None else sys.stdout)
        except TocsinError as exc:
            raise fail(error_text(exc)) from None
        return
    arrow = "→" if directed else "–"
    table = Table(title=f"{a.upper()} {arrow} {b.upper()} per {by}", title_justify="left")
    for col in ("period", "events", "coop v/m", "confl v/m", "goldstein", "intensity",
                "balance", "sources", "types"):
        table.add_column(col, justify="left" if col in ("period", "types") else "right",
                         no_wrap=col != "types", min_width=10 if col == "period" else None)
    for p in points:
        q = p.quad_counts
        types = ", ".join(f"{t} {n}" for t, n in sorted(p.type_counts.items(), key=lambda kv: -kv[1]))
        table.add_row(p.period.isoformat(), str(p.n_events), f"{q[0]}/{q[1]}", f"{q[2]}/{q[3]}",
                      _num(p.goldstein_mean), _num(p.intensity_mean), _num(p.balance),
                      str(p.n_sources), types)
    stdout_console().print(table if points else "no events for this dyad")


def top_dyads(
    since: SinceOption = None,
    until: UntilOption = None,
    by: Annotated[str, typer.Option("--by", help="Rank by 'events' (most active) or 'change' (most changed).")] = "events",
    limit: Annotated[int, typer.Option(help="How many dyads.")] = 20,
    directed: Annotated[bool, typer.Option("--directed", help="Keep source → target apart.")] = False,
    db: DbOption = DEFAULT_DB,
    fmt: Annotated[str | None, typer.Option("--format", "-f", help="table or jsonl.")] = None,
) -> None:
    """Country dyads ranked by activity or by change against the window before.

    The window is --since … --until (default: the 30 days up to the latest
    event); the baseline is the same number of days just before. change =
    log2((events + 1) / (baseline events + 1)).

    Example:

      tocsin top-dyads --since 2024-03-01 --by change --limit 10
    """
    from tocsin.analysis.series import top_dyads as rank

    with open_db(db) as store:
        try:
            rows = rank(store, since=parse_date(since, "--since"), until=parse_date(until, "--until"),
                        limit=limit, by=by, directed=directed)
        except ValueError as exc:
            raise fail(str(exc), code=2) from None
        except TocsinError as exc:
            raise fail(error_text(exc)) from None
    if (fmt or ("table" if sys.stdout.isatty() else "jsonl")) == "jsonl":
        for r in rows:
            sys.stdout.write(json.dumps(r.to_dict()) + "\n")
        return
    table = Table(title=f"top dyads by {by}", title_justify="left")
    for col in ("source", "target", "events", "baseline", "change", "intensity", "baseline int."):
        table.add_column(col, justify="left" if col in ("source", "target") else "right")
    for r in rows:
        table.add_row(r.source, r.target, str(r.n_events), str(r.n_events_baseline),
                      f"{r.change:+.2f}", _num(r.intensity_mean), _num(r.intensity_mean_baseline))
    stdout_console().print(table if rows else "no dyads with events in this window")
