"""Shared fixtures: one engine (models loaded once per test session)."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def engine():
    from tocsin.pipeline import default_engine

    return default_engine()
