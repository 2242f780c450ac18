"""``/api/articles``: stored articles, and submitting new ones for coding (token)."""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Header, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse

from tocsin.store import EventFilter
from tocsin.web.coding import articles_from_json
from tocsin.web.params import parse_limit
from tocsin.web.problems import ApiError
from tocsin.web.state import article_summary, reader, server

router = APIRouter(prefix="/api/articles", tags=["articles"])


@router.get("", summary="Stored articles (without their text), by id")
def list_articles(
    request: Request,
    cursor: Annotated[str | None, Query(description="next_cursor of the previous page.")] = None,
    limit: Annotated[str | None, Query(description="Articles per page (default 50, at most 500).")] = None,
) -> dict[str, Any]:
    n = parse_limit(limit, 50, 500)
    rows = reader(request).articles_page(after=cursor or None, limit=n + 1)  # type: ignore[attr-defined]
    more = len(rows) > n
    rows = rows[:n]
    return {
        "articles": [
            {"article_id": r.article_id, "title": r.title,
             "published": r.published.isoformat() if r.published else None, "url": r.url,
             "language": r.language, "outlet": r.outlet, "n_events": r.n_events}
            for r in rows
        ],
        "next_cursor": rows[-1].article_id if more and rows else None,
    }


@router.get("/{article_id}", summary="One article with its text and events")
def get_article(request: Request, article_id: str) -> dict[str, Any]:
    store = reader(request)
    article = store.article(article_id)
    if article is None:
        raise ApiError(404, f"no article {article_id!r}")
    events = store.query(EventFilter(article_ids=(article_id,)))
    return {"article": {**article_summary(article), "text": article.text},
            "events": [e.to_dict() for e in events]}


@router.post("", status_code=201, summary="Submit articles for coding (token)",
             responses={201: {"description": "Stored: each article with its event ids"}})
async def submit(
    request: Request,
    authorization: Annotated[str | None, Header(description="Bearer <token>")] = None,
) -> JSONResponse:
    """Body: one article (`{"text": …, "title", "published", "url", "language",
    "outlet", "id"}`, only `text` required), a list of them, or
    `{"articles": [...]}`. Articles are coded and stored; the response lists
    each article with its event ids, and the articles refused (e.g. an
    unsupported language) under `problems`. The first submission loads the
    models (a few seconds)."""
    srv = server(request)
    srv.tokens.require(authorization)
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type != "application/json":
        raise ApiError(415, "send the articles as application/json")
    raw = await request.body()
    try:
        payload = json.loads(raw)
    except (ValueError, UnicodeDecodeError) as exc:
        raise ApiError(400, f"the body is not valid JSON: {exc}", code="invalid_json") from None
    articles = articles_from_json(payload, srv.settings.max_articles)
    result = await run_in_threadpool(srv.coding.submit, articles)
    return JSONResponse(result.to_dict(), status_code=201)
