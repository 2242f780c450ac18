"""The SQL behind dyad series (DuckDB dialect), and rows back to records.

One common table expression, ``matched``, selects the events of a dyad (or of
every pair of countries), labels them with the dyad asked for and the period
they fall in, scores them with the PLOVER intensity scale and counts each
mention once: rows with the same article, sentence, type and actor codes are one
mention (an article coded by two coder versions is not counted twice). Two
aggregates read it: per period, and per period and type.

Counting events: until tocsin merges mentions of one real-world event into a
canonical event, ``n_events`` equals ``n_mentions``. The switch is this module's
``EVENT_KEY``: when events carry a canonical id it becomes that id and
``n_events`` a ``count(DISTINCT …)`` of it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any

from tocsin.analysis.intensity import intensity_sql
from tocsin.records import SeriesPoint
from tocsin.store.filters import actor_condition

#: Period units and the DuckDB ``date_trunc`` part for each.
PERIODS = {"day": "day", "week": "week", "month": "month"}

_TYPE_COLUMN = 'e."type"'

#: What identifies one mention of an event (see the module docstring).
MENTION_KEY = (
    'e.article_id, e.sentence_index, e."type", (e.source).code, (e.target).code'
)
#: What identifies one event; equal to the mention for now.
EVENT_KEY = MENTION_KEY


@dataclass(frozen=True, slots=True)
class SeriesQuery:
    """Which events make a series. ``pair`` ``None`` means every pair of countries
    (international organisations count as parties of their own, by code)."""

    pair: tuple[str, str] | None = None
    by: str = "week"
    directed: bool = False
    sector: str | None = None
    since: date | None = None
    until: date | None = None
    include_negated: bool = False
    types: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.by not in PERIODS:
            raise ValueError(f"by must be one of {', '.join(PERIODS)}, not {self.by!r}")
        if self.pair is not None:
            a, b = (str(x).strip().upper() for x in self.pair)
            if not a or not b:
                raise ValueError("a dyad needs two actor codes")
            if a == b:
                raise ValueError(f"a dyad needs two different actors, got {a} twice")
            object.__setattr__(self, "pair", (a, b))
        if self.sector is not None:
            object.__setattr__(self, "sector", str(self.sector).strip().upper() or None)
        object.__setattr__(self, "types", tuple(str(t).strip().upper() for t in self.types))


def _party(column: str) -> str:
    """The side of a dyad an actor belongs to: its country, else its code for an
    international organisation (``IGONATO``); other actors without country have none."""
    return (f"(CASE WHEN ({column}).country IS NOT NULL THEN ({column}).country"
            f" WHEN ({column}).code LIKE 'IGO%' THEN ({column}).code END)")


def matched_cte(q: SeriesQuery) -> tuple[str, list[Any]]:
    """``WITH matched AS (…)`` for ``q`` and its parameters."""
    conditions: list[str] = ['e."date" IS NOT NULL']
    params: list[Any] = []
    label_params: list[Any] = []
    if q.pair is not None:
        a, b = q.pair
        pairs = [(a, b)] if q.directed else [(a, b), (b, a)]
        parts = []
        for first, second in pairs:
            s_sql, s_par = actor_condition("e.source", first)
            t_sql, t_par = actor_condition("e.target", second)
            parts.append(f"({s_sql} AND {t_sql})")
            params += s_par + t_par
        conditions.append("(" + " OR ".join(parts) + ")")
        labels = "CAST(? AS VARCHAR) AS pair_source, CAST(? AS VARCHAR) AS pair_target"
        label_params = [a, b]
    else:
        src, tgt = _party("e.source"), _party("e.target")
        conditions.append(f"{src} IS NOT NULL AND {tgt} IS NOT NULL AND {src} <> {tgt}")
        if q.directed:
            labels = f"{src} AS pair_source, {tgt} AS pair_target"
        else:
            labels = (
                f"least({src}, {tgt}) AS pair_source, greatest({src}, {tgt}) AS pair_target"
            )
    if q.sector:
        conditions.append("(e.source).sector = ? AND (e.target).sector = ?")
        params += [q.sector, q.sector]
    if q.since is not None:
        conditions.append('e."date" >= ?')
        params.append(q.since)
    if q.until is not None:
        conditions.append('e."date" <= ?')
        params.append(q.until)
    if not q.include_negated:
        conditions.append("NOT e.negated")
    if q.types:
        conditions.append(f'e."type" IN ({", ".join("?" for _ in q.types)})')
        params += list(q.types)
    sql = (
        "WITH matched AS ("
        f" SELECT {labels},"
        f" CAST(date_trunc('{PERIODS[q.by]}', e.\"date\") AS DATE) AS period,"
        ' e."type" AS event_type, e.quad_class, e.goldstein, e.negated,'
        f" {intensity_sql(_TYPE_COLUMN)} AS intensity, a.outlet AS outlet"
        " FROM events e LEFT JOIN articles a ON a.article_id = e.article_id"
        f" WHERE {' AND '.join(conditions)}"
        f" QUALIFY row_number() OVER (PARTITION BY {MENTION_KEY}, pair_source, pair_target"
        " ORDER BY e.coder DESC, e.event_id) = 1)"
    )
    return sql, label_params + params


def series_sql(q: SeriesQuery) -> tuple[str, str, list[Any]]:
    """(per-period SQL, per-period-and-type SQL, parameters shared by both)."""
    cte, params = matched_cte(q)
    quads = ", ".join(f"count(*) FILTER (WHERE quad_class = {n})" for n in (1, 2, 3, 4))
    per_period = (
        f"{cte} SELECT pair_source, pair_target, period, count(*), {quads},"
        " avg(goldstein), sum(goldstein), avg(intensity), sum(intensity),"
        " sum(intensity * intensity), count(DISTINCT outlet),"
        " count(*) FILTER (WHERE negated)"
        " FROM matched GROUP BY pair_source, pair_target, period"
        " ORDER BY pair_source, pair_target, period"
    )
    per_type = (
        f"{cte} SELECT pair_source, pair_target, period, event_type, count(*)"
        " FROM matched GROUP BY pair_source, pair_target, period, event_type"
    )
    return per_period, per_type, params


def points_from_rows(
    period_rows: list[tuple[Any, ...]], type_rows: list[tuple[Any, ...]]
) -> list[SeriesPoint]:
    """SeriesPoints from the two aggregates, ordered by dyad then period."""
    types: dict[tuple[str, str, date], dict[str, int]] = defaultdict(dict)
    for src, tgt, period, event_type, n in type_rows:
        types[(src, tgt, period)][event_type] = int(n)
    points = []
    for row in period_rows:
        src, tgt, period, n, q1, q2, q3, q4 = row[:8]
        g_mean, g_sum, i_mean, i_sum, i_sq, n_sources, n_negated = row[8:]
        coop, conf = int(q1) + int(q2), int(q3) + int(q4)
        points.append(SeriesPoint(
            period=period, source=src, target=tgt, n_events=int(n), n_mentions=int(n),
            type_counts=dict(sorted(types[(src, tgt, period)].items())),
            quad_counts=(int(q1), int(q2), int(q3), int(q4)),
            goldstein_mean=None if g_mean is None else float(g_mean),
            goldstein_sum=float(g_sum or 0.0),
            intensity_mean=None if i_mean is None else float(i_mean),
            intensity_sum=float(i_sum or 0.0),
            balance=(coop - conf) / (coop + conf) if coop + conf else None,
            n_sources=int(n_sources), intensity_sumsq=float(i_sq or 0.0),
            n_negated=int(n_negated),
        ))
    return points
