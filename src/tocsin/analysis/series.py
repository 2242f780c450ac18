"""Dyad time series and the most active / most changed dyads.

``dyad_series(store, "RUS", "CHN", by="week")`` gives one :class:`SeriesPoint`
per period between the first and the last period (empty periods filled with
zeros, so a chart or a detector sees the quiet weeks too). Actor values follow
the event filters: ``RUS`` rolls up every Russian actor (``RUSMIL``, ``RUSGOV``…),
``RUSMIL`` matches that code only. Without ``directed`` both directions count.
The SQL runs in the database (:mod:`tocsin.store.series_sql`).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from datetime import date, timedelta

from tocsin.records import DyadActivity, SeriesPoint
from tocsin.store.base import Store
from tocsin.store.series_sql import PERIODS, SeriesQuery

__all__ = [
    "PERIODS",
    "dyad_series",
    "empty_point",
    "fill_periods",
    "next_period",
    "period_start",
    "top_dyads",
]


def period_start(day: date, by: str) -> date:
    """The first day of the period holding ``day``."""
    if by == "day":
        return day
    if by == "week":
        return day - timedelta(days=day.weekday())
    if by == "month":
        return day.replace(day=1)
    raise ValueError(f"by must be one of {', '.join(PERIODS)}, not {by!r}")


def next_period(start: date, by: str) -> date:
    """The first day of the period after the one starting on ``start``."""
    if by == "day":
        return start + timedelta(days=1)
    if by == "week":
        return start + timedelta(days=7)
    if by == "month":
        return date(start.year + start.month // 12, start.month % 12 + 1, 1)
    raise ValueError(f"by must be one of {', '.join(PERIODS)}, not {by!r}")


def period_end(start: date, by: str) -> date:
    """The last day of the period starting on ``start``."""
    return next_period(start, by) - timedelta(days=1)


def empty_point(period: date, source: str, target: str) -> SeriesPoint:
    return SeriesPoint(
        period=period, source=source, target=target, n_events=0, n_mentions=0,
        type_counts={}, quad_counts=(0, 0, 0, 0), goldstein_mean=None, goldstein_sum=0.0,
        intensity_mean=None, intensity_sum=0.0, balance=None, n_sources=0,
    )


def fill_periods(
    points: Iterable[SeriesPoint], source: str, target: str, *, by: str,
    start: date | None = None, end: date | None = None,
) -> list[SeriesPoint]:
    """Every period from ``start`` (default: the first point) to ``end`` (default: the last)."""
    by_period = {p.period: p for p in points}
    if start is None and not by_period:
        return []
    first = period_start(start, by) if start else min(by_period)
    last = period_start(end, by) if end else max(by_period, default=first)
    out = []
    current = first
    while current <= last:
        out.append(by_period.get(current) or empty_point(current, source, target))
        current = next_period(current, by)
    return out


def dyad_series(
    store: Store, a: str, b: str, *, by: str = "week", directed: bool = False,
    sector: str | None = None, since: date | None = None, until: date | None = None,
    include_negated: bool = False, types: Iterable[str] | None = None,
    fill: bool = True,
) -> list[SeriesPoint]:
    """The series of the dyad ``a``–``b`` (``a`` → ``b`` when ``directed``).

    ``sector`` keeps events whose two actors both have that sector (``MIL``);
    ``types`` keeps those PLOVER types; negated events are left out unless
    ``include_negated``. With ``fill`` (default), periods without events between
    ``since`` (or the first event) and ``until`` (or the last event) are zeros.
    """
    q = SeriesQuery(
        pair=(a, b), by=by, directed=directed, sector=sector, since=since, until=until,
        include_negated=include_negated, types=tuple(types or ()),
    )
    points = store.series_points(q)
    if not fill:
        return points
    assert q.pair is not None
    return fill_periods(points, q.pair[0], q.pair[1], by=by, start=since, end=until)


def _latest_event_date(store: Store) -> date | None:
    return store.event_date_range()[1]


def top_dyads(
    store: Store, *, since: date | None = None, until: date | None = None,
    limit: int = 20, by: str = "events", directed: bool = False,
) -> list[DyadActivity]:
    """Country dyads ranked by activity (``by="events"``) or change (``by="change"``).

    The window is ``since`` … ``until`` (defaults: the 30 days up to the latest
    event). The baseline is the window of the same length just before it.
    ``change`` is ``log2((n + 1) / (n_baseline + 1))``: +1 means twice as many
    events as in the baseline, −1 half as many; "most changed" ranks by its size.
    """
    if by not in ("events", "change"):
        raise ValueError(f"by must be 'events' or 'change', not {by!r}")
    if until is None:
        until = _latest_event_date(store)
        if until is None:
            return []
    if since is None:
        since = until - timedelta(days=29)
    if since > until:
        raise ValueError(f"since ({since}) is after until ({until})")
    length = (until - since).days + 1
    base_start, base_end = since - timedelta(days=length), since - timedelta(days=1)

    def totals(start: date, end: date) -> dict[tuple[str, str], tuple[int, float, float]]:
        found: dict[tuple[str, str], tuple[int, float, float]] = {}
        q = SeriesQuery(pair=None, by="month", directed=directed, since=start, until=end)
        for p in store.series_points(q):
            n, s, sq = found.get((p.source, p.target), (0, 0.0, 0.0))
            found[(p.source, p.target)] = (n + p.n_events, s + p.intensity_sum, sq)
        return found

    recent, baseline = totals(since, until), totals(base_start, base_end)
    rows = []
    for dyad, (n, i_sum, _) in recent.items():
        n_base, b_sum, _ = baseline.get(dyad, (0, 0.0, 0.0))
        rows.append(DyadActivity(
            source=dyad[0], target=dyad[1], n_events=n, n_events_baseline=n_base,
            change=math.log2((n + 1) / (n_base + 1)),
            intensity_mean=i_sum / n if n else None,
            intensity_mean_baseline=b_sum / n_base if n_base else None,
        ))
    if by == "change":
        for dyad, (n_base, b_sum, _) in baseline.items():
            if dyad not in recent:
                rows.append(DyadActivity(
                    source=dyad[0], target=dyad[1], n_events=0, n_events_baseline=n_base,
                    change=math.log2(1 / (n_base + 1)), intensity_mean=None,
                    intensity_mean_baseline=b_sum / n_base,
                ))
        rows.sort(key=lambda r: (-abs(r.change), -r.n_events, r.source, r.target))
    else:
        rows.sort(key=lambda r: (-r.n_events, -abs(r.change), r.source, r.target))
    return rows[:limit]
