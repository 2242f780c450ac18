"""The DuckDB event database.

One database file holds the ``runs``, ``articles`` and ``events`` tables. The
schema is built by the numbered SQL files in ``store/migrations/`` (``001_initial.sql``,
``002_….sql``), applied in order and recorded in ``schema_migrations``; opening
a file applies only the ones it lacks. Events are inserted as one Arrow batch
per transaction. The SQL itself is shared with PostgreSQL (``store/sql.py``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import Any, TypeVar

import duckdb
import pyarrow as pa

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
from tocsin.store.base import ArticleRow, CanonicalEventRow, EventPageKey, OutletRow
from tocsin.store.columns import event_from_values, events_to_arrow
from tocsin.store.filters import ORDER_BY, EventFilter, where_clause
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

    # ------------------------------------------------------ ingest state (migration 002)

    def upsert_sources(
        self, rows: Iterable[tuple[str, str, str, str | None, str | None, float]]
    ) -> None:
        with self._transaction("register the sources") as con:
            ingest_sql.upsert_sources(con, rows)

    def source_states(self) -> list[SourceState]:
        with self._errors("read the sources"):
            return ingest_sql.source_states(self._db)

    def record_poll(self, name: str, *, ok: bool, status: str, error: str | None = None,
                    etag: str | None = None, last_modified: str | None = None,
                    keep_validators: bool = False, next_poll_at: datetime,
                    new_articles: int = 0) -> None:
        with self._transaction(f"record a poll of {name}") as con:
            ingest_sql.record_poll(
                con, name, at=_utcnow(), ok=ok, status=status, error=error, etag=etag,
                last_modified=last_modified, keep_validators=keep_validators,
                next_poll_at=next_poll_at, new_articles=new_articles,
            )

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
            return ingest_sql.ingest_record(self._db, where, value)

    def ingest_records(self, field: str, values: Sequence[str]) -> dict[str, IngestedArticle]:
        """Records by ``field`` (``article_id``, ``canonical_url`` or ``content_hash``) value."""
        if field not in ("article_id", "canonical_url", "content_hash"):
            raise ValueError(f"not a lookup field: {field!r}")
        if not values:
            return {}
        with self._errors("read the article index"):
            return ingest_sql.ingest_records(self._db, field, values)

    def store_ingested(self, article: Article, record: IngestedArticle, *, coder: str,
                       cluster_options: ingest_sql.ClusterOptions | None = None) -> bool:
        """Store ``article`` uncoded with ``record``; a reprint updates its story's events' sources."""
        options = cluster_options or ingest_sql.ClusterOptions()
        with self._transaction(f"store article {article.id}") as con:
            added = ingest_sql.insert_ingested(con, article, record, _utcnow())
            if added and record.status == "duplicate":
                keys = ingest_sql.blocks_of_articles(con, [record.story_id], coder, options)
                ingest_sql.refresh_blocks(con, coder, keys, options)
            return added

    def store_ingested_many(self, items: Sequence[tuple[Article, IngestedArticle]], *, coder: str,
                            cluster_options: ingest_sql.ClusterOptions | None = None) -> list[bool]:
        """:meth:`store_ingested` for many articles in one transaction (corpora)."""
        options = cluster_options or ingest_sql.ClusterOptions()
        if not items:
            return []
        with self._transaction(f"store {len(items)} articles") as con:
            now = _utcnow()
            added = ingest_sql.insert_ingested_many(con, items, now)
            stories = sorted({r.story_id for (_, r), new in zip(items, added, strict=True)
                              if new and r.status == "duplicate"})
            if stories:
                keys = ingest_sql.blocks_of_articles(con, stories, coder, options)
                ingest_sql.refresh_blocks(con, coder, keys, options)
        return added

    def stored_signatures(self, since: datetime | None = None) -> list[tuple[str, str, bytes]]:
        with self._errors("read the article signatures"):
            return ingest_sql.signatures(self._db, since)

    def pending_articles(self, limit: int | None = None) -> list[Article]:
        sql = (
            f"SELECT {', '.join('a.' + c for c in _ARTICLE_COLUMNS)} FROM articles a"
            " JOIN article_ingest ai ON ai.article_id = a.article_id WHERE ai.status = 'pending'"
            " ORDER BY ai.first_seen, a.article_id"
        )
        params: list[Any] = []
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        with self._errors("read the pending articles"):
            rows = self._db.execute(sql, params).fetchall()
        return [self._article_from_row(r) for r in rows]

    def save_coded(self, items: Sequence[tuple[Article, list[Event]]], *, coder: str, run_id: str,
                   cluster_options: ingest_sql.ClusterOptions | None = None) -> None:
        """Like :meth:`save_articles`, and in the same transaction: mark the articles
        coded and rebuild the canonical events of every (type, negation) family their
        events touch."""
        if not items:
            return
        options = cluster_options or ingest_sql.ClusterOptions()
        for article, events in items:
            self._check(article, events, coder)
        try:
            batch = events_to_arrow([e for _, events in items for e in events])
        except (pa.ArrowException, TypeError, ValueError) as exc:
            raise self._error(f"cannot store the events of {len(items)} articles: {exc}") from exc
        ids = [article.id for article, _ in items]
        marks = ", ".join("?" for _ in ids)
        with self._transaction(f"store {len(items)} coded articles") as con:
            keys = ingest_sql.blocks_of_articles(con, ids, coder, options)
            for article, _ in items:
                self._upsert_article(article, coder=coder, run_id=run_id)
            con.execute(f"DELETE FROM events WHERE coder = ? AND article_id IN ({marks})", [coder, *ids])
            self._insert_events(batch)
            con.execute(
                f"UPDATE article_ingest SET status = 'coded', coded_at = ?, last_error = NULL"
                f" WHERE article_id IN ({marks})", [_utcnow(), *ids],
            )
            keys |= {ingest_sql.event_block(e, options) for _, events in items for e in events}
            ingest_sql.refresh_blocks(con, coder, keys, options)

    def requeue_failed(self) -> int:
        """Put the articles whose coding failed back in the queue; returns how many."""
        with self._transaction("requeue failed articles") as con:
            rows = con.execute(
                "UPDATE article_ingest SET status = 'pending', attempts = 0"
                " WHERE status = 'failed' RETURNING article_id"
            ).fetchall()
        return len(rows)

    def mark_coding_failed(self, article_id: str, error: str, *, max_attempts: int = 3) -> None:
        with self._transaction(f"record a coding failure of {article_id}") as con:
            ingest_sql.mark_failed(con, article_id, error, max_attempts)

    def record_fetch_failure(self, url: str, source_name: str | None, error: str,
                             *, transient: bool, at_least: int = 1) -> int:
        """Count a failure of ``url``; the count becomes at least ``at_least`` (give up at once
        on a permanent error by passing the maximum). Returns the new count."""
        with self._transaction(f"record a failure of {url}") as con:
            row = con.execute(
                "INSERT INTO fetch_failures (url, source_name, attempts, transient, last_error, last_at)"
                " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (url) DO UPDATE SET"
                " attempts = greatest(fetch_failures.attempts + 1, excluded.attempts),"
                " transient = excluded.transient,"
                " last_error = excluded.last_error, last_at = excluded.last_at RETURNING attempts",
                [url, source_name, max(1, at_least), transient, error, _utcnow()],
            ).fetchone()
        return int(row[0]) if row else 1

    def fetch_attempts(self, url: str) -> tuple[int, bool]:
        with self._errors("read the fetch failures"):
            row = self._db.execute(
                "SELECT attempts, transient FROM fetch_failures WHERE url = ?", [url]
            ).fetchone()
        return (int(row[0]), bool(row[1])) if row else (0, False)

    def clear_fetch_failure(self, url: str) -> None:
        with self._transaction(f"clear the failures of {url}") as con:
            con.execute("DELETE FROM fetch_failures WHERE url = ?", [url])

    def canonical_events(self, *, coder: str | None = None, types: Sequence[str] = (),
                         actors: Sequence[str] = (), min_sources: int = 0,
                         limit: int | None = None) -> list[CanonicalEventRow]:
        """Canonical events, by first date; ``actors`` match a code or its country prefix."""
        clauses, params = [], []
        if coder is not None:
            clauses.append("c.coder = ?")
            params.append(coder)
        if types:
            clauses.append(f"c.type IN ({', '.join('?' for _ in types)})")
            params.extend(t.upper() for t in types)
        for actor in actors:
            clauses.append("(starts_with(coalesce(c.source_code, ''), ?) OR starts_with(coalesce(c.target_code, ''), ?))")
            params.extend([actor.upper(), actor.upper()])
        if min_sources:
            clauses.append("c.n_sources >= ?")
            params.append(min_sources)
        where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
        sql = (
            "SELECT c.canonical_id, c.coder, c.type, c.source_code, c.target_code, c.source_country,"
            " c.target_country, c.negated, c.quad_class, c.first_date, c.last_date, c.first_seen,"
            " c.n_mentions, c.n_articles, c.n_sources, c.sources, c.representative,"
            " (SELECT list(m.event_id ORDER BY m.event_id) FROM event_mentions m"
            "  WHERE m.canonical_id = c.canonical_id AND m.coder = c.coder)"
            f" FROM canonical_events c {where}"
            " ORDER BY c.first_date NULLS LAST, c.canonical_id"
        )
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        with self._errors("read canonical events"):
            rows = self._db.execute(sql, params).fetchall()
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
        with self._transaction("rebuild the canonical events") as con:
            rows = con.execute(
                "SELECT DISTINCT type, coalesce((source).country, (source).code),"
                " coalesce((target).country, (target).code), negated FROM events WHERE coder = ?",
                [coder],
            ).fetchall()
            keys = {ingest_sql.block_key(ingest_sql.Mention("", "", t, s, g, None, "", bool(n)), options)
                    for t, s, g, n in rows}
            con.execute("DELETE FROM event_mentions WHERE coder = ?", [coder])
            con.execute("DELETE FROM canonical_events WHERE coder = ?", [coder])
            return ingest_sql.refresh_blocks(con, coder, keys, options)

    def ingest_counts(self) -> dict[str, int]:
        with self._errors("count the ingest state"):
            con = self._db
            out = {f"articles_{status}": int(n) for status, n in con.execute(
                "SELECT status, count(*) FROM article_ingest GROUP BY status").fetchall()}
            for status in ("pending", "coded", "duplicate", "failed"):
                out.setdefault(f"articles_{status}", 0)
            out["stories"] = int(con.execute(
                "SELECT count(DISTINCT story_id) FROM article_ingest").fetchone()[0])  # type: ignore[index]
            out["canonical_events"] = int(con.execute(
                "SELECT count(*) FROM canonical_events").fetchone()[0])  # type: ignore[index]
            out["event_mentions"] = int(con.execute(
                "SELECT count(*) FROM event_mentions").fetchone()[0])  # type: ignore[index]
            out["events"] = int(con.execute("SELECT count(*) FROM events").fetchone()[0])  # type: ignore[index]
            out["fetch_failures"] = int(con.execute(
                "SELECT count(*) FROM fetch_failures").fetchone()[0])  # type: ignore[index]
        return out

    # -------------------------------------------------------------- web reads

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

    def events_page(
        self, f: EventFilter | None = None, *, after: EventPageKey | None = None,
        sectors: Sequence[str] = (), limit: int = 50,
    ) -> list[Event]:
        where, params = where_clause(f or EventFilter())
        extra: list[str] = []
        wanted = [s.upper() for s in sectors if s]
        if wanted:
            marks = ", ".join("?" for _ in wanted)
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
        with self._transaction("read a page of events") as con:  # both steps see one snapshot
            row = con.execute(
                f"SELECT min(d) FROM (SELECT {_SORT_DATE} AS d FROM events {where}"
                " ORDER BY d DESC LIMIT ?)",
                [*params, int(limit)],
            ).fetchone()
            if row is None or row[0] is None:
                return []
            where = (where + " AND " if where else "WHERE ") + f"{_SORT_DATE} >= ?"
            rows = con.execute(
                f"SELECT {_EVENT_COLUMNS_SQL} FROM events {where} {order} LIMIT ?",
                [*params, row[0], int(limit)],
            ).fetchall()
        return [event_from_values(r) for r in rows]

    def event(self, event_id: str) -> Event | None:
        with self._errors(f"read event {event_id}"):
            row = self._db.execute(
                f"SELECT {_EVENT_COLUMNS_SQL} FROM events WHERE event_id = ?"
                " ORDER BY coder DESC LIMIT 1",
                [event_id],
            ).fetchone()
        return event_from_values(row) if row else None

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
            f"SELECT {_EVENT_COLUMNS_SQL} FROM events WHERE event_id <> ? AND \"type\" = ?"
            f" AND {same_pair} AND {when} {ORDER_BY} LIMIT ?"
        )
        with self._errors(f"read the mentions related to event {event.event_id}"):
            rows = self._db.execute(sql, [*params, int(limit)]).fetchall()
        return [event_from_values(row) for row in rows]

    def daily_counts(self, f: EventFilter | None = None) -> list[tuple[date, int]]:
        where, params = where_clause(f or EventFilter())
        where = (where + " AND " if where else "WHERE ") + '"date" IS NOT NULL'
        with self._errors("count events per day"):
            rows = self._db.execute(
                f'SELECT "date", count(*) FROM events {where} GROUP BY 1 ORDER BY 1', params
            ).fetchall()
        return [(r[0], int(r[1])) for r in rows]

    def articles_page(self, *, after: str | None = None, limit: int = 50) -> list[ArticleRow]:
        where, params = ("WHERE a.article_id > ?", [after]) if after is not None else ("", [])
        sql = (
            "SELECT a.article_id, a.title, a.published, a.url, a.\"language\", a.outlet,"
            " (SELECT count(*) FROM events e WHERE e.article_id = a.article_id)"
            f" FROM articles a {where} ORDER BY a.article_id LIMIT ?"
        )
        with self._errors("read a page of articles"):
            rows = self._db.execute(sql, [*params, int(limit)]).fetchall()
        return [ArticleRow(r[0], r[1], r[2], r[3], r[4], r[5], int(r[6])) for r in rows]

    def outlets(self) -> list[OutletRow]:
        with self._errors("read the outlets"):
            rows = self._db.execute(
                "SELECT outlet, count(*) AS n, max(published) FROM articles"
                " GROUP BY outlet ORDER BY n DESC, outlet NULLS LAST"
            ).fetchall()
        return [OutletRow(r[0], int(r[1]), r[2]) for r in rows]


#: Sort key of event pages: newest first, undated events last.
_NO_DATE = date(1, 1, 1)
_SORT_DATE = "coalesce(\"date\", DATE '0001-01-01')"


__all__ = ["DuckDBStore", "Migration", "load_migrations"]
