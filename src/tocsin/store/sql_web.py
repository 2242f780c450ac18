"""Paged and single-record reads for the REST API and the dashboard, in SQL both backends run."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any, TypeVar

from tocsin.records import (
    Event,
)
from tocsin.store.base import (
    ArticleRow,
    EventPageKey,
    OutletRow,
)
from tocsin.store.columns import event_from_values
from tocsin.store.filters import ORDER_BY, EventFilter, where_clause
from tocsin.store.sql_text import (
    EVENT_COLUMNS_SQL,
    placeholders,
)

T = TypeVar("T")





#: Sort key of event pages: newest first, undated events last.
NO_DATE = date(1, 1, 1)
SORT_DATE = "coalesce(\"date\", DATE '0001-01-01')"


class WebReadsSQL:
    """Methods of :class:`tocsin.store.sql.SQLStore` (mixed in); they run on its
    primitives (``_execute``, ``_fetchall``, ``_write``, ``_errors`` …)."""

    # -------------------------------------------------------------- web reads

    def events_page(
        self, f: EventFilter | None = None, *, after: EventPageKey | None = None,
        sectors: Sequence[str] = (), limit: int = 50,
    ) -> list[Event]:
        where, params = where_clause(f or EventFilter())
        extra: list[str] = []
        wanted = [s.upper() for s in sectors if s]
        if wanted:
            marks = placeholders(len(wanted))
            extra.append(f"((source).sector IN ({marks}) OR (target).sector IN ({marks}))")
            params = [*params, *wanted, *wanted]
        if after is not None:
            when = after.date or NO_DATE
            extra.append(
                f"({SORT_DATE} < ? OR ({SORT_DATE} = ? AND "
                "(article_id, sentence_index, event_id, coder) > (?, ?, ?, ?)))"
            )
            params = [*params, when, when, after.article_id, after.sentence_index,
                      after.event_id, after.coder]
        if extra:
            where = (where + " AND " if where else "WHERE ") + " AND ".join(extra)
        # Two steps: the oldest date the page can reach (a top-N over the date column
        # alone), then the page among the events on or after it. Only the rows of
        # those last days are read in full; when articles were stored roughly in
        # date order (a feed), they lie together in the file (docs/benchmarks.md).
        order = f"ORDER BY {SORT_DATE} DESC, article_id, sentence_index, event_id, coder"

        def read() -> list[tuple[Any, ...]]:  # one transaction: both steps see one database
            self._snapshot()
            rows = self._fetchall(
                f"SELECT min(d) FROM (SELECT {SORT_DATE} AS d FROM events {where}"
                " ORDER BY d DESC LIMIT ?) AS page_dates",
                [*params, int(limit)],
            )
            if not rows or rows[0][0] is None:
                return []
            page_where = (where + " AND " if where else "WHERE ") + f"{SORT_DATE} >= ?"
            return self._fetchall(
                f"SELECT {EVENT_COLUMNS_SQL} FROM events {page_where} {order} LIMIT ?",
                [*params, rows[0][0], int(limit)],
            )

        return [event_from_values(r) for r in self._write("read a page of events", read)]

    def event(self, event_id: str) -> Event | None:
        with self._errors(f"read event {event_id}"):
            rows = self._fetchall(
                f"SELECT {EVENT_COLUMNS_SQL} FROM events WHERE event_id = ?"
                " ORDER BY coder DESC LIMIT 1",
                [event_id],
            )
        return event_from_values(rows[0]) if rows else None

    def related_events(self, event: Event, *, days: int = 1, limit: int = 20) -> list[Event]:
        a, b = (x.code if x else None for x in (event.source, event.target))
        same_pair = (
            "((coalesce((source).code, '') = ? AND coalesce((target).code, '') = ?)"
            " OR (coalesce((source).code, '') = ? AND coalesce((target).code, '') = ?))"
        )
        params: list[Any] = [event.event_id, event.type, a or "", b or "", b or "", a or ""]
        if event.date is None:
            when = '"date" IS NULL AND article_id = ?'
            params.append(event.article_id)
        else:
            when = '"date" BETWEEN ? AND ?'
            params += [date.fromordinal(event.date.toordinal() - days),
                       date.fromordinal(event.date.toordinal() + days)]
        sql = (
            f"SELECT {EVENT_COLUMNS_SQL} FROM events WHERE event_id <> ? AND \"type\" = ?"
            f" AND {same_pair} AND {when} {ORDER_BY} LIMIT ?"
        )
        with self._errors(f"read the mentions related to event {event.event_id}"):
            rows = self._fetchall(sql, [*params, int(limit)])
        return [event_from_values(row) for row in rows]

    def daily_counts(self, f: EventFilter | None = None) -> list[tuple[date, int]]:
        where, params = where_clause(f or EventFilter())
        where = (where + " AND " if where else "WHERE ") + '"date" IS NOT NULL'
        with self._errors("count events per day"):
            rows = self._fetchall(
                f'SELECT "date", count(*) FROM events {where} GROUP BY 1 ORDER BY 1', params
            )
        return [(r[0], int(r[1])) for r in rows]

    def articles_page(self, *, after: str | None = None, limit: int = 50) -> list[ArticleRow]:
        where, params = ("WHERE a.article_id > ?", [after]) if after is not None else ("", [])
        sql = (
            "SELECT a.article_id, a.title, a.published, a.url, a.\"language\", a.outlet,"
            " (SELECT count(*) FROM events e WHERE e.article_id = a.article_id)"
            f" FROM articles a {where} ORDER BY a.article_id LIMIT ?"
        )
        with self._errors("read a page of articles"):
            rows = self._fetchall(sql, [*params, int(limit)])
        return [ArticleRow(r[0], r[1], r[2], r[3], r[4], r[5], int(r[6])) for r in rows]

    def outlets(self) -> list[OutletRow]:
        with self._errors("read the outlets"):
            rows = self._fetchall(
                "SELECT outlet, count(*) AS n, max(published) FROM articles GROUP BY outlet"
            )
        found = [OutletRow(r[0], int(r[1]), r[2]) for r in rows]
        # sorted here: outlet names compare by code point on every server's locale
        found.sort(key=lambda r: (-r.n_articles, r.outlet is None, r.outlet or ""))
        return found
