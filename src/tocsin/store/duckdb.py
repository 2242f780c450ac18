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
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from importlib import resources
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from tocsin.errors import StoreError
from tocsin.records import ALERT_STATES, Alert, Article, Event, SeriesPoint
from tocsin.store.base import ArticleRow, DyadRow, EventPageKey, OutletRow, RunInfo, Store
from tocsin.store.columns import EVENT_COLUMNS, event_from_values, events_to_arrow
from tocsin.store.filters import ORDER_BY, EventFilter, where_clause
from tocsin.store.series_sql import SeriesQuery, points_from_rows, series_sql
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

    # ------------------------------------------------------------------ closing

    def close(self) -> None:
        con, self._con = self._con, None
        if con is not None:
            with self._errors("close the database"):
                con.close()

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
