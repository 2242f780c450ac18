"""Shared fixtures: one engine (models loaded once per test session)."""

from __future__ import annotations

import os

import pytest

# Command output in tests must not depend on where the checkout or the temporary
# folder lives: a wide terminal keeps long paths from wrapping inside messages.
os.environ["COLUMNS"] = "200"


@pytest.fixture(scope="session")
def engine():
    from tocsin.pipeline import default_engine

    return default_engine()


# A fresh database per test on each storage backend (DuckDB, PostgreSQL).
from backends import pg_server, pg_url, store_factory, store_url  # noqa: E402, F401
