"""``tocsin db migrate`` and ``tocsin db status``: the database's schema, for both backends."""

from __future__ import annotations

import json
from enum import StrEnum
from typing import Annotated

import typer
from rich.table import Table

from tocsin.cli.common import DEFAULT_DB, DbOption, error_text, fail, stderr_console, stdout_console
from tocsin.errors import TocsinError

db_app = typer.Typer(
    help="Create, upgrade and inspect the event database (a DuckDB file or a PostgreSQL server).",
    no_args_is_help=True,
)


class StatusFormat(StrEnum):
    table = "table"
    json = "json"


@db_app.command("migrate")
def migrate(db: DbOption = DEFAULT_DB) -> None:
    """Apply the schema migrations the database lacks, in order, and list them.

    A new DuckDB file is created; on PostgreSQL the database (and the schema named
    by the URL's search_path) must exist. Safe to run at any time and from several
    places at once: what is applied already is skipped. Every command that writes
    also migrates on its own; this one lets a deployment do it up front.

    Examples:

      tocsin db migrate --db tocsin.duckdb

      tocsin db migrate --db postgresql://tocsin:secret@db.example.org:5432/newsroom
    """
    from tocsin.store import open_store

    err = stderr_console()
    try:
        with open_store(db, migrate=False) as store:
            applied = store.migrate()
            version = store.schema_version()
            where = store.location
    except TocsinError as exc:
        raise fail(error_text(exc)) from None
    for migration in applied:
        err.print(f"applied {migration.label}", highlight=False)
    if applied:
        err.print(f"{where}: schema version {version}", highlight=False)
    else:
        err.print(f"{where}: already at schema version {version}; nothing to apply", highlight=False)


@db_app.command("status")
def status(
    db: DbOption = DEFAULT_DB,
    fmt: Annotated[StatusFormat, typer.Option("--format", "-f", help="table, or json for scripts.")] = StatusFormat.table,
) -> None:
    """Show the schema version, the migrations applied and pending, and how many runs,
    articles and events the database holds. Changes nothing.

    Exits with status 1 when the schema is not up to date (migrations pending, or a
    database newer than this tocsin), so a deployment script can check it.

    Examples:

      tocsin db status

      tocsin db status --db postgresql://tocsin@localhost/newsroom --format json
    """
    from tocsin.store import open_store

    try:
        with open_store(db, read_only=True, migrate=False) as store:
            state = store.schema_status()
    except TocsinError as exc:
        raise fail(error_text(exc)) from None

    if fmt is StatusFormat.json:
        stdout_console().print_json(json.dumps({
            "backend": state.backend,
            "location": state.location,
            "version": state.version,
            "latest": state.latest,
            "up_to_date": state.up_to_date,
            "applied": [
                {"version": m.version, "name": m.name, "applied_at": m.applied_at.isoformat()}
                for m in state.applied
            ],
            "pending": list(state.pending),
            "counts": {"runs": state.n_runs, "articles": state.n_articles, "events": state.n_events},
        }))
    else:
        table = Table(title="tocsin database", show_header=False, title_justify="left")
        table.add_column("what", no_wrap=True)
        table.add_column("value", overflow="fold")
        table.add_row("database", state.location)
        table.add_row("backend", state.backend)
        if state.version > state.latest:
            version = f"{state.version} (newer than this tocsin, which knows up to {state.latest})"
        else:
            version = f"{state.version} (latest {state.latest})"
        table.add_row("schema version", version)
        for m in state.applied:
            table.add_row("applied", f"{m.label}  {m.applied_at:%Y-%m-%d %H:%M:%S} UTC")
        table.add_row("pending", ", ".join(state.pending) or "none")
        for name, count in (("runs", state.n_runs), ("articles", state.n_articles), ("events", state.n_events)):
            table.add_row(name, "-" if count is None else str(count))
        stdout_console().print(table)
    if not state.up_to_date:
        raise typer.Exit(1)
