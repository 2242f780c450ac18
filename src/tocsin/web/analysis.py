"""Dyad series, top dyads and alerts for the server, from ``tocsin.analysis``.

When ``tocsin.analysis`` (series and alerts) or the store's alert methods are
missing, the server still runs: series fall back to weekly event counts
computed here, top dyads to :meth:`Store.dyad_summary`, and alert endpoints
answer 503 ``alerts_unavailable``.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from typing import Any

from tocsin.store import EventFilter, Store
from tocsin.web.problems import ApiError

try:  # the analysis package (dyad series, alerts)
    from tocsin.analysis import series as _series
except ImportError:  # pragma: no cover - depends on the installed tocsin
    _series = None  # type: ignore[assignment]

PERIODS = ("day", "week", "month")


def has_series() -> bool:
    return _series is not None


def has_alerts(store: Store) -> bool:
    return all(hasattr(store, name) for name in ("alerts", "alert", "set_alert_state", "events_by_id"))


def require_alerts(store: Store) -> None:
    if not has_alerts(store):
        raise ApiError(503, "alerts are not available in this tocsin version", code="alerts_unavailable")


def period_start(day: date, by: str) -> date:
    if by == "week":
        return day - timedelta(days=day.weekday())
    if by == "month":
        return day.replace(day=1)
    return day


def dyad_series(store: Store, a: str, b: str, *, by: str = "week", directed: bool = False,
                sector: str | None = None, since: date | None = None, until: date | None = None,
                types: tuple[str, ...] | None = None) -> list[dict[str, Any]]:
    """The dyad's series as JSON-ready dicts (``SeriesPoint.to_dict()``), oldest first."""
    if _series is not None:
        points = _series.dyad_series(store, a, b, by=by, directed=directed, sector=sector,
                                     since=since, until=until, types=types or None)
        return [p.to_dict() for p in points]
    flt = EventFilter(dyad=(a, b), symmetric_dyad=not directed, since=since, until=until,
                      types=types or ())
    counts: Counter[date] = Counter()
    for day, n in store.daily_counts(flt):  # type: ignore[attr-defined]
        counts[period_start(day, by)] += n
    return [{"period": p.isoformat(), "source": a, "target": b, "n_events": n, "n_mentions": n}
            for p, n in sorted(counts.items())]


def top_dyads(store: Store, *, since: date | None = None, until: date | None = None,
              limit: int = 10, by: str = "events") -> list[dict[str, Any]]:
    """Most active (``by="events"``) or most changed (``by="change"``) dyads as dicts."""
    if _series is not None:
        rows = _series.top_dyads(store, since=since, until=until, limit=limit, by=by)
        return [r.to_dict() for r in rows]
    if by != "events":
        return []
    rows2 = store.dyad_summary(EventFilter(since=since, until=until, limit=limit * 2))
    out = [{"source": r.source_country, "target": r.target_country, "n_events": r.n_events}
           for r in rows2 if r.source_country and r.target_country]
    return out[:limit]
