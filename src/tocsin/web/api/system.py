"""``/api/health``, ``/api/version``, ``/api/sources``."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request

from tocsin.version import CODER_NAME, __version__
from tocsin.web import analysis
from tocsin.web.state import reader, server

router = APIRouter(prefix="/api", tags=["system"])

#: Version of the JSON API; bumped when a response changes incompatibly.
API_VERSION = "1"


@router.get("/health", summary="Is the server up, and what database does it serve")
def health(request: Request) -> dict[str, Any]:
    srv = server(request)
    store = reader(request)
    return {
        "status": "ok",
        "database": {"read_only": srv.database.read_only, "events": store.count_events(),
                     "articles": _count_articles(store)},
        "writes": srv.tokens.enabled and not srv.database.read_only,
        "alerts": analysis.has_alerts(store),
        "series": analysis.has_series(),
    }


def _count_articles(store: Any) -> int:
    return sum(r.n_articles for r in store.outlets())


@router.get("/version", summary="Versions of tocsin, its coder and this API")
def version() -> dict[str, str]:
    return {"tocsin": __version__, "coder": CODER_NAME, "api": API_VERSION}


@router.get("/sources", summary="Outlets of the stored articles and the latest coding runs")
def sources(request: Request) -> dict[str, Any]:
    """Outlets with their article counts and latest publication date; the 20
    latest coding runs (from `tocsin code` or submissions) as the watch status."""
    store = reader(request)
    runs = store.runs()[-20:]
    return {
        "outlets": [{"outlet": r.outlet, "n_articles": r.n_articles,
                     "latest": r.latest.isoformat() if r.latest else None} for r in store.outlets()],  # type: ignore[attr-defined]
        "runs": [{"run_id": r.run_id, "started_at": r.started_at.isoformat(),
                  "finished_at": r.finished_at.isoformat() if r.finished_at else None,
                  "coder": r.coder, "n_articles": r.n_articles, "n_events": r.n_events,
                  "n_failed": r.n_failed, "via": r.args.get("via", "tocsin code")}
                 for r in reversed(runs)],
    }
