"""What the DuckDB and PostgreSQL stores share: SQL text, row conversion, the write protocol.

:class:`SQLStore` implements the whole :class:`~tocsin.store.base.Store`
interface once (runs, events, the ingest state and canonical events through
:mod:`tocsin.store.ingest_sql`, dyad series through
:mod:`tocsin.store.series_sql`, alerts, the web's paged reads), in SQL that
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
from collections.abc import Callable, Iterable, Sequence
from contextlib import AbstractContextManager
from dataclasses import replace
from datetime import UTC, date, datetime
from typing import Any, ClassVar, TypeVar

from tocsin.errors import StoreError
from tocsin.records import (
    ALERT_STATES,
    Alert,
    Article,
    Event,
    IngestedArticle,
    SeriesPoint,
    SourceState,
)
from tocsin.store import ingest_sql
from tocsin.store.base import (
    AppliedMigration,
    ArticleRow,
    CanonicalEventRow,
    DyadRow,
    EventPageKey,
    OutletRow,
    RunInfo,
    SchemaStatus,
    Store,
)
from tocsin.store.columns import EVENT_COLUMNS, event_from_values
from tocsin.store.filters import ORDER_BY, EventFilter, where_clause
from tocsin.store.schema import (
    CREATE_SCHEMA_MIGRATIONS,
    RECORD_MIGRATION,
    SELECT_MIGRATIONS,
    TABLE_EXISTS,
    load_migrations,
    pending_migrations,
)
from tocsin.store.series_sql import SeriesQuery, points_from_rows, series_sql
from tocsin.version import __version__

T = TypeVar("T")



def column_list(columns: Sequence[str]) -> str:
    """``"a", "b", …``: quoted column names (several are SQL keywords: type, date, text)."""
    return ", ".join(f'"{c}"' for c in columns)


def placeholders(n: int) -> str:
    return ", ".join("?" for _ in range(n))


EVENT_COLUMNS_SQL = column_list(EVENT_COLUMNS)
ARTICLE_COLUMNS: tuple[str, ...] = (
    "article_id", "title", "text", "published", "url", "language", "outlet", "origin",
)
ARTICLE_COLUMNS_SQL = column_list(ARTICLE_COLUMNS)
_ARTICLE_WRITE_COLUMNS = (*ARTICLE_COLUMNS, "coded_with", "run_id", "updated_at")

UPSERT_ARTICLE = (
    f"INSERT INTO articles ({column_list(_ARTICLE_WRITE_COLUMNS)})"
    f" VALUES ({placeholders(len(_ARTICLE_WRITE_COLUMNS))})"
    " ON CONFLICT (article_id) DO UPDATE SET "
    + ", ".join(f'"{c}" = excluded."{c}"' for c in _ARTICLE_WRITE_COLUMNS[1:])
)
SELECT_ARTICLES = f"SELECT {ARTICLE_COLUMNS_SQL} FROM articles ORDER BY article_id"
SELECT_ARTICLE = f"SELECT {ARTICLE_COLUMNS_SQL} FROM articles WHERE article_id = ?"
INSERT_RUN = (
    "INSERT INTO runs (run_id, started_at, coder, tocsin_version, args) VALUES (?, ?, ?, ?, ?)"
)
FINISH_RUN = (
    "UPDATE runs SET finished_at = ?, n_articles = ?, n_events = ?, n_failed = ?"
    " WHERE run_id = ? RETURNING run_id"
)
SELECT_RUNS = (
    "SELECT run_id, started_at, finished_at, coder, tocsin_version, args,"
    " n_articles, n_events, n_failed FROM runs ORDER BY started_at, run_id"
)
ALERT_COLUMNS: tuple[str, ...] = (
    "alert_id", "source", "target", "kind", "window_start", "window_end",
    "baseline_start", "baseline_end", "observed", "expected", "score", "direction",
    "summary", "evidence", "state", "created_at",
)
ALERT_COLUMNS_SQL = column_list(ALERT_COLUMNS)
COUNT_ROWS = (
    "SELECT (SELECT count(*) FROM runs), (SELECT count(*) FROM articles),"
    " (SELECT count(*) FROM events)"
)


def delete_events_sql(n_articles: int) -> str:
    """Delete the events of ``n_articles`` articles from one coder version (params: coder, ids…)."""
    return f"DELETE FROM events WHERE coder = ? AND article_id IN ({placeholders(n_articles)})"


def events_sql(f: EventFilter) -> tuple[str, list[Any]]:
    """The query for :meth:`Store.query`."""
    where, params = where_clause(f)
    sql = f"SELECT {EVENT_COLUMNS_SQL} FROM events {where} {ORDER_BY}"
    if f.limit is not None:
        sql += " LIMIT ?"
        params = [*params, f.limit]
    return sql, params


def dyads_sql(f: EventFilter) -> tuple[str, list[Any]]:
    """The query for :meth:`Store.dyad_summary`."""
    where, params = where_clause(f)
    quads = ", ".join(f"sum(CASE WHEN quad_class = {q} THEN 1 ELSE 0 END)" for q in (1, 2, 3, 4))
    sql = (
        "SELECT (source).country, (target).country, count(*) AS n, "
        f"{quads}, avg(goldstein) FROM events {where} "
        "GROUP BY 1, 2 ORDER BY n DESC, 1 NULLS LAST, 2 NULLS LAST"
    )
    if f.limit is not None:
        sql += " LIMIT ?"
        params = [*params, f.limit]
    return sql, params


def utcnow() -> datetime:
    """Now in UTC, without time zone (the ``TIMESTAMP`` columns hold UTC)."""
    return datetime.now(UTC).replace(tzinfo=None)


def check_events(article: Article, events: Sequence[Event], coder: str) -> None:
    """``ValueError`` unless every event belongs to ``article`` and carries ``coder``."""
    for event in events:
        if event.article_id != article.id:
            raise ValueError(
                f"event {event.event_id} belongs to article {event.article_id!r}, "
                f"not {article.id!r}"
            )
        if event.coder != coder:
            raise ValueError(f"event {event.event_id} was coded by {event.coder!r}, not {coder!r}")


def article_from_row(row: Sequence[Any]) -> Article:
    values = dict(zip(ARTICLE_COLUMNS, row, strict=True))
    return Article(
        id=values["article_id"], text=values["text"], title=values["title"],
        published=values["published"], url=values["url"], language=values["language"],
        outlet=values["outlet"], origin=values["origin"],
    )


def run_from_row(r: Sequence[Any]) -> RunInfo:
    return RunInfo(
        run_id=r[0], started_at=r[1], finished_at=r[2], coder=r[3], tocsin_version=r[4],
        args=json.loads(r[5]) if r[5] else {}, n_articles=r[6], n_events=r[7], n_failed=r[8],
    )


def dyad_from_row(r: Sequence[Any]) -> DyadRow:
    return DyadRow(
        source_country=r[0],
        target_country=r[1],
        n_events=int(r[2]),
        quad_counts=(int(r[3]), int(r[4]), int(r[5]), int(r[6])),
        mean_goldstein=None if r[7] is None else float(r[7]),
    )


class SQLStore(Store):
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
            for article in articles:
                self._upsert_article(article, coder=coder, run_id=run_id)
            ids = sorted({a.id for a in articles})
            self._execute(delete_events_sql(len(ids)), [coder, *ids])
            self._insert_events(batch)

        self._write(f"store {what}", work)

    def save_article(
        self, article: Article, events: list[Event], *, coder: str, run_id: str
    ) -> None:
        self.save_articles([(article, events)], coder=coder, run_id=run_id)

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

    # ------------------------------------------------- dyad series and alerts

    def series_points(self, q: SeriesQuery) -> list[SeriesPoint]:
        per_period, per_type, params = series_sql(q)
        with self._errors("compute a dyad series"):
            period_rows = self._fetchall(per_period, params)
            type_rows = self._fetchall(per_type, params)
        return points_from_rows(period_rows, type_rows)

    def event_date_range(self) -> tuple[date | None, date | None]:
        with self._errors("read the event dates"):
            rows = self._fetchall('SELECT min("date"), max("date") FROM events')
        return (rows[0][0], rows[0][1]) if rows else (None, None)

    def events_by_id(self, event_ids: Sequence[str]) -> list[Event]:
        ids = list(dict.fromkeys(str(i) for i in event_ids))
        if not ids:
            return []
        with self._errors("read events by id"):
            rows = self._fetchall(
                f"SELECT {EVENT_COLUMNS_SQL} FROM events WHERE event_id IN ({placeholders(len(ids))})"
                " ORDER BY event_id, coder DESC",
                ids,
            )
        found: dict[str, Event] = {}
        for row in rows:
            event = event_from_values(row)
            found.setdefault(event.event_id, event)
        return [found[i] for i in ids if i in found]

    def save_alerts(self, alerts: Sequence[Alert]) -> list[Alert]:
        alerts = list({a.alert_id: a for a in alerts}.values())
        if not alerts:
            return []
        ids = sorted(a.alert_id for a in alerts)

        def work() -> list[Alert]:
            stored = {r[0] for r in self._fetchall(
                f"SELECT alert_id FROM alerts WHERE alert_id IN ({placeholders(len(ids))})", ids)}
            now = utcnow()
            fresh = []
            for a in alerts:
                if a.alert_id in stored:
                    continue
                if a.state not in ALERT_STATES:
                    raise ValueError(f"alert state must be one of {ALERT_STATES}, not {a.state!r}")
                created = a.created_at or now
                # DO NOTHING: an alert another writer stored meanwhile keeps its row and state.
                inserted = self._fetchall(
                    f"INSERT INTO alerts ({ALERT_COLUMNS_SQL}) VALUES ({placeholders(len(ALERT_COLUMNS))})"
                    " ON CONFLICT (alert_id) DO NOTHING RETURNING alert_id",
                    [a.alert_id, a.source, a.target, a.kind, a.window_start, a.window_end,
                     a.baseline_start, a.baseline_end, a.observed, a.expected, a.score,
                     a.direction, a.summary, list(a.evidence), a.state, created],
                )
                if inserted:
                    fresh.append(replace(a, created_at=created))
            return fresh

        return self._write(f"store {len(alerts)} alerts", work)

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
            f"SELECT {ALERT_COLUMNS_SQL} FROM alerts {where}"
            " ORDER BY window_end DESC, score DESC, alert_id"
        )
        if limit is not None:
            sql += " LIMIT ?"
            params.append(int(limit))
        with self._errors("read alerts"):
            rows = self._fetchall(sql, params)
        return [alert_from_row(r) for r in rows]

    def alert(self, alert_id: str) -> Alert | None:
        with self._errors(f"read alert {alert_id}"):
            rows = self._fetchall(
                f"SELECT {ALERT_COLUMNS_SQL} FROM alerts WHERE alert_id = ?", [alert_id]
            )
        return alert_from_row(rows[0]) if rows else None

    def set_alert_state(self, alert_id: str, state: str) -> Alert:
        if state not in ALERT_STATES:
            raise ValueError(f"alert state must be one of {', '.join(ALERT_STATES)}, not {state!r}")
        updated = self._write(
            f"change the state of alert {alert_id}",
            lambda: self._fetchall(
                "UPDATE alerts SET state = ?, state_changed_at = ? WHERE alert_id = ?"
                " RETURNING alert_id",
                [state, utcnow(), alert_id],
            ),
        )
        if not updated:
            raise KeyError(f"no alert {alert_id!r}")
        found = self.alert(alert_id)
        assert found is not None
        return found

    # ------------------------------------------------------ ingest state (migration 002)

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

    def upsert_sources(
        self, rows: Iterable[tuple[str, str, str, str | None, str | None, float]]
    ) -> None:
        rows = sorted(rows, key=lambda r: r[0])
        self._write("register the sources", lambda: ingest_sql.upsert_sources(self, rows))

    def source_states(self) -> list[SourceState]:
        with self._errors("read the sources"):
            return ingest_sql.source_states(self)

    def record_poll(self, name: str, *, ok: bool, status: str, error: str | None = None,
                    etag: str | None = None, last_modified: str | None = None,
                    keep_validators: bool = False, next_poll_at: datetime,
                    new_articles: int = 0) -> None:
        self._write(f"record a poll of {name}", lambda: ingest_sql.record_poll(
            self, name, at=utcnow(), ok=ok, status=status, error=error, etag=etag,
            last_modified=last_modified, keep_validators=keep_validators,
            next_poll_at=next_poll_at, new_articles=new_articles,
        ))

    def ingest_record(self, *, article_id: str | None = None, canonical_url: str | None = None,
                      content_hash: str | None = None) -> IngestedArticle | None:
        where, value = (
            ("article_id", article_id) if article_id is not None
            else ("canonical_url", canonical_url) if canonical_url is not None
            else ("content_hash", content_hash)
        )
        if value is None:
            raise ValueError("give article_id, canonical_url or content_hash")
        with self._errors("read the article index"):
            return ingest_sql.ingest_record(self, where, value)

    def ingest_records(self, field: str, values: Sequence[str]) -> dict[str, IngestedArticle]:
        """Records by ``field`` (``article_id``, ``canonical_url`` or ``content_hash``) value."""
        if field not in ("article_id", "canonical_url", "content_hash"):
            raise ValueError(f"not a lookup field: {field!r}")
        if not values:
            return {}
        with self._errors("read the article index"):
            return ingest_sql.ingest_records(self, field, values)

    def store_ingested(self, article: Article, record: IngestedArticle, *, coder: str,
                       cluster_options: ingest_sql.ClusterOptions | None = None) -> bool:
        """Store ``article`` uncoded with ``record``; a reprint updates its story's events' sources."""
        options = cluster_options or ingest_sql.ClusterOptions()

        def work() -> bool:
            added = ingest_sql.insert_ingested(self, article, record, utcnow())
            if added and record.status == "duplicate":
                keys = ingest_sql.blocks_of_articles(self, [record.story_id], coder, options)
                ingest_sql.refresh_blocks(self, coder, keys, options)
            return added

        return self._write(f"store article {article.id}", work)

    def store_ingested_many(self, items: Sequence[tuple[Article, IngestedArticle]], *, coder: str,
                            cluster_options: ingest_sql.ClusterOptions | None = None) -> list[bool]:
        """:meth:`store_ingested` for many articles in one transaction (corpora)."""
        options = cluster_options or ingest_sql.ClusterOptions()
        if not items:
            return []

        def work() -> list[bool]:
            added = ingest_sql.insert_ingested_many(self, items, utcnow())
            stories = sorted({r.story_id for (_, r), new in zip(items, added, strict=True)
                              if new and r.status == "duplicate"})
            if stories:
                keys = ingest_sql.blocks_of_articles(self, stories, coder, options)
                ingest_sql.refresh_blocks(self, coder, keys, options)
            return added

        return self._write(f"store {len(items)} articles", work)

    def stored_signatures(self, since: datetime | None = None) -> list[tuple[str, str, bytes]]:
        with self._errors("read the article signatures"):
            return ingest_sql.signatures(self, since)

    def pending_articles(self, limit: int | None = None) -> list[Article]:
        sql = (
            f"SELECT {', '.join('a.' + c for c in ARTICLE_COLUMNS)} FROM articles a"
            " JOIN article_ingest ai ON ai.article_id = a.article_id WHERE ai.status = 'pending'"
            " ORDER BY ai.first_seen, a.article_id"
        )
        params: list[Any] = []
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        with self._errors("read the pending articles"):
            rows = self._fetchall(sql, params)
        return [article_from_row(r) for r in rows]

    def save_coded(self, items: Sequence[tuple[Article, list[Event]]], *, coder: str, run_id: str,
                   cluster_options: ingest_sql.ClusterOptions | None = None) -> None:
        """Like :meth:`save_articles`, and in the same transaction: mark the articles
        coded and rebuild the canonical events of every (type, negation) family their
        events touch."""
        if not items:
            return
        options = cluster_options or ingest_sql.ClusterOptions()
        for article, events in items:
            check_events(article, events, coder)
        try:
            batch = self._prepare_events([e for _, events in items for e in events])
        except (TypeError, ValueError) as exc:
            raise self._error(f"cannot store the events of {len(items)} articles: {exc}") from exc
        # Lock the article rows in one order whatever the caller's: no deadlocks.
        articles = sorted((article for article, _ in items), key=lambda a: a.id)
        ids = sorted({a.id for a in articles})
        marks = placeholders(len(ids))

        def work() -> None:
            keys = ingest_sql.blocks_of_articles(self, ids, coder, options)
            for article in articles:
                self._upsert_article(article, coder=coder, run_id=run_id)
            self._execute(delete_events_sql(len(ids)), [coder, *ids])
            self._insert_events(batch)
            self._execute(
                "UPDATE article_ingest SET status = 'coded', coded_at = ?, last_error = NULL"
                f" WHERE article_id IN ({marks})", [utcnow(), *ids],
            )
            keys.update(ingest_sql.event_block(e, options) for _, events in items for e in events)
            ingest_sql.refresh_blocks(self, coder, keys, options)

        self._write(f"store {len(items)} coded articles", work)

    def requeue_failed(self) -> int:
        """Put the articles whose coding failed back in the queue; returns how many."""
        rows = self._write("requeue failed articles", lambda: self._fetchall(
            "UPDATE article_ingest SET status = 'pending', attempts = 0"
            " WHERE status = 'failed' RETURNING article_id"
        ))
        return len(rows)

    def mark_coding_failed(self, article_id: str, error: str, *, max_attempts: int = 3) -> None:
        self._write(f"record a coding failure of {article_id}",
                    lambda: ingest_sql.mark_failed(self, article_id, error, max_attempts))

    def record_fetch_failure(self, url: str, source_name: str | None, error: str,
                             *, transient: bool, at_least: int = 1) -> int:
        """Count a failure of ``url``; the count becomes at least ``at_least`` (give up at once
        on a permanent error by passing the maximum). Returns the new count."""
        rows = self._write(f"record a failure of {url}", lambda: self._fetchall(
            "INSERT INTO fetch_failures (url, source_name, attempts, transient, last_error, last_at)"
            " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (url) DO UPDATE SET"
            " attempts = greatest(fetch_failures.attempts + 1, excluded.attempts),"
            " transient = excluded.transient,"
            " last_error = excluded.last_error, last_at = excluded.last_at RETURNING attempts",
            [url, source_name, max(1, at_least), transient, error, utcnow()],
        ))
        return int(rows[0][0]) if rows else 1

    def fetch_attempts(self, url: str) -> tuple[int, bool]:
        with self._errors("read the fetch failures"):
            rows = self._fetchall(
                "SELECT attempts, transient FROM fetch_failures WHERE url = ?", [url]
            )
        return (int(rows[0][0]), bool(rows[0][1])) if rows else (0, False)

    def clear_fetch_failure(self, url: str) -> None:
        self._write(f"clear the failures of {url}",
                    lambda: self._execute("DELETE FROM fetch_failures WHERE url = ?", [url]))

    def canonical_events(self, *, coder: str | None = None, types: Sequence[str] = (),
                         actors: Sequence[str] = (), min_sources: int = 0,
                         limit: int | None = None) -> list[CanonicalEventRow]:
        """Canonical events, by first date; ``actors`` match a code or its country prefix."""
        clauses, params = [], []
        if coder is not None:
            clauses.append("c.coder = ?")
            params.append(coder)
        if types:
            clauses.append(f"c.type IN ({placeholders(len(types))})")
            params.extend(t.upper() for t in types)
        for actor in actors:
            clauses.append("(starts_with(coalesce(c.source_code, ''), ?)"
                           " OR starts_with(coalesce(c.target_code, ''), ?))")
            params.extend([actor.upper(), actor.upper()])
        if min_sources:
            clauses.append("c.n_sources >= ?")
            params.append(min_sources)
        where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
        sql = (
            "SELECT c.canonical_id, c.coder, c.type, c.source_code, c.target_code, c.source_country,"
            " c.target_country, c.negated, c.quad_class, c.first_date, c.last_date, c.first_seen,"
            " c.n_mentions, c.n_articles, c.n_sources, c.sources, c.representative,"
            " (SELECT array_agg(m.event_id ORDER BY m.event_id) FROM event_mentions m"
            "  WHERE m.canonical_id = c.canonical_id AND m.coder = c.coder)"
            f" FROM canonical_events c {where}"
            " ORDER BY c.first_date NULLS LAST, c.canonical_id"
        )
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        with self._errors("read canonical events"):
            rows = self._fetchall(sql, params)
        return [
            CanonicalEventRow(
                canonical_id=r[0], coder=r[1], type=r[2], source_code=r[3], target_code=r[4],
                source_country=r[5], target_country=r[6], negated=bool(r[7]), quad_class=int(r[8]),
                first_date=r[9], last_date=r[10], first_seen=r[11], n_mentions=int(r[12]),
                n_articles=int(r[13]), n_sources=int(r[14]), sources=tuple(r[15] or ()),
                representative=r[16], event_ids=tuple(r[17] or ()),
            )
            for r in rows
        ]

    def rebuild_canonical_events(self, coder: str,
                                 cluster_options: ingest_sql.ClusterOptions | None = None) -> int:
        options = cluster_options or ingest_sql.ClusterOptions()

        def work() -> int:
            rows = self._fetchall(
                "SELECT DISTINCT type, coalesce((source).country, (source).code),"
                " coalesce((target).country, (target).code), negated FROM events WHERE coder = ?",
                [coder],
            )
            keys = {ingest_sql.block_key(
                ingest_sql.Mention("", "", t, s, g, None, "", bool(n)), options) for t, s, g, n in rows}
            self._execute("DELETE FROM event_mentions WHERE coder = ?", [coder])
            self._execute("DELETE FROM canonical_events WHERE coder = ?", [coder])
            return ingest_sql.refresh_blocks(self, coder, keys, options)

        return self._write("rebuild the canonical events", work)

    def ingest_counts(self) -> dict[str, int]:
        with self._errors("count the ingest state"):
            out = {f"articles_{status}": int(n) for status, n in self._fetchall(
                "SELECT status, count(*) FROM article_ingest GROUP BY status")}
            for status in ("pending", "coded", "duplicate", "failed"):
                out.setdefault(f"articles_{status}", 0)
            (stories, canonical, mentions, events, failures), = self._fetchall(
                "SELECT (SELECT count(DISTINCT story_id) FROM article_ingest),"
                " (SELECT count(*) FROM canonical_events), (SELECT count(*) FROM event_mentions),"
                " (SELECT count(*) FROM events), (SELECT count(*) FROM fetch_failures)")
        out.update(stories=int(stories), canonical_events=int(canonical),
                   event_mentions=int(mentions), events=int(events), fetch_failures=int(failures))
        return out

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
            when = after.date or _NO_DATE
            extra.append(
                f"({_SORT_DATE} < ? OR ({_SORT_DATE} = ? AND "
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
        order = f"ORDER BY {_SORT_DATE} DESC, article_id, sentence_index, event_id, coder"

        def read() -> list[tuple[Any, ...]]:  # one transaction: both steps see one database
            self._snapshot()
            rows = self._fetchall(
                f"SELECT min(d) FROM (SELECT {_SORT_DATE} AS d FROM events {where}"
                " ORDER BY d DESC LIMIT ?) AS page_dates",
                [*params, int(limit)],
            )
            if not rows or rows[0][0] is None:
                return []
            page_where = (where + " AND " if where else "WHERE ") + f"{_SORT_DATE} >= ?"
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


def alert_from_row(row: Sequence[Any]) -> Alert:
    v = dict(zip(ALERT_COLUMNS, row, strict=True))
    v["evidence"] = tuple(v["evidence"] or ())
    return Alert(**v)


#: Sort key of event pages: newest first, undated events last.
_NO_DATE = date(1, 1, 1)
_SORT_DATE = "coalesce(\"date\", DATE '0001-01-01')"
