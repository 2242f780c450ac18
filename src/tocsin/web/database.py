"""The server's one handle on the event database.

Single-process design: ``tocsin serve`` opens the DuckDB file once. In the
default mode it is the file's only writer: DuckDB locks the file, so a
``tocsin code`` run against it while it is served fails with "in use" instead
of corrupting anything, and every write the server makes (a submitted article,
an alert's state) goes through :attr:`Database.write_lock`, one transaction at
a time. Request threads read through their own DuckDB cursor
(:meth:`Store.reader`), which sees every committed write and never a half-done
one. With ``--read-only`` the file is opened read-only: any number of servers
and ``tocsin events`` calls may read it together, and writes are refused.
"""

from __future__ import annotations

import threading
from pathlib import Path

from tocsin.store import Store, open_store


class Database:
    """The open store, a reader per thread, and the write lock."""

    def __init__(self, path: Path | str, *, read_only: bool) -> None:
        self.path = str(path)
        self.read_only = read_only
        self.store: Store = open_store(path, read_only=read_only)
        self.write_lock = threading.Lock()
        self._local = threading.local()
        self._readers: list[Store] = []
        self._readers_lock = threading.Lock()

    def reader(self) -> Store:
        """This thread's read handle (created on first use)."""
        store = getattr(self._local, "store", None)
        if store is None:
            store = self.store.reader()  # type: ignore[attr-defined]
            self._local.store = store
            with self._readers_lock:
                self._readers.append(store)
        return store

    def close(self) -> None:
        with self._readers_lock:
            readers, self._readers = self._readers, []
        for store in readers:
            if store is not self.store:
                store.close()
        self.store.close()
