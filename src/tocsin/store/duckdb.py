"""The DuckDB event database.

One database file holds the ``runs``, ``articles`` and ``events`` tables. The
schema is built by the numbered SQL files in ``store/migrations/`` (``001_initial.sql``,
``002_….sql``), applied in order and recorded in ``schema_migrations``; opening
a file applies only the ones it lacks. Events are inserted as one Arrow batch
per transaction. The SQL itself is shared with PostgreSQL (``store/sql.py``); only
the bulk paths (Arrow batches: events, ``save_articles_bulk``, ``_insert_rows``)
are DuckDB's own.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import duckdb
import pyarrow as pa

from tocsin.records import Article, Event
from tocsin.store.columns import events_to_arrow
from tocsin.store.schema import Migration, load_migrations
from tocsin.store.sql import SQLStore
from tocsin.store.sql_text import (
    ARTICLE_COLUMNS_SQL,
    ARTICLE_CONFLICT_SQL,
    EVENT_COLUMNS_SQL,
    check_events,
    utcnow,
)

T = TypeVar("T")

#: Name under which an event batch is visible to SQL while it is inserted.
_BATCH_VIEW = "tocsin_event_batch"
#: Name under which a batch of other rows is visible to SQL while it is inserted.
_ROWS_VIEW = "tocsin_row_batch"
#: Name under which a batch of articles is visible to SQL while it is written.
_ARTICLE_VIEW = "tocsin_article_batch"


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
        now = utcnow()
        try:
            articles = _articles_table([a for a, _ in items])
            batch = events_to_arrow([e for _, events in items for e in events])
        except (pa.ArrowException, TypeError, ValueError) as exc:
            raise self._error(f"cannot store the events of {len(items)} articles: {exc}") from exc
        view = _ARTICLE_VIEW
        with self._transaction(f"store {len(items)} articles") as con:
            con.register(view, articles)
            try:
                con.execute(
                    f"DELETE FROM events WHERE coder = ? AND article_id IN"
                    f" (SELECT article_id FROM {view})", [coder])
                con.execute(f"DELETE FROM articles WHERE article_id IN (SELECT article_id FROM {view})")
                con.execute(
                    f"INSERT INTO articles ({ARTICLE_COLUMNS_SQL}, coded_with, run_id, updated_at)"
                    f" SELECT {ARTICLE_COLUMNS_SQL}, ?, ?, ? FROM {view}", [coder, run_id, now])
            finally:
                con.unregister(view)
            self._insert_events(batch)

    def _upsert_articles(self, articles: Sequence[Article], *, coder: str, run_id: str) -> None:
        """One Arrow batch for all ``articles`` (an id given twice: the last copy counts)."""
        unique = list({a.id: a for a in articles}.values())
        if not unique:
            return
        try:
            table = _articles_table(unique)
        except (pa.ArrowException, TypeError, ValueError) as exc:
            raise self._error(f"cannot store {len(unique)} articles: {exc}") from exc
        con = self._db
        con.register(_ARTICLE_VIEW, table)
        try:
            con.execute(
                f"INSERT INTO articles ({ARTICLE_COLUMNS_SQL}, coded_with, run_id, updated_at)"
                f" SELECT {ARTICLE_COLUMNS_SQL}, ?, ?, ? FROM {_ARTICLE_VIEW}" + ARTICLE_CONFLICT_SQL,
                [coder, run_id, utcnow()])
        finally:
            con.unregister(_ARTICLE_VIEW)

    def reader(self) -> DuckDBStore:
        """Another handle on this open database (a DuckDB cursor), for one thread.

        It sees everything committed through this store; closing it leaves this
        store open. Several threads read in parallel, each with its own reader.
        """
        clone = object.__new__(DuckDBStore)
        clone._path = self._path
        clone._read_only = self._read_only
        with self._errors("open a reader"):
            clone._con = self._db.cursor()
        return clone

    def _insert_rows(self, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]], *,
                     types: dict[str, pa.DataType] | None = None, on_conflict: str = "") -> None:
        """Insert ``rows`` as one Arrow batch (``types`` for columns Arrow cannot infer)."""
        if not rows:
            return
        types = types or {}
        batch = pa.table({
            name: pa.array([row[i] for row in rows], types.get(name))
            for i, name in enumerate(columns)
        })
        names = ", ".join(f'"{c}"' for c in columns)
        con = self._db
        con.register(_ROWS_VIEW, batch)
        try:
            con.execute(f"INSERT INTO {table} ({names}) SELECT {names} FROM {_ROWS_VIEW} {on_conflict}")
        finally:
            con.unregister(_ROWS_VIEW)


def _articles_table(articles: Sequence[Article]) -> pa.Table:
    """The stored columns of ``articles`` as one Arrow table, in the order of ``ARTICLE_COLUMNS``."""
    return pa.table({
        "article_id": [a.id for a in articles],
        "title": pa.array([a.title for a in articles], pa.string()),
        "text": [a.text for a in articles],
        "published": pa.array([a.published for a in articles], pa.date32()),
        "url": pa.array([a.url for a in articles], pa.string()),
        "language": pa.array([a.language for a in articles], pa.string()),
        "outlet": pa.array([a.outlet for a in articles], pa.string()),
        "origin": pa.array([a.origin for a in articles], pa.string()),
    })


__all__ = ["DuckDBStore", "Migration", "load_migrations"]
