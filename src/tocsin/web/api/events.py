"""``/api/events``: event lists with cursor pagination, one event with its evidence."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse

from tocsin.web.params import EventQuery, encode_cursor, event_query
from tocsin.web.problems import ApiError
from tocsin.web.state import event_evidence, reader, server

router = APIRouter(prefix="/api/events", tags=["events"])


def events_page(request: Request, q: EventQuery) -> tuple[list[Any], str | None]:
    """A page of events for ``q`` and the cursor of the next page (``None`` at the end)."""
    from tocsin.store.base import EventPageKey

    settings = server(request).settings
    limit = min(q.limit or settings.page_size, settings.max_page_size)
    store = reader(request)
    found = store.events_page(q.filter, after=q.after, sectors=q.sectors, limit=limit + 1)  # type: ignore[attr-defined]
    more = len(found) > limit
    found = found[:limit]
    return found, encode_cursor(EventPageKey.of(found[-1])) if more and found else None


@router.get("", summary="Events, newest first, with the filters of `tocsin events`",
            response_class=JSONResponse)
def list_events(request: Request, q: Annotated[EventQuery, Depends(event_query)]) -> JSONResponse:
    """A page of events: `{"events": [...], "next_cursor": ...}`. Pass
    `next_cursor` back as `cursor` for the next page; it is `null` on the last page."""
    found, cursor = events_page(request, q)
    # a Response skips FastAPI's re-validation of the plain dicts (the hot path)
    return JSONResponse({"events": [e.to_dict() for e in found], "next_cursor": cursor})


@router.get("/{event_id}", summary="One event with its evidence")
def get_event(request: Request, event_id: str) -> dict[str, Any]:
    """The event, the character spans of its trigger and actors in the sentence,
    its article, the other events of the same sentence, and other mentions
    (same type and actors within a day, from any article)."""
    store = reader(request)
    event = store.event(event_id)  # type: ignore[attr-defined]
    if event is None:
        raise ApiError(404, f"no event {event_id!r}")
    return event_evidence(store, event)
