"""Event filters and their translation to a parameterised SQL ``WHERE`` clause.

Actor values are matched against the ``source`` and ``target`` actors:

* a three-letter value (``RUS``, ``IGO``) matches an actor whose ``country`` is
  that value or whose ``code`` starts with it (``RUS`` matches ``RUSMIL``; ``IGO``
  matches every international organisation);
* a longer value (``RUSMIL``, ``IGONATO``) matches the actor ``code`` exactly.

The SQL built here uses only ``(column).field`` access, ``substr``, ``IN`` and
comparison operators, so it reads the same in DuckDB and PostgreSQL; user values
always travel as parameters, never inside the SQL text.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

#: Length of a country code; shorter-or-equal actor values also match as a code prefix.
_COUNTRY_CODE_LENGTH = 3


def _strings(values: Iterable[str] | str, *, upper: bool = False, lower: bool = False) -> tuple[str, ...]:
    if isinstance(values, str):
        values = (values,)
    out = []
    for v in values:
        v = str(v).strip()
        if upper:
            v = v.upper()
        if lower:
            v = v.lower()
        if v:
            out.append(v)
    return tuple(out)


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Which events to read. Every criterion left empty (or ``None``) matches everything.

    * ``actors``: one value → events involving that actor as source or target;
      two or more → events whose source matches one of them and whose target
      matches another (either direction), e.g. ``("RUS", "CHN")`` means events
      between Russia and China.
    * ``dyad``: ``(source, target)``: the source matches the first and the target
      the second; with ``symmetric_dyad`` either direction.
    * ``types``, ``quad_classes``, ``languages``, ``article_ids``, ``coders``:
      the event's value is one of those given.
    * ``since``/``until``: inclusive bounds on the event ``date``; events without a
      date are left out when either is set.
    * ``negated``: ``True`` only negated events, ``False`` only affirmed ones.
    * ``limit``: at most this many events (for :meth:`Store.dyad_summary`, at most
      this many dyads).

    Results are ordered by date (undated last), article id, sentence index.
    Values are normalised on construction: actor codes and types upper case,
    languages lower case, lists turned into tuples.
    """

    actors: tuple[str, ...] = ()
    dyad: tuple[str, str] | None = None
    symmetric_dyad: bool = False
    types: tuple[str, ...] = ()
    quad_classes: tuple[int, ...] = ()
    since: date | None = None
    until: date | None = None
    negated: bool | None = None
    languages: tuple[str, ...] = ()
    article_ids: tuple[str, ...] = ()
    coders: tuple[str, ...] = ()
    limit: int | None = None

    def __post_init__(self) -> None:
        def put(name: str, value: Any) -> None:
            object.__setattr__(self, name, value)

        put("actors", _strings(self.actors, upper=True))
        put("types", _strings(self.types, upper=True))
        put("languages", _strings(self.languages, lower=True))
        put("article_ids", _strings(self.article_ids))
        put("coders", _strings(self.coders))
        put("quad_classes", tuple(int(q) for q in self.quad_classes))
        if self.dyad is not None:
            dyad = _strings(self.dyad, upper=True)
            if len(dyad) != 2:
                raise ValueError(f"a dyad is two actor codes (source, target), got {self.dyad!r}")
            put("dyad", (dyad[0], dyad[1]))
        if self.limit is not None:
            if int(self.limit) < 0:
                raise ValueError(f"limit must be zero or more, got {self.limit}")
            put("limit", int(self.limit))


def actor_condition(column: str, value: str) -> tuple[str, list[Any]]:
    """SQL matching the actor struct ``column`` against one actor value (see module doc)."""
    if len(value) <= _COUNTRY_CODE_LENGTH:
        return (
            f"(({column}).country = ? OR substr(({column}).code, 1, {len(value)}) = ?)",
            [value, value],
        )
    return f"(({column}).code = ?)", [value]


def _pair_condition(source_value: str, target_value: str) -> tuple[str, list[Any]]:
    src_sql, src_params = actor_condition("source", source_value)
    tgt_sql, tgt_params = actor_condition("target", target_value)
    return f"({src_sql} AND {tgt_sql})", src_params + tgt_params


def _any_of(parts: list[tuple[str, list[Any]]]) -> tuple[str, list[Any]]:
    sql = " OR ".join(p[0] for p in parts)
    params: list[Any] = []
    for p in parts:
        params.extend(p[1])
    return f"({sql})", params


def _in_list(column: str, values: tuple[Any, ...]) -> tuple[str, list[Any]]:
    marks = ", ".join("?" for _ in values)
    return f"{column} IN ({marks})", list(values)


def where_clause(f: EventFilter) -> tuple[str, list[Any]]:
    """``(sql, params)`` for ``f``: ``sql`` is ``""`` or starts with ``WHERE``; ``?`` placeholders."""
    conditions: list[tuple[str, list[Any]]] = []

    if len(f.actors) == 1:
        (value,) = f.actors
        conditions.append(
            _any_of([actor_condition("source", value), actor_condition("target", value)])
        )
    elif len(f.actors) > 1:
        pairs = [
            _pair_condition(a, b)
            for i, a in enumerate(f.actors)
            for j, b in enumerate(f.actors)
            if i != j
        ]
        conditions.append(_any_of(pairs))

    if f.dyad is not None:
        first, second = f.dyad
        pairs = [_pair_condition(first, second)]
        if f.symmetric_dyad:
            pairs.append(_pair_condition(second, first))
        conditions.append(_any_of(pairs))

    if f.types:
        conditions.append(_in_list('"type"', f.types))
    if f.quad_classes:
        conditions.append(_in_list("quad_class", f.quad_classes))
    if f.languages:
        conditions.append(_in_list('"language"', f.languages))
    if f.article_ids:
        conditions.append(_in_list("article_id", f.article_ids))
    if f.coders:
        conditions.append(_in_list("coder", f.coders))
    if f.since is not None:
        conditions.append(('"date" >= ?', [f.since]))
    if f.until is not None:
        conditions.append(('"date" <= ?', [f.until]))
    if f.negated is not None:
        conditions.append(("negated = ?", [bool(f.negated)]))

    if not conditions:
        return "", []
    params: list[Any] = []
    for _, p in conditions:
        params.extend(p)
    return "WHERE " + " AND ".join(sql for sql, _ in conditions), params


#: Ordering of query results.
ORDER_BY = 'ORDER BY "date" NULLS LAST, article_id, sentence_index, event_id, coder'
