"""Fixtures that give each test a fresh database on each storage backend.

* ``store_url``: parametrised over ``duckdb`` (a file in the test's temporary
  folder) and ``postgresql`` (a schema of its own on the server named by
  ``TOCSIN_TEST_POSTGRES``, dropped after the test).
* ``pg_url``: the PostgreSQL URL alone, for tests only about PostgreSQL.
* ``store_factory``: module-scoped and parametrised like ``store_url``: a
  function ``new(name)`` returning a fresh database on the module's backend,
  for data built once and read by several tests.

Without ``TOCSIN_TEST_POSTGRES`` the PostgreSQL cases are skipped, saying how to
start a server (``tools/pg_test_server.sh start``); when it is set but the
server cannot be reached they fail, so CI cannot skip them unnoticed.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from urllib.parse import quote

import pytest

ENV = "TOCSIN_TEST_POSTGRES"
BACKENDS = ("duckdb", "postgresql")


def with_schema(url: str, schema: str) -> str:
    """``url`` with its search_path set to ``schema`` (keeps any query the URL has)."""
    sep = "&" if "?" in url else "?"
    return f"{url}{sep}options={quote(f'-csearch_path={schema}', safe='')}"


@pytest.fixture(scope="session")
def pg_server() -> str:
    """The server URL from the environment, checked once per session."""
    url = os.environ.get(ENV, "").strip()
    if not url:
        pytest.skip(
            f"{ENV} is not set: PostgreSQL tests need a server "
            f'(export {ENV}="$(tools/pg_test_server.sh start)")'
        )
    import psycopg

    try:
        with psycopg.connect(url, connect_timeout=10) as con:
            con.execute("SELECT 1")
    except psycopg.Error as exc:
        pytest.fail(f"{ENV} is set but the PostgreSQL server cannot be used: {exc}", pytrace=False)
    return url


@contextmanager
def fresh_schema(server: str) -> Iterator[str]:
    """A URL whose tables live in a new, empty schema, dropped at the end of the block."""
    import psycopg

    schema = f"tocsin_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(server, autocommit=True) as con:
        con.execute(f'CREATE SCHEMA "{schema}"')
    try:
        yield with_schema(server, schema)
    finally:
        with psycopg.connect(server, autocommit=True) as con:
            con.execute(f'DROP SCHEMA "{schema}" CASCADE')


@pytest.fixture
def pg_url(pg_server: str) -> Iterator[str]:
    """A URL whose tables live in a new, empty schema, dropped after the test."""
    with fresh_schema(pg_server) as url:
        yield url


@pytest.fixture(params=BACKENDS)
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh database on each backend: a DuckDB file path, or a PostgreSQL URL."""
    if request.param == "duckdb":
        return str(tmp_path / "events.duckdb")
    return request.getfixturevalue("pg_url")


@pytest.fixture(scope="module", params=BACKENDS)
def store_factory(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Callable[[str], str]]:
    """``new(name)``: a fresh database on this module's backend (files or schemas
    removed after the module's tests)."""
    if request.param == "duckdb":
        folder = tmp_path_factory.mktemp("stores")
        yield lambda name: str(folder / f"{name}.duckdb")
        return
    server = request.getfixturevalue("pg_server")
    with ExitStack() as stack:
        yield lambda name: stack.enter_context(fresh_schema(server))
