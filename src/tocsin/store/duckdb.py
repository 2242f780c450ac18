"""The DuckDB event database.

One database file holds the ``runs``, ``articles`` and ``events`` tables. The
schema is built by the numbered SQL files in ``store/migrations/`` (``001_initial.sql``,
``002_….sql``), applied in order and recorded in ``schema_migrations``; opening
a file applies only the ones it lacks. Events are inserted as one Arrow batch
per transaction. The SQL itself is shared with PostgreSQL (``store/sql.py``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import duckdb
import pyarrow as pa

from tocsin.records import ALERT_STATES, Alert, Article, Event, SeriesPoint
from tocsin.store.columns import event_from_values, events_to_arrow
from tocsin.store.schema import Migration, load_migrations
from tocsin.store.series_sql import SeriesQuery, points_from_rows, series_sql
from tocsin.store.sql import (
    ARTICLE_COLUMNS,
    ARTICLE_COLUMNS_SQL,
    EVENT_COLUMNS_SQL,
    SQLStore,
    article_from_row,
    check_events,
    utcnow,
)

T = TypeVar("T")

# The module's earlier private names, now shared with PostgreSQL (store/sql.py),
# kept for DuckDB-only methods written against them.
_utcnow = utcnow
_EVENT_COLUMNS_SQL = EVENT_COLUMNS_SQL
_ARTICLE_COLUMNS = ARTICLE_COLUMNS
_ARTICLE_COLUMNS_SQL = ARTICLE_COLUMNS_SQL

#: Name under which an event batch is visible to SQL while it is inserted.
_BATCH_VIEW = "tocsin_event_batch"


class DuckDBStore(SQLStore):
    """An event database in one DuckDB file (or ``":memory:"``)."""

    backend = "duckdb"
    dialect = "duckdb"

    def __init__(self, path: str | Path, *, read_only: bool = False, migrate: bool = True) -> None:
        self._path = str(path)
        self._read_only = read_only
        self._con: duckdb.DuckDBPyConnection | None = self._connect()
        self._start(migrate)

    # ----------------------------------------------------------------- plumbing

    @property
    def location(self) -> str:
        return self._path

    def _connect(self) -> duckdb.DuckDBPyConnection:
        if self._read_only and self._path != ":memory:" and not Path(self._path).exists():
            raise self._error("no database here yet; code some articles into it first")
        try:
            return duckdb.connect(self._path, read_only=self._read_only)
        except duckdb.Error as exc:
            detail = str(exc)
            if "lock" in detail.lower():
                message = (
                    "the database is in use by another process; wait for it to finish "
                    f"or use another database file ({detail})"
                )
            elif "not a valid duckdb database" in detail.lower():
                message = f"not a DuckDB database file, or a damaged one ({detail})"
            else:
                message = f"cannot open the database: {detail}"
            raise self._error(message) from exc

    @contextmanager
    def _errors(self, action: str) -> Iterator[None]:
        """Turn DuckDB's errors raised inside the block into :class:`StoreError`."""
        try:
            yield
        except duckdb.Error as exc:
            raise self._error(f"cannot {action}: {exc}") from exc

    @contextmanager
    def _transaction(self, action: str) -> Iterator[duckdb.DuckDBPyConnection]:
        """Run the block in one transaction: commit at the end, roll back on any error."""
        con = self._db
        with self._errors(action):
            con.begin()
            try:
                yield con
                con.commit()
            except BaseException:
                try:
                    con.rollback()
                except duckdb.Error:
                    pass  # the original error says more than a failed rollback
                raise

    _check = staticmethod(check_events)
    _article_from_row = staticmethod(article_from_row)

    def _delete_events(self, article_id: str, coder: str) -> None:
        self._execute("DELETE FROM events WHERE article_id = ? AND coder = ?", [article_id, coder])

    # ------------------------------------------------- primitives for SQLStore

    def _execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        self._db.execute(sql, list(params))

    def _fetchall(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        return self._db.execute(sql, list(params)).fetchall()

    def _execute_script(self, sql: str) -> None:
        self._db.execute(sql)

    def _write(self, action: str, work: Callable[[], T]) -> T:
        with self._transaction(action):
            return work()

    def _prepare_events(self, events: list[Event]) -> pa.Table:
        try:
            return events_to_arrow(events)
        except pa.ArrowException as exc:
            raise ValueError(str(exc)) from exc

    def _insert_events(self, batch: pa.Table) -> None:
        if batch.num_rows == 0:
            return
        con = self._db
        con.register(_BATCH_VIEW, batch)
        try:
            con.execute(
                f"INSERT INTO events ({EVENT_COLUMNS_SQL})"
                f" SELECT {EVENT_COLUMNS_SQL} FROM {_BATCH_VIEW}"
            )
        finally:
            con.unregister(_BATCH_VIEW)

    # ------------------------------------------------------------- bulk import

    def save_articles_bulk(
        self, items: Sequence[tuple[Article, list[Event]]], *, coder: str, run_id: str
    ) -> None:
        """One transaction, one Arrow batch for the articles and one for the events."""
        items = list({article.id: (article, events) for article, events in items}.values())
        if not items:
            return
        for article, events in items:
            self._check(article, events, coder)
        now = _utcnow()
        try:
            articles = pa.table({
                "article_id": [a.id for a, _ in items],
                "title": pa.array([a.title for a, _ in items], pa.string()),
                "text": [a.text for a, _ in items],
                "published": pa.array([a.published for a, _ in items], pa.date32()),
                "url": pa.array([a.url for a, _ in items], pa.string()),
                "language": pa.array([a.language for a, _ in items], pa.string()),
                "outlet": pa.array([a.outlet for a, _ in items], pa.string()),
                "origin": pa.array([a.origin for a, _ in items], pa.string()),
            })
            batch = events_to_arrow([e for _, events in items for e in events])
        except (pa.ArrowException, TypeError, ValueError) as exc:
            raise self._error(f"cannot store the events of {len(items)} articles: {exc}") from exc
        view = "tocsin_article_batch"
        with self._transaction(f"store {len(items)} articles") as con:
            con.register(view, articles)
            try:
                con.execute(
                    f"DELETE FROM events WHERE coder = ? AND article_id IN"
                    f" (SELECT article_id FROM {view})", [coder])
                con.execute(f"DELETE FROM articles WHERE article_id IN (SELECT article_id FROM {view})")
                con.execute(
                    f"INSERT INTO articles ({_ARTICLE_COLUMNS_SQL}, coded_with, run_id, updated_at)"
                    f" SELECT {_ARTICLE_COLUMNS_SQL}, ?, ?, ? FROM {view}", [coder, run_id, now])
            finally:
                con.unregister(view)
            self._insert_events(batch)

    # ------------------------------------------------- dyad series and alerts

    def series_points(self, q: SeriesQuery) -> list[SeriesPoint]:
        per_period, per_type, params = series_sql(q)
        with self._errors("compute a dyad series"):
            period_rows = self._db.execute(per_period, params).fetchall()
            type_rows = self._db.execute(per_type, params).fetchall()
        return points_from_rows(period_rows, type_rows)

    def event_date_range(self) -> tuple[date | None, date | None]:
        with self._errors("read the event dates"):
            row = self._db.execute('SELECT min("date"), max("date") FROM events').fetchone()
        return (row[0], row[1]) if row else (None, None)

    def events_by_id(self, event_ids: Sequence[str]) -> list[Event]:
        ids = list(dict.fromkeys(str(i) for i in event_ids))
        if not ids:
            return []
        marks = ", ".join("?" for _ in ids)
        with self._errors("read events by id"):
            rows = self._db.execute(
                f"SELECT {_EVENT_COLUMNS_SQL} FROM events WHERE event_id IN ({marks})"
                " ORDER BY event_id, coder DESC",
                ids,
            ).fetchall()
        found: dict[str, Event] = {}
        for row in rows:
            event = event_from_values(row)
            found.setdefault(event.event_id, event)
        return [found[i] for i in ids if i in found]

    _ALERT_COLUMNS = (
        "alert_id", "source", "target", "kind", "window_start", "window_end",
        "baseline_start", "baseline_end", "observed", "expected", "score", "direction",
        "summary", "evidence", "state", "created_at",
    )

    def save_alerts(self, alerts: Sequence[Alert]) -> list[Alert]:
        alerts = list({a.alert_id: a for a in alerts}.values())
        if not alerts:
            return []
        cols = ", ".join(self._ALERT_COLUMNS)
        marks = ", ".join("?" for _ in self._ALERT_COLUMNS)
        fresh: list[Alert] = []
        with self._transaction(f"store {len(alerts)} alerts") as con:
            ids = [a.alert_id for a in alerts]
            stored = {
                r[0] for r in con.execute(
                    f"SELECT alert_id FROM alerts WHERE alert_id IN ({', '.join('?' for _ in ids)})",
                    ids,
                ).fetchall()
            }
            now = _utcnow()
            for a in alerts:
                if a.alert_id in stored:
                    continue
                if a.state not in ALERT_STATES:
                    raise ValueError(f"alert state must be one of {ALERT_STATES}, not {a.state!r}")
                created = a.created_at or now
                con.execute(
                    f"INSERT INTO alerts ({cols}) VALUES ({marks})",
                    [a.alert_id, a.source, a.target, a.kind, a.window_start, a.window_end,
                     a.baseline_start, a.baseline_end, a.observed, a.expected, a.score,
                     a.direction, a.summary, list(a.evidence), a.state, created],
                )
                fresh.append(replace(a, created_at=created))
        return fresh

    def alerts(
        self, *, state: str | None = None, since: date | None = None, limit: int | None = None
    ) -> list[Alert]:
        conditions, params = [], []
        if state is not None:
            if state not in ALERT_STATES:
                raise ValueError(f"alert state must be one of {ALERT_STATES}, not {state!r}")
            conditions.append("state = ?")
            params.append(state)
        if since is not None:
            conditions.append("window_end >= ?")
            params.append(since)
        where = f"WHERE {' AND '.join(conditions)}" if conditions else ""
        sql = (
            f"SELECT {', '.join(self._ALERT_COLUMNS)} FROM alerts {where}"
            " ORDER BY window_end DESC, score DESC, alert_id"
        )
        if limit is not None:
            sql += " LIMIT ?"
            params.append(int(limit))
        with self._errors("read alerts"):
            rows = self._db.execute(sql, params).fetchall()
        return [self._alert_from_row(r) for r in rows]

    def alert(self, alert_id: str) -> Alert | None:
        with self._errors(f"read alert {alert_id}"):
            row = self._db.execute(
                f"SELECT {', '.join(self._ALERT_COLUMNS)} FROM alerts WHERE alert_id = ?",
                [alert_id],
            ).fetchone()
        return self._alert_from_row(row) if row else None

    def set_alert_state(self, alert_id: str, state: str) -> Alert:
        if state not in ALERT_STATES:
            raise ValueError(f"alert state must be one of {', '.join(ALERT_STATES)}, not {state!r}")
        with self._errors(f"change the state of alert {alert_id}"):
            updated = self._db.execute(
                "UPDATE alerts SET state = ?, state_changed_at = ? WHERE alert_id = ?"
                " RETURNING alert_id",
                [state, _utcnow(), alert_id],
            ).fetchall()
        if not updated:
            raise KeyError(f"no alert {alert_id!r}")
        found = self.alert(alert_id)
        assert found is not None
        return found

    def _alert_from_row(self, row: tuple[Any, ...]) -> Alert:
        v = dict(zip(self._ALERT_COLUMNS, row, strict=True))
        v["evidence"] = tuple(v["evidence"] or ())
        return Alert(**v)


__all__ = ["DuckDBStore", "Migration", "load_migrations"]
