"""Change alerts on dyad series, with the events that drive them.

``detect_alerts(store)`` takes every pair of countries (or the dyads of a
watchlist), compares a recent window with the baseline periods before it
(:mod:`tocsin.analysis.detector`: an over-dispersed count model and a shift in
mean intensity), keeps the changes scoring at least ``AlertOptions.threshold``
and attaches the events behind each one. ``raise_alerts`` also stores them and
returns only those not raised before. Method and assumptions: docs/alerts.md.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from tocsin.analysis.detector import IntensitySample, TestResult, count_test, intensity_test
from tocsin.analysis.intensity import intensity
from tocsin.analysis.series import fill_periods, next_period, period_end, period_start
from tocsin.records import Alert, Event, SeriesPoint
from tocsin.store.base import Store
from tocsin.store.filters import EventFilter
from tocsin.store.series_sql import PERIODS, SeriesQuery

if TYPE_CHECKING:
    from tocsin.analysis.watchlist import Watchlist

__all__ = [
    "KINDS", "AlertOptions", "WatchItem", "detect_alerts", "evaluate_series", "plan_windows",
    "raise_alerts",
]

KINDS = ("count", "intensity")


@dataclass(frozen=True, slots=True)
class AlertOptions:
    """Settings of the detector, with their defaults (documented in docs/alerts.md).

    * ``by``: period unit of the series (day, week, month);
    * ``window``: periods in the recent window (ending with the latest period);
    * ``baseline``: periods in the baseline, just before the window;
    * ``threshold``: minimum score (−log10 of the tail probability) to alert;
    * ``min_events``: an upward count alert needs this many events in the
      window; a downward one this many expected; an intensity alert this many
      events in the window and in the baseline;
    * ``min_shift``: an intensity alert needs the mean to move at least this much;
    * ``evidence``: how many event ids an alert carries;
    * ``kinds``: which tests to run; ``include_negated``: count negated events too.
    """

    by: str = "week"
    window: int = 2
    baseline: int = 12
    threshold: float = 5.0
    min_events: int = 5
    min_shift: float = 1.5
    evidence: int = 10
    kinds: tuple[str, ...] = KINDS
    include_negated: bool = False

    def __post_init__(self) -> None:
        if self.by not in PERIODS:
            raise ValueError(f"by must be one of {', '.join(PERIODS)}, not {self.by!r}")
        if self.window < 1 or self.baseline < 2:
            raise ValueError("window needs at least 1 period and baseline at least 2")
        unknown = [k for k in self.kinds if k not in KINDS]
        if unknown:
            raise ValueError(f"unknown alert kind(s) {unknown}; known: {', '.join(KINDS)}")


@dataclass(frozen=True, slots=True)
class WatchItem:
    """One watched dyad: actor codes as for ``dyad_series``."""

    source: str
    target: str
    directed: bool = False
    sector: str | None = None
    label: str | None = None


@dataclass(frozen=True, slots=True)
class Windows:
    baseline_start: date
    baseline_end: date
    window_start: date
    window_end: date
    #: window length in periods (a partial last period counts by its days)
    window_periods: float
    baseline_periods: int = field(default=0)


def plan_windows(as_of: date, options: AlertOptions, since: date | None = None) -> Windows:
    """The recent window (up to ``as_of``) and the baseline periods before it."""
    by = options.by
    last = period_start(as_of, by)
    if since is not None:
        start = period_start(since, by)
        if start > last:
            raise ValueError(f"since ({since}) is after the latest event ({as_of})")
    else:
        start = last
        for _ in range(options.window - 1):
            start = period_start(start - timedelta(days=1), by)
    full, current = 0, start
    while current < last:
        full += 1
        current = next_period(current, by)
    last_days = (period_end(last, by) - last).days + 1
    fraction = ((as_of - last).days + 1) / last_days
    base_start = start
    for _ in range(options.baseline):
        base_start = period_start(base_start - timedelta(days=1), by)
    return Windows(
        baseline_start=base_start, baseline_end=start - timedelta(days=1),
        window_start=start, window_end=as_of, window_periods=full + fraction,
        baseline_periods=options.baseline,
    )


def _sample(points: Iterable[SeriesPoint]) -> IntensitySample:
    pts = list(points)
    return IntensitySample(
        n=sum(p.n_events for p in pts), total=sum(p.intensity_sum for p in pts),
        squares=sum(p.intensity_sumsq for p in pts),
    )


def _label(source: str, target: str, directed: bool) -> str:
    return f"{source}→{target}" if directed else f"{source}–{target}"


def evaluate_series(
    series: list[SeriesPoint], w: Windows, options: AlertOptions,
) -> list[tuple[str, TestResult]]:
    """The tests of one dyad's series (baseline and window periods) that pass the threshold."""
    base = [p for p in series if p.period < w.window_start]
    recent = [p for p in series if p.period >= w.window_start]
    found: list[tuple[str, TestResult]] = []
    if "count" in options.kinds:
        observed = sum(p.n_events for p in recent)
        result = count_test([p.n_events for p in base], observed, w.window_periods)
        big_enough = (
            observed >= options.min_events if result.direction == "up"
            else result.expected >= options.min_events
        )
        if big_enough and result.score >= options.threshold:
            found.append(("count", result))
    if "intensity" in options.kinds:
        window = _sample(recent)
        samples = [IntensitySample(p.n_events, p.intensity_sum, p.intensity_sumsq) for p in base]
        result = intensity_test(samples, window)
        if (
            result is not None
            and window.n >= options.min_events
            and sum(s.n for s in samples) >= options.min_events
            and abs(result.observed - result.expected) >= options.min_shift
            and result.score >= options.threshold
        ):
            found.append(("intensity", result))
    return found


def _mention_key(e: Event) -> tuple[object, ...]:
    return (e.article_id, e.sentence_index, e.type,
            e.source.code if e.source else None, e.target.code if e.target else None)


def _evidence(
    store: Store, item: WatchItem, w: Windows, kind: str, result: TestResult,
    options: AlertOptions,
) -> tuple[list[Event], Counter[str]]:
    """The window's events behind a change, strongest first, and its type counts."""
    def fetch(start: date, end: date) -> list[Event]:
        if item.directed:
            flt = EventFilter(dyad=(item.source, item.target), since=start, until=end)
        else:
            flt = EventFilter(actors=(item.source, item.target), since=start, until=end)
        events = [
            e for e in store.query(flt)
            if (options.include_negated or not e.negated)
            and (item.sector is None or (
                e.source is not None and e.target is not None
                and e.source.sector == item.sector and e.target.sector == item.sector))
        ]
        unique: dict[tuple[object, ...], Event] = {}
        for e in sorted(events, key=lambda e: e.coder, reverse=True):
            unique.setdefault(_mention_key(e), e)
        return list(unique.values())

    recent = fetch(w.window_start, w.window_end)
    types = Counter(e.type for e in recent)
    if kind == "count":
        if result.direction == "up":
            base_types = Counter(e.type for e in fetch(w.baseline_start, w.baseline_end))
            scale = w.window_periods / max(1, w.baseline_periods)
            excess = {t: n - base_types.get(t, 0) * scale for t, n in types.items()}
            recent.sort(key=lambda e: (-excess[e.type], -abs(intensity(e.type)),
                                       -(e.date or date.min).toordinal(), e.event_id))
        else:
            recent.sort(key=lambda e: (-(e.date or date.min).toordinal(), e.event_id))
    else:
        sign = 1 if result.direction == "up" else -1
        recent.sort(key=lambda e: (-sign * intensity(e.type),
                                   -(e.date or date.min).toordinal(), e.event_id))
    return recent, types


def _summary(item: WatchItem, w: Windows, kind: str, r: TestResult, types: Counter[str],
             options: AlertOptions) -> str:
    dyad = item.label or _label(item.source, item.target, item.directed)
    top = ", ".join(f"{t} {n}" for t, n in types.most_common(3))
    span = f"{w.window_start}…{w.window_end}"
    baseline = f"the {w.baseline_periods} {options.by}s before"
    if kind == "count":
        more = "more" if r.direction == "up" else "fewer"
        return (f"{dyad}: {int(r.observed)} events in {span}, {more} than the "
                f"{r.expected:.1f} expected from {baseline}" + (f" (mostly {top})" if top else ""))
    toward = "toward cooperation" if r.direction == "up" else "toward conflict"
    return (f"{dyad}: mean intensity {r.observed:+.1f} in {span} against {r.expected:+.1f} "
            f"in {baseline}, {toward}" + (f" (mostly {top})" if top else ""))


def _all_pairs(store: Store, w: Windows, options: AlertOptions
               ) -> Iterable[tuple[WatchItem, list[SeriesPoint]]]:
    q = SeriesQuery(pair=None, by=options.by, since=w.baseline_start, until=w.window_end,
                    include_negated=options.include_negated)
    grouped: dict[tuple[str, str], list[SeriesPoint]] = defaultdict(list)
    for p in store.series_points(q):
        grouped[(p.source, p.target)].append(p)
    for (a, b), points in sorted(grouped.items()):
        yield WatchItem(a, b), fill_periods(points, a, b, by=options.by,
                                            start=w.baseline_start, end=w.window_end)


def _watched(store: Store, items: Sequence[WatchItem], w: Windows, options: AlertOptions
             ) -> Iterable[tuple[WatchItem, list[SeriesPoint]]]:
    from tocsin.analysis.series import dyad_series

    for item in items:
        yield item, dyad_series(
            store, item.source, item.target, by=options.by, directed=item.directed,
            sector=item.sector, since=w.baseline_start, until=w.window_end,
            include_negated=options.include_negated,
        )


def _watch_items(watchlist: object) -> tuple[Sequence[WatchItem] | None, dict[str, object]]:
    """Watch items and file settings from items, a ``Watchlist`` or a TOML path."""
    if watchlist is None:
        return None, {}
    if isinstance(watchlist, (str, Path)):
        from tocsin.analysis.watchlist import load_watchlist

        watchlist = load_watchlist(watchlist)
    items = getattr(watchlist, "items", None)
    if items is not None:
        return tuple(items), dict(getattr(watchlist, "options", {}))
    return tuple(watchlist), {}  # type: ignore[call-overload]


def detect_alerts(
    store: Store, *, since: date | None = None,
    watchlist: Sequence[WatchItem] | Watchlist | str | Path | None = None,
    options: AlertOptions | None = None, as_of: date | None = None,
) -> list[Alert]:
    """Changes in the recent window, strongest first (nothing is stored).

    The window runs from ``since`` (default: ``options.window`` periods back) to
    ``as_of`` (default: the latest event date in the store). ``watchlist`` is a
    sequence of :class:`WatchItem`, a loaded ``Watchlist`` or the path of a
    watchlist TOML file (whose ``[options]`` apply when ``options`` is not given).
    """
    watchlist, file_options = _watch_items(watchlist)
    if options is None:
        options = AlertOptions(**file_options) if file_options else AlertOptions()  # type: ignore[arg-type]
    if as_of is None:
        as_of = store.event_date_range()[1]
        if as_of is None:
            return []
    w = plan_windows(as_of, options, since)
    items = _watched(store, watchlist, w, options) if watchlist else _all_pairs(store, w, options)
    alerts: list[Alert] = []
    for item, series in items:
        for kind, result in evaluate_series(series, w, options):
            events, types = _evidence(store, item, w, kind, result, options)
            source, target = item.source.upper(), item.target.upper()
            alerts.append(Alert(
                alert_id=Alert.make_id(source, target, kind, w.window_start, w.window_end),
                source=source, target=target, kind=kind,
                window_start=w.window_start, window_end=w.window_end,
                baseline_start=w.baseline_start, baseline_end=w.baseline_end,
                observed=result.observed, expected=round(result.expected, 6),
                score=round(result.score, 3), direction=result.direction,
                summary=_summary(item, w, kind, result, types, options),
                evidence=tuple(e.event_id for e in events[: options.evidence]),
            ))
    alerts.sort(key=lambda a: (-a.score, a.source, a.target, a.kind))
    return alerts


def _continues(alert: Alert, stored: Iterable[Alert]) -> bool:
    """Whether a stored alert already reports this change (same dyad, kind, direction,
    overlapping window)."""
    return any(
        s.alert_id != alert.alert_id and s.source == alert.source and s.target == alert.target
        and s.kind == alert.kind and s.direction == alert.direction
        and s.window_start <= alert.window_end and alert.window_start <= s.window_end
        for s in stored
    )


def raise_alerts(
    store: Store, *, since: date | None = None,
    watchlist: Sequence[WatchItem] | Watchlist | str | Path | None = None,
    options: AlertOptions | None = None, as_of: date | None = None,
) -> list[Alert]:
    """Detect, store, and return only the alerts not raised before.

    An alert is not raised again when its id is stored (the same change seen in
    the same window) or when a stored alert of the same dyad, kind and direction
    has a window overlapping it (the same change, seen a day later).
    """
    found = detect_alerts(store, since=since, watchlist=watchlist, options=options, as_of=as_of)
    if not found:
        return []
    earliest = min(a.window_start for a in found)
    stored = store.alerts(since=earliest)
    fresh = [a for a in found if not _continues(a, stored)]
    return store.save_alerts(fresh)
