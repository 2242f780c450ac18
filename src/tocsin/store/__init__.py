"""tocsin's event database.

``open_store(path)`` opens (creating or upgrading as needed) a database and
returns a :class:`Store`; DuckDB files are the one backend today, behind an
interface another database can implement later.

::

    with open_store("tocsin.duckdb") as store:
        run_id = store.begin_run({"inputs": ["news/"]}, coder=CODER_NAME)
        store.save_article(article, events, coder=CODER_NAME, run_id=run_id)
        store.finish_run(run_id, n_articles=1, n_events=len(events), n_failed=0)
        russia_china = store.query(EventFilter(actors=("RUS", "CHN")))
"""

from __future__ import annotations

from pathlib import Path

from tocsin.store.base import DyadRow, RunInfo, Store
from tocsin.store.filters import EventFilter

#: Default database file name, relative to the working directory.
DEFAULT_DATABASE = "tocsin.duckdb"


def open_store(path: str | Path = DEFAULT_DATABASE, *, read_only: bool = False) -> Store:
    """Open the event database at ``path`` (``":memory:"`` for a throwaway one).

    A new file is created with the current schema; an older one is upgraded.
    ``read_only`` opens without writing (several readers may share a file) and
    fails if the schema is missing or out of date. Raises
    :class:`tocsin.errors.StoreError` when the file cannot be used.
    """
    from tocsin.store.duckdb import DuckDBStore

    return DuckDBStore(path, read_only=read_only)


__all__ = ["DEFAULT_DATABASE", "DyadRow", "EventFilter", "RunInfo", "Store", "open_store"]
