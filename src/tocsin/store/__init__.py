"""tocsin's event database.

``open_store(target)`` opens (creating or upgrading as needed) a database and
returns a :class:`Store`. The target picks the backend:

* a file path (``tocsin.duckdb``, or ``":memory:"``): an embedded DuckDB file;
* a ``postgresql://user:password@host:5432/dbname`` URL: a PostgreSQL server,
  shared by several writers (needs the ``postgres`` extra: ``pip install 'tocsin[postgres]'``).

Both implement the same interface with the same schema (numbered migrations)
and the same guarantees (writes idempotent per article and coder version).

::

    with open_store("tocsin.duckdb") as store:
        run_id = store.begin_run({"inputs": ["news/"]}, coder=CODER_NAME)
        store.save_article(article, events, coder=CODER_NAME, run_id=run_id)
        store.finish_run(run_id, n_articles=1, n_events=len(events), n_failed=0)
        russia_china = store.query(EventFilter(actors=("RUS", "CHN")))
"""

from __future__ import annotations

import re
from pathlib import Path

from tocsin.errors import StoreError
from tocsin.store.base import AppliedMigration, DyadRow, RunInfo, SchemaStatus, Store
from tocsin.store.filters import EventFilter

#: Default database file name, relative to the working directory.
DEFAULT_DATABASE = "tocsin.duckdb"

#: URL schemes that select the PostgreSQL backend.
POSTGRES_SCHEMES = ("postgresql", "postgres")
_URL_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*)://")


def is_database_url(target: str | Path) -> bool:
    """Whether ``target`` is a server URL (``scheme://…``) rather than a file path."""
    return isinstance(target, str) and _URL_SCHEME.match(target) is not None


def describe_target(target: str | Path) -> str:
    """``target`` as it may be shown: a path as is, a URL without its password."""
    if is_database_url(target):
        from tocsin.store.postgres import redact_url

        return redact_url(str(target))
    return str(target)


def open_store(
    target: str | Path = DEFAULT_DATABASE, *, read_only: bool = False, migrate: bool = True
) -> Store:
    """Open the event database at ``target``: a DuckDB file path or a ``postgresql://`` URL.

    A new database gets the current schema; an older one is upgraded. ``read_only``
    opens without writing (several readers may share a DuckDB file) and fails
    if the schema is missing or out of date. ``migrate=False`` leaves the schema
    as it is (for ``tocsin db status`` and ``tocsin db migrate``). Raises
    :class:`tocsin.errors.StoreError` when the database cannot be used.
    """
    if is_database_url(target):
        assert isinstance(target, str)
        scheme = target.split("://", 1)[0].lower()
        if scheme not in POSTGRES_SCHEMES:
            raise StoreError(
                f"unsupported database URL scheme {scheme!r}: give a DuckDB file path "
                "or a postgresql://user:password@host:port/dbname URL"
            )
        from tocsin.store.postgres import PostgresStore

        return PostgresStore(target, read_only=read_only, migrate=migrate)

    from tocsin.store.duckdb import DuckDBStore

    return DuckDBStore(target, read_only=read_only, migrate=migrate)


__all__ = [
    "DEFAULT_DATABASE", "AppliedMigration", "DyadRow", "EventFilter", "RunInfo", "SchemaStatus",
    "Store", "describe_target", "is_database_url", "open_store",
]
