"""``/api/alerts``: the alerts inbox (list, one, change state)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body, Header, Query, Request

from tocsin.web import analysis
from tocsin.web.params import parse_date, parse_limit
from tocsin.web.problems import ApiError, bad_parameter
from tocsin.web.state import reader, server

router = APIRouter(prefix="/api/alerts", tags=["alerts"])

STATES = ("new", "seen", "dismissed")


@router.get("", summary="Alerts, newest and strongest first")
def list_alerts(
    request: Request,
    state: Annotated[str | None, Query(description="new, seen or dismissed.")] = None,
    since: Annotated[str | None, Query(description="Alerts whose window ends on or after this date.")] = None,
    limit: Annotated[str | None, Query(description="At most this many (default 50, at most 500).")] = None,
) -> dict[str, Any]:
    store = reader(request)
    analysis.require_alerts(store)
    if state is not None and state.strip() and state not in STATES:
        raise bad_parameter("state", "use new, seen or dismissed")
    found = store.alerts(state=state or None, since=parse_date(since, "since"),  # type: ignore[attr-defined]
                         limit=parse_limit(limit, 50, 500))
    return {"alerts": [a.to_dict() for a in found]}


def _one(request: Request, alert_id: str) -> Any:
    store = reader(request)
    analysis.require_alerts(store)
    alert = store.alert(alert_id)  # type: ignore[attr-defined]
    if alert is None:
        raise ApiError(404, f"no alert {alert_id!r}")
    return alert


@router.get("/{alert_id}", summary="One alert with its evidence events")
def get_alert(request: Request, alert_id: str) -> dict[str, Any]:
    alert = _one(request, alert_id)
    events = reader(request).events_by_id(list(alert.evidence))  # type: ignore[attr-defined]
    return {"alert": alert.to_dict(), "evidence": [e.to_dict() for e in events]}


def change_state(request: Request, alert_id: str, state: str) -> Any:
    """Set an alert's state under the write lock (shared by the API and the dashboard)."""
    srv = server(request)
    if srv.database.read_only:
        raise ApiError(403, "the server opened the database read-only", code="read_only")
    if state not in STATES:
        raise bad_parameter("state", "use new, seen or dismissed")
    _one(request, alert_id)
    with srv.database.write_lock:
        try:
            return srv.database.store.set_alert_state(alert_id, state)  # type: ignore[attr-defined]
        except KeyError:
            raise ApiError(404, f"no alert {alert_id!r}") from None


@router.patch("/{alert_id}", summary="Mark an alert new, seen or dismissed (token)")
def patch_alert(
    request: Request, alert_id: str,
    body: Annotated[dict[str, Any], Body(examples=[{"state": "seen"}])],
    authorization: Annotated[str | None, Header(description="Bearer <token>")] = None,
) -> dict[str, Any]:
    server(request).tokens.require(authorization)
    state = body.get("state")
    if not isinstance(state, str):
        raise bad_parameter("state", "a string: new, seen or dismissed")
    return {"alert": change_state(request, alert_id, state).to_dict()}
