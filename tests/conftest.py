"""Shared fixtures: one engine (models loaded once per test session)."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def engine():
    from tocsin.pipeline import default_engine

    return default_engine()


# A fresh database per test on each storage backend (DuckDB, PostgreSQL).
from backends import pg_server, pg_url, store_factory, store_url  # noqa: E402, F401
