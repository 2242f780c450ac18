"""``/api/dyads``: a dyad's series over time, the most active and most changed dyads."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request

from tocsin.web import analysis
from tocsin.web.params import actor_code, parse_date, parse_limit
from tocsin.web.problems import bad_parameter
from tocsin.web.state import reader

router = APIRouter(prefix="/api/dyads", tags=["dyads"])


@router.get("/top", summary="Most active or most changed dyads")
def top(
    request: Request,
    by: Annotated[str, Query(description="events (most active) or change (most changed).")] = "events",
    since: Annotated[str | None, Query(description="From this date (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, Query(description="Up to this date (YYYY-MM-DD).")] = None,
    limit: Annotated[str | None, Query(description="How many dyads (default 10, at most 100).")] = None,
) -> dict[str, Any]:
    if by not in ("events", "change"):
        raise bad_parameter("by", "use events or change")
    rows = analysis.top_dyads(reader(request), since=parse_date(since, "since"),
                              until=parse_date(until, "until"), limit=parse_limit(limit, 10, 100), by=by)
    return {"by": by, "dyads": rows}


@router.get("/{a}/{b}/series", summary="A dyad's events per period")
def series(
    request: Request, a: str, b: str,
    by: Annotated[str, Query(description="day, week or month.")] = "week",
    directed: Annotated[bool, Query(description="Only events from a to b (default: both ways).")] = False,
    sector: Annotated[str | None, Query(description="Only actors of this sector, e.g. MIL.")] = None,
    type: Annotated[list[str] | None, Query(description="PLOVER types (repeatable).")] = None,  # noqa: A002
    since: Annotated[str | None, Query(description="From this date (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, Query(description="Up to this date (YYYY-MM-DD).")] = None,
) -> dict[str, Any]:
    """One point per period with counts, quad classes, Goldstein and intensity
    (the fields of `SeriesPoint`, docs/alerts.md)."""
    if by not in analysis.PERIODS:
        raise bad_parameter("by", "use day, week or month")
    source, target = actor_code(a, "a"), actor_code(b, "b")
    sector_code = sector.strip().upper() if sector and sector.strip() else None
    types = tuple(t.strip().upper() for t in type or () if t.strip()) or None
    points = analysis.dyad_series(
        reader(request), source, target, by=by, directed=directed, sector=sector_code,
        since=parse_date(since, "since"), until=parse_date(until, "until"), types=types,
    )
    return {"source": source, "target": target, "by": by, "directed": directed, "points": points}
