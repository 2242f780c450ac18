"""``tocsin alerts``: detect changes in dyads, store them, show and deliver them.

    tocsin alerts [--since D] [--watchlist watch.toml] [--json FILE] [--webhook URL]
    tocsin alerts list [--state new|seen|dismissed]
    tocsin alerts mark ALERT_ID seen|dismissed|new
"""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from tocsin.cli.common import (
    DEFAULT_DB,
    DbOption,
    error_text,
    fail,
    open_db,
    parse_date,
    stderr_console,
    stdout_console,
)
from tocsin.errors import TocsinError
from tocsin.store import describe_target

app = typer.Typer(
    help="Detect changes in dyads (counts and intensity), with the events behind them.",
    no_args_is_help=False, add_completion=False, pretty_exceptions_enable=False,
)

FormatOpt = Annotated[str | None, typer.Option("--format", "-f", help="table (with evidence sentences) or jsonl. "
                                               "Default: table on a terminal, jsonl when piped.")]


def _print(store, alerts, fmt: str | None, *, evidence: int = 3) -> None:
    from tocsin.delivery import evidence_events

    fmt = fmt or ("table" if sys.stdout.isatty() else "jsonl")
    if fmt == "jsonl":
        for alert in alerts:
            sys.stdout.write(json.dumps({**alert.to_dict(),
                                         "evidence_events": evidence_events(store, alert)},
                                        ensure_ascii=False) + "\n")
        return
    if fmt != "table":
        raise fail(f"--format: {fmt!r} is not table or jsonl", code=2)
    out = stdout_console()
    if not alerts:
        out.print("no alerts")
        return
    for rank, alert in enumerate(alerts, start=1):
        out.print(f"[bold]{rank}. {escape(alert.source)}–{escape(alert.target)}[/] "
                  f"{alert.kind} {alert.direction}, score {alert.score:.1f} "
                  f"[dim]({alert.state}, id {alert.alert_id})[/]", highlight=False)
        out.print(f"   {escape(alert.summary)}", highlight=False)
        for ev in evidence_events(store, alert)[:evidence]:
            where = ev["outlet"] or ev["url"] or ev["article_id"]
            text = ev["sentence"] or ev["url"] or ""
            out.print(f"   · {ev['date']} {ev['type']} {ev['source']}→{ev['target']}: "
                      f"“{escape(text)}” [dim]— {escape(str(where))}[/]", highlight=False)


@app.callback(invoke_without_command=True)
def alerts(
    ctx: typer.Context,
    since: Annotated[str | None, typer.Option(help="Start of the recent window (default: the last --window periods).")] = None,
    as_of: Annotated[str | None, typer.Option("--as-of", help="End of the recent window (default: the latest event date).")] = None,
    watchlist: Annotated[Path | None, typer.Option(help="TOML file of dyads to watch (and detector settings); default: every country pair.")] = None,
    by: Annotated[str | None, typer.Option(help="Period: day, week or month (default week).")] = None,
    window: Annotated[int | None, typer.Option(help="Periods in the recent window (default 2).")] = None,
    baseline: Annotated[int | None, typer.Option(help="Baseline periods before the window (default 12).")] = None,
    threshold: Annotated[float | None, typer.Option(help="Minimum score, −log10 of the tail probability (default 5).")] = None,
    json_file: Annotated[Path | None, typer.Option("--json", help="Also write the new alerts, with evidence, to this JSON file.")] = None,
    webhook: Annotated[str | None, typer.Option(help="Also POST the new alerts as JSON to this URL (retried 3 times).")] = None,
    show_all: Annotated[bool, typer.Option("--all", help="Show every alert found now, also those raised before.")] = False,
    db: DbOption = DEFAULT_DB,
    fmt: FormatOpt = None,
) -> None:
    """Find dyads whose recent window departs from their baseline, store the alerts,
    show the new ones with the sentences behind them, and deliver them.

    Each dyad's event counts are compared with an over-dispersed count model of
    its baseline periods, and its mean intensity with the baseline's (method and
    its assumptions: docs/alerts.md). An alert is raised once: running again
    shows only changes not reported before. Exit status 0 either way.

    Examples:

      tocsin alerts

      tocsin alerts --watchlist watch.toml --json alerts.json

      tocsin alerts --since 2024-03-01 --webhook https://hooks.example.org/tocsin
    """
    if ctx.invoked_subcommand is not None:
        return
    from tocsin.analysis.alerts import AlertOptions, detect_alerts, raise_alerts
    from tocsin.analysis.watchlist import Watchlist, load_watchlist
    from tocsin.delivery import alerts_document, post_webhook, write_json

    try:
        listing = load_watchlist(watchlist) if watchlist else Watchlist((), {})
        options = listing.alert_options(AlertOptions(), by=by, window=window, baseline=baseline,
                                        threshold=threshold)
    except TocsinError as exc:
        raise fail(error_text(exc), code=2) from None
    except (TypeError, ValueError) as exc:
        raise fail(str(exc), code=2) from None
    err = stderr_console()
    with open_db(db, read_only=False) as store:
        try:
            kwargs = dict(since=parse_date(since, "--since"), as_of=parse_date(as_of, "--as-of"),
                          watchlist=listing.items or None, options=options)
            if show_all:
                found = detect_alerts(store, **kwargs)
                raise_alerts(store, **kwargs)
            else:
                found = raise_alerts(store, **kwargs)
        except ValueError as exc:
            raise fail(str(exc), code=2) from None
        except TocsinError as exc:
            raise fail(error_text(exc)) from None
        _print(store, found, fmt)
        if not found:
            return
        document = alerts_document(store, found)
    if json_file is not None:
        try:
            write_json(document, json_file)
        except TocsinError as exc:
            raise fail(error_text(exc)) from None
        err.print(f"{len(found)} alert(s) written to {json_file}", highlight=False)
    if webhook is not None:
        logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
        try:
            result = post_webhook(webhook, document)
        except TocsinError as exc:
            raise fail(error_text(exc), code=2) from None
        if result.delivered:
            err.print(f"{len(found)} alert(s) posted to {webhook} (HTTP {result.status})", highlight=False)
        else:
            raise fail(f"webhook {webhook}: not delivered after {result.attempts} attempt(s): "
                       f"{'; '.join(result.errors)}; the alerts are stored (tocsin alerts list)")


@app.command("list")
def list_alerts(
    state: Annotated[str | None, typer.Option(help="Only alerts in this state: new, seen or dismissed.")] = None,
    since: Annotated[str | None, typer.Option(help="Only alerts whose window ends on or after this date.")] = None,
    limit: Annotated[int | None, typer.Option(help="At most this many.")] = None,
    db: DbOption = DEFAULT_DB,
    fmt: FormatOpt = None,
) -> None:
    """Stored alerts, newest window first, then strongest."""
    with open_db(db) as store:
        try:
            found = store.alerts(state=state, since=parse_date(since, "--since"), limit=limit)
        except ValueError as exc:
            raise fail(str(exc), code=2) from None
        _print(store, found, fmt)


@app.command("mark")
def mark(
    alert_id: Annotated[str, typer.Argument(help="The alert id (shown by tocsin alerts).")],
    state: Annotated[str, typer.Argument(help="new, seen or dismissed.")],
    db: DbOption = DEFAULT_DB,
) -> None:
    """Mark a stored alert as seen or dismissed (or new again)."""
    with open_db(db, read_only=False) as store:
        try:
            alert = store.set_alert_state(alert_id, state)
        except KeyError:
            raise fail(f"no alert {alert_id!r} in {describe_target(db)}", code=2) from None
        except ValueError as exc:
            raise fail(str(exc), code=2) from None
    stdout_console().print(f"{alert.alert_id}: {alert.state}", highlight=False)
