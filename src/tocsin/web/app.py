"""The FastAPI application: ``create_app(settings)``.

JSON API under ``/api`` (OpenAPI schema at ``/openapi.json``, a readable
reference at ``/docs``), dashboard pages everywhere else, static files under
``/static``. Every error under ``/api`` has the JSON shape of
:mod:`tocsin.web.problems`; page errors render an HTML page.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from tocsin.errors import StoreError, TocsinError
from tocsin.version import __version__
from tocsin.web.api import alerts, articles, dyads, events, system
from tocsin.web.auth import Sessions, TokenChecker
from tocsin.web.coding import Coding
from tocsin.web.database import Database
from tocsin.web.problems import STATUS_CODES, ApiError, error_body
from tocsin.web.security import BodyLimit, SecurityHeaders, cors_headers
from tocsin.web.settings import ServeSettings
from tocsin.web.state import ServerState

log = logging.getLogger("tocsin.web")


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api") or request.url.path == "/openapi.json"


def _error_response(request: Request, status: int, code: str, message: str,
                    details: list[dict[str, Any]] | None = None,
                    headers: dict[str, str] | None = None) -> Response:
    if _wants_json(request):
        return JSONResponse(error_body(status, code, message, details), status_code=status, headers=headers)
    from tocsin.web.pages import render

    try:
        return render(request, "error.html", status_code=status, status=status, code=code,
                      message=message, details=details or [])
    except Exception:  # noqa: BLE001 - the error page must never fail in turn
        return HTMLResponse(f"<h1>{status}</h1>", status_code=status)


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError) -> Response:
        return _error_response(request, exc.status, exc.code, exc.message, exc.details, exc.headers)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = {404: "no such page or endpoint", 405: "method not allowed here"}.get(
            exc.status_code, str(exc.detail))
        return _error_response(request, exc.status_code, STATUS_CODES.get(exc.status_code, "error"),
                               message, headers=getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        details = [{"field": ".".join(str(p) for p in e.get("loc", ()) if p not in ("query", "path", "body")),
                    "message": e.get("msg", "")} for e in exc.errors()]
        message = "; ".join(f"{d['field']}: {d['message']}" for d in details) or "invalid request"
        return _error_response(request, 422, "invalid_parameter", message, details)

    @app.exception_handler(TocsinError)
    async def tocsin_error(request: Request, exc: TocsinError) -> Response:
        log.error("tocsin error on %s: %s", request.url.path, exc)
        if isinstance(exc, StoreError):
            return _error_response(request, 503, "store_error", f"the database could not answer [{exc.code}]")
        return _error_response(request, 503, "coding_error", f"{exc.message} [{exc.code}]")

    @app.exception_handler(Exception)
    async def crash(request: Request, exc: Exception) -> Response:
        log.exception("unexpected error on %s", request.url.path)
        return _error_response(request, 500, "internal_error", "unexpected server error; see the server log")


def create_app(settings: ServeSettings | None = None) -> FastAPI:
    """The server for ``settings.db``; the database opens when the app starts."""
    settings = settings or ServeSettings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        database = Database(settings.db, read_only=settings.read_only)
        app.state.tocsin = ServerState(
            settings=settings, database=database, tokens=TokenChecker(settings.tokens),
            sessions=Sessions(settings.session_hours), coding=Coding(database),
        )
        try:
            yield
        finally:
            database.close()

    app = FastAPI(
        title="tocsin", version=__version__, lifespan=lifespan,
        docs_url=None, redoc_url=None, openapi_url="/openapi.json",
        description="Political events coded from news (PLOVER/CAMEO), dyad series and alerts. "
                    "Write endpoints need `Authorization: Bearer <token>`.",
    )
    _install_error_handlers(app)
    for module in (events, dyads, alerts, articles, system):
        app.include_router(module.router)
    from tocsin.web import pages

    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=Path(__file__).parent / "static"), name="static")

    if settings.cors_origins:
        @app.middleware("http")
        async def cors(request: Request, call_next: Any) -> Response:
            response: Response = await call_next(request)
            response.headers.update(cors_headers(request.headers.get("origin"), settings.cors_origins))
            return response

    app.add_middleware(BodyLimit, max_bytes=settings.max_body_bytes)
    app.add_middleware(SecurityHeaders)
    return app
