"""Fixtures shared by the end-to-end tests; the helpers behind them are in `e2e.support`."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from e2e.support import PostgresServer, throwaway_postgres


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresServer]:
    """A throwaway PostgreSQL server (skipped without binaries, unless required)."""
    with throwaway_postgres() as server:
        yield server
