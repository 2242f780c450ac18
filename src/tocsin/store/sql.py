"""What the DuckDB and PostgreSQL stores share: the store logic and the write protocol.

:class:`SQLStore` implements the whole :class:`~tocsin.store.base.Store`
interface once — runs, articles, events and migrations here; the ingest state
and canonical events in :mod:`~tocsin.store.sql_ingest`, dyad series and alerts
in :mod:`~tocsin.store.sql_analysis`, the web's paged reads in
:mod:`~tocsin.store.sql_web`; SQL text and row conversions in
:mod:`~tocsin.store.sql_text` — in SQL that
reads the same in both databases (``?`` placeholders, ``(column).field``
access, ``INSERT … ON CONFLICT``), on top of a few primitives each backend
provides:

==========================  ====================================================
``_execute(sql, params)``   run one statement (``?`` placeholders)
``_fetchall(sql, params)``  run one query, return its rows as tuples
``_execute_script(sql)``    run a migration file (several statements, no params)
``_write(action, work)``    call ``work()`` inside one transaction (PostgreSQL
                            retries it on a serialisation failure or deadlock)
``_errors(action)``         map the driver's errors to :class:`StoreError`
``_prepare_events(events)`` events in the backend's bulk form (Arrow, COPY rows)
``_insert_events(batch)``   bulk-insert a prepared batch
``_lock_schema()``          serialise concurrent migrations (PostgreSQL)
``_insert_rows(table, …)``  bulk-insert other rows (Arrow batch, ``COPY``)
``_lock_key(key)``          serialise writers of one key (PostgreSQL advisory lock)
``_snapshot()``             one snapshot for a read transaction (PostgreSQL)
==========================  ====================================================

Writes take the articles' row locks first, in article-id order (the upsert),
then replace the articles' events: two writers saving the same article wait
for each other instead of mixing their events, and cannot deadlock on the
order they list articles in.
"""
from __future__ import annotations

import json
import uuid
from abc import abstractmethod
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from typing import Any, ClassVar, TypeVar

from tocsin.errors import StoreError
from tocsin.records import Article, Event
from tocsin.store.base import (
    AppliedMigration,
    DyadRow,
    RunInfo,
    SchemaStatus,
    Store,
)
from tocsin.store.columns import event_from_values
from tocsin.store.filters import EventFilter, where_clause
from tocsin.store.schema import (
    CREATE_SCHEMA_MIGRATIONS,
    RECORD_MIGRATION,
    SELECT_MIGRATIONS,
    TABLE_EXISTS,
    load_migrations,
    pending_migrations,
)
from tocsin.store.sql_analysis import SeriesAlertsSQL
from tocsin.store.sql_ingest import IngestStateSQL
from tocsin.store.sql_text import (
    COUNT_ROWS,
    FINISH_RUN,
    INSERT_RUN,
    SELECT_ARTICLE,
    SELECT_ARTICLES,
    SELECT_RUNS,
    UPSERT_ARTICLE,
    article_from_row,
    check_events,
    column_list,
    delete_events_sql,
    dyad_from_row,
    dyads_sql,
    events_sql,
    placeholders,
    run_from_row,
    utcnow,
)
from tocsin.store.sql_web import WebReadsSQL
from tocsin.version import __version__

T = TypeVar("T")


class SQLStore(IngestStateSQL, SeriesAlertsSQL, WebReadsSQL, Store):
    """The store logic both SQL backends share (see the module docstring)."""

    #: Name shown by ``tocsin db status`` (``duckdb``, ``postgresql``).
    backend: ClassVar[str]
    #: Which migration folder applies (a key of :data:`tocsin.store.schema.MIGRATION_FOLDERS`).
    dialect: ClassVar[str]

    _read_only: bool
    #: The driver's connection; ``None`` once closed.
    _con: Any

    # ------------------------------------------------------------------ opening

    def _start(self, migrate: bool) -> None:
        """Finish opening: apply the missing migrations unless told not to; close on failure."""
        try:
            if migrate:
                self.migrate()
            else:
                self._schema_changed()
        except BaseException:
            self.close()
            raise

    def _schema_changed(self) -> None:
        """Called once the schema is as it will be used (after opening or migrating)."""

    def __repr__(self) -> str:
        mode = ", read_only=True" if self._read_only else ""
        return f"{type(self).__name__}({self.location!r}{mode})"

    def _error(self, message: str) -> StoreError:
        """A :class:`StoreError` naming this database."""
        return StoreError(message, source=self.location)

    @property
    def _db(self) -> Any:
        if self._con is None:
            raise self._error("the database is closed")
        return self._con

    def close(self) -> None:
        con, self._con = self._con, None
        if con is not None:
            with self._errors("close the database"):
                con.close()

    # ------------------------------------------------------- backend primitives

    @abstractmethod
    def _errors(self, action: str) -> AbstractContextManager[None]:
        """Turn the driver's errors raised inside the block into :class:`StoreError`."""

    @abstractmethod
    def _execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        """Run one statement with ``?`` placeholders."""

    @abstractmethod
    def _fetchall(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """Run one query with ``?`` placeholders; its rows."""

    @abstractmethod
    def _execute_script(self, sql: str) -> None:
        """Run SQL text of several statements, without parameters (a migration)."""

    @abstractmethod
    def _write(self, action: str, work: Callable[[], T]) -> T:
        """``work()`` in one transaction: committed at the end, rolled back on any error."""

    @abstractmethod
    def _prepare_events(self, events: list[Event]) -> Any:
        """``events`` in the form :meth:`_insert_events` takes; ``TypeError``/``ValueError`` if bad."""

    @abstractmethod
    def _insert_events(self, batch: Any) -> None:
        """Insert a prepared batch (inside the current transaction)."""

    def _lock_schema(self) -> None:
        """Hold off other processes migrating the same database until the transaction ends."""

    def _insert_rows(self, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]], *,
                     types: dict[str, Any] | None = None, on_conflict: str = "") -> None:
        """Insert many rows (inside the current transaction); backends do it in bulk.

        ``types`` gives the Arrow types of columns whose type the values may not show
        (all ``None``); ``on_conflict`` is an ``ON CONFLICT …`` clause or empty."""
        sql = (
            f"INSERT INTO {table} ({column_list(columns)}) VALUES ({placeholders(len(columns))})"
            f" {on_conflict}"
        )
        for row in rows:
            self._execute(sql, row)

    def _lock_key(self, key: str) -> None:
        """Hold off other writers taking the same key until the transaction ends (PostgreSQL)."""

    def _snapshot(self) -> None:
        """First in a transaction: make all its reads see one state of the database.

        DuckDB transactions always do; PostgreSQL's need ``REPEATABLE READ``."""

    # --------------------------------------------------------------- migrations

    def _table_exists(self, name: str) -> bool:
        rows = self._fetchall(TABLE_EXISTS, [name])
        return bool(rows and rows[0][0])

    def _applied_migrations(self) -> dict[int, AppliedMigration]:
        if not self._table_exists("schema_migrations"):
            return {}
        return {
            int(v): AppliedMigration(int(v), str(name), at)
            for v, name, at in self._fetchall(SELECT_MIGRATIONS)
        }

    def migrate(self) -> list[AppliedMigration]:
        known = load_migrations(self.dialect)
        with self._errors("read the schema version"):
            applied = self._applied_migrations()
        if not pending_migrations(applied, known, read_only=self._read_only, error=self._error):
            self._schema_changed()
            return []

        def apply() -> list[AppliedMigration]:
            self._lock_schema()
            self._execute(CREATE_SCHEMA_MIGRATIONS)
            have = self._applied_migrations()  # again: another process may have migrated meanwhile
            done = []
            for migration in pending_migrations(have, known, read_only=False, error=self._error):
                with self._errors(f"apply migration {migration.label}"):
                    self._execute_script(migration.sql)
                    record = AppliedMigration(migration.version, migration.name, utcnow())
                    self._execute(RECORD_MIGRATION, [record.version, record.name, record.applied_at])
                done.append(record)
            return done

        done = self._write("apply the schema migrations", apply)
        self._schema_changed()
        return done

    def schema_version(self) -> int:
        with self._errors("read the schema version"):
            return max(self._applied_migrations(), default=0)

    def schema_status(self) -> SchemaStatus:
        known = load_migrations(self.dialect)
        with self._errors("read the schema status"):
            applied = self._applied_migrations()
            pending = tuple(m.label for m in known if m.version not in applied)
            counts: tuple[Any, ...] = (None, None, None)
            if applied and not pending:
                counts = tuple(int(n) for n in self._fetchall(COUNT_ROWS)[0])
        return SchemaStatus(
            backend=self.backend, location=self.location,
            version=max(applied, default=0), latest=max((m.version for m in known), default=0),
            applied=tuple(applied[v] for v in sorted(applied)), pending=pending,
            n_runs=counts[0], n_articles=counts[1], n_events=counts[2],
        )

    # --------------------------------------------------------------------- runs

    def begin_run(self, args: dict[str, Any], coder: str) -> str:
        started = utcnow()
        run_id = f"{started:%Y%m%dT%H%M%SZ}-{uuid.uuid4().hex[:8]}"
        args_json = json.dumps(args, ensure_ascii=False, sort_keys=True, default=str)
        with self._errors("record the start of a run"):
            self._execute(INSERT_RUN, [run_id, started, coder, __version__, args_json])
        return run_id

    def finish_run(self, run_id: str, n_articles: int, n_events: int, n_failed: int) -> None:
        with self._errors(f"record the end of run {run_id}"):
            updated = self._fetchall(FINISH_RUN, [utcnow(), n_articles, n_events, n_failed, run_id])
        if not updated:
            raise self._error(f"no run {run_id!r} to finish")

    def runs(self) -> list[RunInfo]:
        with self._errors("read the runs"):
            return [run_from_row(r) for r in self._fetchall(SELECT_RUNS)]

    # ------------------------------------------------------------------ writing

    def save_articles(
        self, items: Sequence[tuple[Article, list[Event]]], *, coder: str, run_id: str
    ) -> None:
        if not items:
            return
        for article, events in items:
            check_events(article, events, coder)
        what = f"article {items[0][0].id}" if len(items) == 1 else f"{len(items)} articles"
        try:
            batch = self._prepare_events([e for _, events in items for e in events])
        except (TypeError, ValueError) as exc:
            raise self._error(f"cannot store the events of {what}: {exc}") from exc
        # Lock the article rows in one order whatever the caller's: no deadlocks.
        articles = sorted((article for article, _ in items), key=lambda a: a.id)

        def work() -> None:
            self._upsert_articles(articles, coder=coder, run_id=run_id)
            ids = sorted({a.id for a in articles})
            self._execute(delete_events_sql(len(ids)), [coder, *ids])
            self._insert_events(batch)

        self._write(f"store {what}", work)

    def save_article(
        self, article: Article, events: list[Event], *, coder: str, run_id: str
    ) -> None:
        self.save_articles([(article, events)], coder=coder, run_id=run_id)

    def _upsert_articles(self, articles: Sequence[Article], *, coder: str, run_id: str) -> None:
        """Insert or replace ``articles``, in their order (one statement each; DuckDB sends a batch)."""
        for article in articles:
            self._upsert_article(article, coder=coder, run_id=run_id)

    def _upsert_article(self, article: Article, *, coder: str, run_id: str) -> None:
        self._execute(UPSERT_ARTICLE, [
            article.id, article.title, article.text, article.published, article.url,
            article.language, article.outlet, article.origin, coder, run_id, utcnow(),
        ])

    # ------------------------------------------------------------------ reading

    def query(self, f: EventFilter | None = None) -> list[Event]:
        sql, params = events_sql(f or EventFilter())
        with self._errors("read events"):
            rows = self._fetchall(sql, params)
        return [event_from_values(row) for row in rows]

    def count_events(self, f: EventFilter | None = None) -> int:
        where, params = where_clause(f or EventFilter())
        with self._errors("count events"):
            rows = self._fetchall(f"SELECT count(*) FROM events {where}", params)
        return int(rows[0][0]) if rows else 0

    def articles(self) -> list[Article]:
        with self._errors("read articles"):
            return [article_from_row(r) for r in self._fetchall(SELECT_ARTICLES)]

    def article(self, article_id: str) -> Article | None:
        with self._errors(f"read article {article_id}"):
            rows = self._fetchall(SELECT_ARTICLE, [article_id])
        return article_from_row(rows[0]) if rows else None

    def dyad_summary(self, f: EventFilter | None = None) -> list[DyadRow]:
        sql, params = dyads_sql(f or EventFilter())
        with self._errors("summarise dyads"):
            return [dyad_from_row(r) for r in self._fetchall(sql, params)]

    # ------------------------------------------------------------- bulk import

    def save_articles_bulk(
        self, items: Sequence[tuple[Article, list[Event]]], *, coder: str, run_id: str
    ) -> None:
        """One transaction for the whole batch (an article given twice: the last copy counts).

        DuckDB overrides this with Arrow batches; here it is :meth:`save_articles`,
        whose events already travel in bulk (``COPY`` on PostgreSQL)."""
        unique = list({article.id: (article, events) for article, events in items}.values())
        self.save_articles(unique, coder=coder, run_id=run_id)
