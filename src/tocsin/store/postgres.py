"""The PostgreSQL event database, for a server shared by several writers.

Opened with a URL, ``postgresql://user:password@host:5432/dbname`` (any libpq
URL: ``?sslmode=require``, ``?options=-csearch_path%3Dnewsroom`` to keep the
tables in a schema of their own, …). The tables, the migrations (in
``store/migrations/postgres/``, numbered like the DuckDB ones) and every query
are those of the DuckDB store (``store/sql.py``); DuckDB's structs are the
composite types ``event_actor`` and ``event_location`` here.

Several processes may write at once. Each write is one transaction that first
upserts the articles (taking their row locks, in article-id order), then
replaces their events: two writers saving the same article queue behind each
other, and the last one's events stand — never a mixture of both, never a copy
twice (the ``(event_id, coder)`` primary key would refuse it anyway). A
transaction aborted by a deadlock or a serialisation failure is retried.
Migrations take an advisory lock, so processes opening a new database
together create its schema once. One store object is for one thread.
"""

from __future__ import annotations

import random
import re
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from typing import Any, TypeVar

from tocsin.records import Actor, Event, Location
from tocsin.store.columns import EVENT_COLUMNS
from tocsin.store.sql import SQLStore
from tocsin.store.sql_text import EVENT_COLUMNS_SQL, column_list

try:
    import psycopg
    from psycopg import errors as pg_errors
    from psycopg.types.composite import CompositeInfo, register_composite
except ImportError:  # pragma: no cover - the postgres extra is not installed
    psycopg = None  # type: ignore[assignment]

T = TypeVar("T")

#: How many times a write is tried when PostgreSQL aborts it for a conflict.
MAX_ATTEMPTS = 8
#: Seconds PostgreSQL may take to accept a connection (unless the URL says otherwise).
CONNECT_TIMEOUT = 10
#: Composite types of the schema and the records they load into and dump from.
COMPOSITE_TYPES: dict[str, type] = {"event_actor": Actor, "event_location": Location}

_PASSWORD_IN_URL = re.compile(r"^([a-z]+://[^:/@]*):[^@/]*@", re.IGNORECASE)
_PASSWORD_PARAM = re.compile(r"(password=)[^&]*", re.IGNORECASE)


def redact_url(url: str) -> str:
    """``url`` with its password replaced by ``***`` (for messages and ``tocsin db status``)."""
    return _PASSWORD_PARAM.sub(r"\1***", _PASSWORD_IN_URL.sub(r"\1:***@", url))


@lru_cache(maxsize=512)
def to_pyformat(sql: str) -> str:
    """The shared SQL (``?`` placeholders) in psycopg's placeholder style (``%s``).

    The shared SQL never holds ``?`` outside placeholders (user values always
    travel as parameters), so the translation is a plain replacement.
    """
    return sql.replace("%", "%%").replace("?", "%s")


def _dump_fields(obj: Any, info: Any) -> tuple[Any, ...]:
    return tuple(getattr(obj, name) for name in info.field_names)


def _load_fields(values: Sequence[Any], info: Any) -> dict[str, Any]:
    return dict(zip(info.field_names, values, strict=True))


def _event_row(event: Event) -> tuple[Any, ...]:
    """One event as COPY values: actors and location as records, spans as lists."""
    return tuple(
        list(value) if isinstance(value, tuple) else value
        for value in (getattr(event, name) for name in EVENT_COLUMNS)
    )


class PostgresStore(SQLStore):
    """An event database on a PostgreSQL server."""

    backend = "postgresql"
    dialect = "postgres"

    def __init__(self, url: str, *, read_only: bool = False, migrate: bool = True) -> None:
        self._url = url
        self._shown = redact_url(url)
        self._read_only = read_only
        self._con: psycopg.Connection[Any] | None = self._connect()
        self._start(migrate)

    # ----------------------------------------------------------------- plumbing

    @property
    def location(self) -> str:
        return self._shown

    def _connect(self) -> psycopg.Connection[Any]:
        if psycopg is None:
            raise self._error(
                "PostgreSQL needs the psycopg driver: pip install 'tocsin[postgres]'"
            )
        try:
            params = psycopg.conninfo.conninfo_to_dict(self._url)
        except psycopg.ProgrammingError as exc:
            raise self._error(f"not a valid PostgreSQL URL: {exc}") from exc
        params.setdefault("connect_timeout", CONNECT_TIMEOUT)
        params.setdefault("application_name", "tocsin")
        try:
            con = psycopg.connect(autocommit=True, **params)
        except psycopg.Error as exc:
            detail = " ".join(str(exc).split())
            raise self._error(f"cannot connect to the PostgreSQL server: {detail}") from exc
        try:
            if self._read_only:
                con.execute("SET default_transaction_read_only = on")
            schema = con.execute("SELECT current_schema()").fetchone()
        except psycopg.Error as exc:
            con.close()
            raise self._error(f"cannot set up the connection: {exc}") from exc
        if not schema or schema[0] is None:
            con.close()
            raise self._error(
                "no schema to keep the tables in: the search_path names no existing schema; "
                "create it (CREATE SCHEMA name) or fix the URL's options=-csearch_path%3D…"
            )
        return con

    @contextmanager
    def _errors(self, action: str) -> Iterator[None]:
        try:
            yield
        except psycopg.Error as exc:
            raise self._error(f"cannot {action}: {self._describe(exc)}") from exc

    def _describe(self, exc: Exception) -> str:
        if isinstance(exc, pg_errors.ReadOnlySqlTransaction):
            return "the database was opened read-only"
        return " ".join(str(exc).split())

    def _schema_changed(self) -> None:
        self._register_types()

    def _register_types(self) -> None:
        """Load and dump the schema's composite types as tocsin's records (once the schema exists)."""
        con = self._db
        with self._errors("read the composite types"):
            for name, record in COMPOSITE_TYPES.items():
                info = CompositeInfo.fetch(con, name)
                if info is not None:
                    register_composite(
                        info, con, record, make_object=_load_fields, make_sequence=_dump_fields
                    )

    # ------------------------------------------------- primitives for SQLStore

    def _execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        if params:
            self._db.execute(to_pyformat(sql), list(params))
        else:
            self._db.execute(sql)

    def _fetchall(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        if params:
            return self._db.execute(to_pyformat(sql), list(params)).fetchall()
        return self._db.execute(sql).fetchall()

    def _execute_script(self, sql: str) -> None:
        self._db.execute(sql)

    def _write(self, action: str, work: Callable[[], T]) -> T:
        con = self._db
        for attempt in range(1, MAX_ATTEMPTS + 1):
            try:
                with con.transaction():
                    return work()
            except (pg_errors.DeadlockDetected, pg_errors.SerializationFailure) as exc:
                if attempt == MAX_ATTEMPTS:
                    raise self._error(
                        f"cannot {action}: still conflicting with other writers after "
                        f"{attempt} tries ({self._describe(exc)})"
                    ) from exc
                time.sleep(random.uniform(0.0, 0.02 * 2**attempt))
            except psycopg.Error as exc:
                raise self._error(f"cannot {action}: {self._describe(exc)}") from exc
        raise AssertionError("unreachable")  # pragma: no cover

    def _prepare_events(self, events: list[Event]) -> list[tuple[Any, ...]]:
        return [_event_row(event) for event in events]

    def _insert_events(self, batch: list[tuple[Any, ...]]) -> None:
        if not batch:
            return
        with self._db.cursor() as cur, cur.copy(
            f"COPY events ({EVENT_COLUMNS_SQL}) FROM STDIN"
        ) as copy:
            for row in batch:
                copy.write_row(row)

    def reader(self) -> PostgresStore:
        """A connection of its own on the same database, for one thread.

        A psycopg connection runs one transaction at a time, so each thread that
        reads (a web server's request threads) gets its own; closing it leaves
        this store open."""
        return PostgresStore(self._url, read_only=self._read_only, migrate=False)

    def _insert_rows(self, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]], *,
                     types: dict[str, Any] | None = None, on_conflict: str = "") -> None:
        """``COPY`` the rows in; with an ``ON CONFLICT`` clause, one pipelined ``executemany``."""
        if not rows:
            return
        names = column_list(columns)
        with self._db.cursor() as cur:
            if on_conflict:
                cur.executemany(
                    f"INSERT INTO {table} ({names}) VALUES ({', '.join('%s' for _ in columns)})"
                    f" {on_conflict}",
                    [list(row) for row in rows],
                )
                return
            with cur.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)

    def _lock_key(self, key: str) -> None:
        self._execute(
            "SELECT pg_advisory_xact_lock(hashtext(?), hashtext(current_schema()))", [key]
        )

    def _snapshot(self) -> None:
        self._execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")

    def _lock_schema(self) -> None:
        self._execute(
            "SELECT pg_advisory_xact_lock(hashtext(?), hashtext(current_schema()))",
            ["tocsin.migrate"],
        )
