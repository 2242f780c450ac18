"""The DuckDB event database.

One database file holds the ``runs``, ``articles`` and ``events`` tables. The
schema is built by the numbered SQL files in ``store/migrations/`` (``001_initial.sql``,
``002_….sql``), applied in order, each in its own transaction, and recorded in
``schema_migrations``; opening a file applies only the ones it lacks. Events are
inserted as one Arrow batch per article.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from tocsin.errors import StoreError
from tocsin.records import Article, Event, IngestedArticle, SourceState
from tocsin.store import ingest_sql
from tocsin.store.base import CanonicalEventRow, DyadRow, RunInfo, Store
from tocsin.store.columns import EVENT_COLUMNS, event_from_values, events_to_arrow
from tocsin.store.filters import ORDER_BY, EventFilter, where_clause
from tocsin.version import __version__

_MIGRATION_NAME = re.compile(r"^(\d{3})_([a-z0-9_]+)\.sql$")
_EVENT_COLUMNS_SQL = ", ".join(f'"{c}"' for c in EVENT_COLUMNS)
_ARTICLE_COLUMNS = (
    "article_id", "title", "text", "published", "url", "language", "outlet", "origin",
)
_ARTICLE_COLUMNS_SQL = ", ".join(f'"{c}"' for c in _ARTICLE_COLUMNS)
#: Name under which an event batch is visible to SQL while it is inserted.
_BATCH_VIEW = "tocsin_event_batch"


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    sql: str


def load_migrations() -> list[Migration]:
    """The bundled migrations, in version order."""
    folder = resources.files("tocsin.store").joinpath("migrations")
    found: list[Migration] = []
    for entry in folder.iterdir():
        match = _MIGRATION_NAME.match(entry.name)
        if match:
            found.append(
                Migration(int(match.group(1)), match.group(2), entry.read_text(encoding="utf-8"))
            )
    found.sort(key=lambda m: m.version)
    versions = [m.version for m in found]
    if len(set(versions)) != len(versions):
        raise StoreError(f"two migrations share a version number: {versions}")
    return found


def _utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class DuckDBStore(Store):
    """An event database in one DuckDB file (or ``":memory:"``)."""

    def __init__(self, path: str | Path, *, read_only: bool = False) -> None:
        self._path = str(path)
        self._read_only = read_only
        self._con: duckdb.DuckDBPyConnection | None = self._connect()
        try:
            self._migrate()
        except BaseException:
            self.close()
            raise

    # ----------------------------------------------------------------- plumbing

    @property
    def location(self) -> str:
        return self._path

    def __repr__(self) -> str:
        mode = ", read_only=True" if self._read_only else ""
        return f"DuckDBStore({self._path!r}{mode})"

    def _error(self, message: str) -> StoreError:
        return StoreError(message, source=self._path)

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

    @property
    def _db(self) -> duckdb.DuckDBPyConnection:
        if self._con is None:
            raise self._error("the database is closed")
        return self._con

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

    # --------------------------------------------------------------- migrations

    def _applied_migrations(self) -> dict[int, str]:
        con = self._db
        exists = con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = ?",
            ["schema_migrations"],
        ).fetchone()
        if not exists or not exists[0]:
            return {}
        rows = con.execute("SELECT version, name FROM schema_migrations").fetchall()
        return {int(version): str(name) for version, name in rows}

    def _migrate(self) -> None:
        known = load_migrations()
        known_versions = {m.version for m in known}
        latest = max(known_versions, default=0)
        with self._errors("read the schema version"):
            applied = self._applied_migrations()
        unknown = sorted(v for v in applied if v not in known_versions)
        if unknown:
            raise self._error(
                f"the database has schema version {max(applied)}, newer than this tocsin "
                f"{__version__} knows (up to {latest}); upgrade tocsin to open it"
            )
        missing = [m for m in known if m.version not in applied]
        if not missing:
            return
        if self._read_only:
            have = max(applied, default=0)
            what = "has no tocsin schema" if not applied else f"has schema version {have}"
            raise self._error(
                f"the database {what}; this tocsin needs version {latest}. "
                "Open it once for writing (e.g. by coding into it) to create or upgrade it"
            )
        with self._errors("create the schema_migrations table"):
            self._db.execute(
                "CREATE TABLE IF NOT EXISTS schema_migrations ("
                " version INTEGER PRIMARY KEY,"
                " name VARCHAR NOT NULL,"
                " applied_at TIMESTAMP NOT NULL)"
            )
        for migration in missing:
            label = f"{migration.version:03d}_{migration.name}"
            with self._transaction(f"apply migration {label}") as con:
                con.execute(migration.sql)
                con.execute(
                    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                    [migration.version, migration.name, _utcnow()],
                )

    def schema_version(self) -> int:
        """The highest migration applied to this database."""
        with self._errors("read the schema version"):
            return max(self._applied_migrations(), default=0)

    # --------------------------------------------------------------------- runs

    def begin_run(self, args: dict[str, Any], coder: str) -> str:
        started = _utcnow()
        run_id = f"{started:%Y%m%dT%H%M%SZ}-{uuid.uuid4().hex[:8]}"
        args_json = json.dumps(args, ensure_ascii=False, sort_keys=True, default=str)
        with self._errors("record the start of a run"):
            self._db.execute(
                "INSERT INTO runs (run_id, started_at, coder, tocsin_version, args)"
                " VALUES (?, ?, ?, ?, ?)",
                [run_id, started, coder, __version__, args_json],
            )
        return run_id

    def finish_run(self, run_id: str, n_articles: int, n_events: int, n_failed: int) -> None:
        with self._errors(f"record the end of run {run_id}"):
            updated = self._db.execute(
                "UPDATE runs SET finished_at = ?, n_articles = ?, n_events = ?, n_failed = ?"
                " WHERE run_id = ? RETURNING run_id",
                [_utcnow(), n_articles, n_events, n_failed, run_id],
            ).fetchall()
        if not updated:
            raise self._error(f"no run {run_id!r} to finish")

    def runs(self) -> list[RunInfo]:
        with self._errors("read the runs"):
            rows = self._db.execute(
                "SELECT run_id, started_at, finished_at, coder, tocsin_version, args,"
                " n_articles, n_events, n_failed FROM runs ORDER BY started_at, run_id"
            ).fetchall()
        return [
            RunInfo(
                run_id=r[0], started_at=r[1], finished_at=r[2], coder=r[3],
                tocsin_version=r[4], args=json.loads(r[5]) if r[5] else {},
                n_articles=r[6], n_events=r[7], n_failed=r[8],
            )
            for r in rows
        ]

    # ------------------------------------------------------------------ writing

    def save_articles(
        self, items: Sequence[tuple[Article, list[Event]]], *, coder: str, run_id: str
    ) -> None:
        if not items:
            return
        for article, events in items:
            self._check(article, events, coder)
        try:
            batch = events_to_arrow([e for _, events in items for e in events])
        except (pa.ArrowException, TypeError, ValueError) as exc:
            raise self._error(f"cannot store the events of {len(items)} articles: {exc}") from exc
        ids = [article.id for article, _ in items]
        with self._transaction(f"store {len(items)} articles"):
            for article, _ in items:
                self._upsert_article(article, coder=coder, run_id=run_id)
            self._db.execute(
                f"DELETE FROM events WHERE coder = ? AND article_id IN ({', '.join('?' for _ in ids)})",
                [coder, *ids],
            )
            self._insert_events(batch)

    @staticmethod
    def _check(article: Article, events: list[Event], coder: str) -> None:
        for event in events:
            if event.article_id != article.id:
                raise ValueError(
                    f"event {event.event_id} belongs to article {event.article_id!r}, "
                    f"not {article.id!r}"
                )
            if event.coder != coder:
                raise ValueError(
                    f"event {event.event_id} was coded by {event.coder!r}, not {coder!r}"
                )

    def save_article(
        self, article: Article, events: list[Event], *, coder: str, run_id: str
    ) -> None:
        self._check(article, events, coder)
        try:
            batch = events_to_arrow(events)
        except (pa.ArrowException, TypeError, ValueError) as exc:
            raise self._error(f"cannot store the events of article {article.id}: {exc}") from exc
        with self._transaction(f"store article {article.id}"):
            self._upsert_article(article, coder=coder, run_id=run_id)
            self._delete_events(article.id, coder)
            self._insert_events(batch)

    def _upsert_article(self, article: Article, *, coder: str, run_id: str) -> None:
        values = [
            article.id, article.title, article.text, article.published, article.url,
            article.language, article.outlet, article.origin, coder, run_id, _utcnow(),
        ]
        updates = ", ".join(
            f'"{c}" = excluded."{c}"'
            for c in (*_ARTICLE_COLUMNS[1:], "coded_with", "run_id", "updated_at")
        )
        self._db.execute(
            f"INSERT INTO articles ({_ARTICLE_COLUMNS_SQL}, coded_with, run_id, updated_at)"
            f" VALUES ({', '.join('?' for _ in values)})"
            f" ON CONFLICT (article_id) DO UPDATE SET {updates}",
            values,
        )

    def _delete_events(self, article_id: str, coder: str) -> None:
        self._db.execute(
            "DELETE FROM events WHERE article_id = ? AND coder = ?", [article_id, coder]
        )

    def _insert_events(self, batch: pa.Table) -> None:
        if batch.num_rows == 0:
            return
        con = self._db
        con.register(_BATCH_VIEW, batch)
        try:
            con.execute(
                f"INSERT INTO events ({_EVENT_COLUMNS_SQL})"
                f" SELECT {_EVENT_COLUMNS_SQL} FROM {_BATCH_VIEW}"
            )
        finally:
            con.unregister(_BATCH_VIEW)

    # ------------------------------------------------------------------ reading

    def query(self, f: EventFilter | None = None) -> list[Event]:
        f = f or EventFilter()
        where, params = where_clause(f)
        sql = f"SELECT {_EVENT_COLUMNS_SQL} FROM events {where} {ORDER_BY}"
        if f.limit is not None:
            sql += " LIMIT ?"
            params = [*params, f.limit]
        with self._errors("read events"):
            rows = self._db.execute(sql, params).fetchall()
        return [event_from_values(row) for row in rows]

    def count_events(self, f: EventFilter | None = None) -> int:
        where, params = where_clause(f or EventFilter())
        with self._errors("count events"):
            row = self._db.execute(f"SELECT count(*) FROM events {where}", params).fetchone()
        return int(row[0]) if row else 0

    def articles(self) -> list[Article]:
        with self._errors("read articles"):
            rows = self._db.execute(
                f"SELECT {_ARTICLE_COLUMNS_SQL} FROM articles ORDER BY article_id"
            ).fetchall()
        return [self._article_from_row(r) for r in rows]

    def article(self, article_id: str) -> Article | None:
        with self._errors(f"read article {article_id}"):
            row = self._db.execute(
                f"SELECT {_ARTICLE_COLUMNS_SQL} FROM articles WHERE article_id = ?",
                [article_id],
            ).fetchone()
        return self._article_from_row(row) if row else None

    @staticmethod
    def _article_from_row(row: tuple[Any, ...]) -> Article:
        values = dict(zip(_ARTICLE_COLUMNS, row, strict=True))
        return Article(
            id=values["article_id"], text=values["text"], title=values["title"],
            published=values["published"], url=values["url"], language=values["language"],
            outlet=values["outlet"], origin=values["origin"],
        )

    def dyad_summary(self, f: EventFilter | None = None) -> list[DyadRow]:
        f = f or EventFilter()
        where, params = where_clause(f)
        quads = ", ".join(
            f"sum(CASE WHEN quad_class = {q} THEN 1 ELSE 0 END)" for q in (1, 2, 3, 4)
        )
        sql = (
            "SELECT (source).country, (target).country, count(*) AS n, "
            f"{quads}, avg(goldstein) FROM events {where} "
            "GROUP BY 1, 2 ORDER BY n DESC, 1 NULLS LAST, 2 NULLS LAST"
        )
        if f.limit is not None:
            sql += " LIMIT ?"
            params = [*params, f.limit]
        with self._errors("summarise dyads"):
            rows = self._db.execute(sql, params).fetchall()
        return [
            DyadRow(
                source_country=r[0],
                target_country=r[1],
                n_events=int(r[2]),
                quad_counts=(int(r[3]), int(r[4]), int(r[5]), int(r[6])),
                mean_goldstein=None if r[7] is None else float(r[7]),
            )
            for r in rows
        ]

    # ------------------------------------------------------------------ closing

    def close(self) -> None:
        con, self._con = self._con, None
        if con is not None:
            with self._errors("close the database"):
                con.close()

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
