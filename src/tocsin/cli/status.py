"""``tocsin status``: the followed sources, their health, and the coding queue."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Annotated, Any

import typer
from rich.table import Table

from tocsin.cli.common import (
    DEFAULT_DB,
    DbOption,
    error_text,
    fail,
    require_database,
    stdout_console,
)
from tocsin.errors import StoreError, TocsinError


def _when(value: Any) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="seconds")
    return str(value).replace("T", " ")[:19]


def status(
    db: DbOption = DEFAULT_DB,
    as_json: Annotated[bool, typer.Option("--json", help="Print the status as JSON.")] = False,
) -> None:
    """Show the followed sources, their health, and the coding queue.

    For each source: last poll, last success, consecutive failures, last
    error, next poll; then the queue: articles pending, coded, reprints,
    failed, and the canonical events.

    Works while `tocsin watch` runs: the database is then locked by the watch,
    and the status comes from the file the watch keeps beside it
    (DB.status.json, updated after every poll).

    Examples:

      tocsin status --db news.duckdb

      tocsin status --json | jq '.sources[] | select(.failures > 0)'
    """
    from tocsin.store import describe_target, open_store
    from tocsin.watch import status_file_for, status_snapshot

    require_database(db, "start with tocsin ingest or tocsin watch")
    note = None
    try:
        with open_store(db, read_only=True) as store:
            snapshot = status_snapshot(store)
    except StoreError as exc:
        status_path = status_file_for(db)
        if "in use" not in exc.message or not status_path.exists():
            raise fail(error_text(exc)) from None
        try:
            snapshot = json.loads(status_path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as read_exc:
            raise fail(f"{status_path}: cannot read the watch's status file: {read_exc}") from None
        note = f"the database is held by a running watch; status from {status_path}, " \
               f"updated {_when(snapshot.get('watch', {}).get('updated_at'))}"
    except TocsinError as exc:
        raise fail(error_text(exc)) from None

    if as_json:
        typer.echo(json.dumps(snapshot, indent=2, default=str))
        return
    out = stdout_console()
    table = Table(title=f"sources ({describe_target(db)})", title_justify="left")
    for col in ("source", "kind", "outlet", "last poll", "last success", "status", "failures",
                "last error", "next poll", "articles"):
        table.add_column(col, overflow="fold")
    for s in snapshot["sources"]:
        table.add_row(s["name"], s["kind"], s.get("outlet") or "—", _when(s.get("last_poll_at")),
                      _when(s.get("last_success_at")), s.get("last_status") or "never polled",
                      str(s.get("failures", 0)), s.get("last_error") or "—",
                      _when(s.get("next_poll_at")), str(s.get("n_articles", 0)))
    out.print(table)
    counts = snapshot["counts"]
    queue = Table(title="queue", show_header=False, title_justify="left")
    queue.add_row("pending (stored, not coded yet)", str(counts["articles_pending"]))
    queue.add_row("coded", str(counts["articles_coded"]))
    queue.add_row("reprints (merged into a story)", str(counts["articles_duplicate"]))
    queue.add_row("failed", str(counts["articles_failed"]))
    queue.add_row("stories", str(counts["stories"]))
    queue.add_row("events (mentions)", str(counts["event_mentions"]))
    queue.add_row("canonical events", str(counts["canonical_events"]))
    queue.add_row("pages given up or retrying", str(counts["fetch_failures"]))
    out.print(queue)
    if note:
        out.print(f"[dim]{note}[/]")
