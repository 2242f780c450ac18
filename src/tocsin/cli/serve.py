"""``tocsin serve``: the REST API and the dashboard over an event database."""

from __future__ import annotations

import ipaddress
from pathlib import Path
from typing import Annotated

import typer

from tocsin.cli.common import (
    DEFAULT_DB,
    DbOption,
    error_text,
    fail,
    require_database,
    stderr_console,
)
from tocsin.errors import TocsinError


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def serve(
    db: DbOption = DEFAULT_DB,
    host: Annotated[str, typer.Option(help="Address to listen on. Keep 127.0.0.1 unless a proxy with TLS is in front.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.")] = 8000,
    read_only: Annotated[bool, typer.Option("--read-only", help="Open the database read-only: other readers may share "
                                            "the file; submissions and alert changes are refused.")] = False,
    tokens_file: Annotated[Path | None, typer.Option(help="File of write tokens, one per line (# comments). "
                                                     "$TOCSIN_TOKEN is accepted too.")] = None,
    max_body: Annotated[int, typer.Option(help="Largest request body accepted, in bytes.")] = 2_000_000,
    cors_origin: Annotated[list[str] | None, typer.Option(help="Origin allowed to call the API from a browser "
                                                          "(repeatable). Default: none, CORS off.")] = None,
    log_level: Annotated[str, typer.Option(help="uvicorn log level (info, warning, error).")] = "info",
) -> None:
    """Serve the JSON API (/api/…, reference at /docs) and the dashboard (/).

    Writes (POST /api/articles, alert states) need a token: set TOCSIN_TOKEN or pass
    --tokens-file; without one the server is read-only for everybody.

    Examples:

      TOCSIN_TOKEN=$(python -c 'import secrets; print(secrets.token_urlsafe(24))') tocsin serve --db tocsin.duckdb

      tocsin serve --db tocsin.duckdb --read-only --port 8080
    """
    try:
        import uvicorn

        from tocsin.web import ServeSettings, create_app
        from tocsin.web.settings import load_tokens
    except ImportError as exc:
        raise fail(f"the web server needs the 'web' extra: pip install 'tocsin[web]' ({exc})", code=2) from None
    from tocsin.store import describe_target, is_database_url

    if read_only:
        require_database(db, f"code some articles first (tocsin code … --db {db})")
    try:
        settings = ServeSettings(db=db if is_database_url(db) else Path(db), host=host, port=port, read_only=read_only,
                                 tokens=load_tokens(tokens_file), max_body_bytes=max_body,
                                 cors_origins=tuple(cors_origin or ()))
        # open once here so that a locked or damaged file fails with a clear message
        from tocsin.store import open_store

        open_store(db, read_only=read_only).close()
    except TocsinError as exc:
        raise fail(error_text(exc), code=2) from None
    console = stderr_console()
    if not _is_loopback(host):
        console.print(f"[yellow]warning:[/] listening on {host}: anyone who reaches it can read the database; "
                      "put a TLS proxy in front", highlight=False)
    if not settings.tokens:
        console.print("no write token (TOCSIN_TOKEN or --tokens-file): submissions are refused", highlight=False)
    console.print(f"tocsin serving {describe_target(db)} on http://{host}:{port}/ (API reference: /docs)", highlight=False)
    uvicorn.run(create_app(settings), host=host, port=port, log_level=log_level, server_header=False,
                proxy_headers=False)
