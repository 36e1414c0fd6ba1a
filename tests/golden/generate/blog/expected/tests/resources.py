"""Helpers for the tests scaffold generates with each resource (scaffold renders this file)."""

import asyncio
import itertools
from collections.abc import Awaitable, Callable, Generator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TypeVar

from fastapi.testclient import TestClient
from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.ext.asyncio import AsyncSession

from blog.db import create_engine, create_sessionmaker
from blog.settings import Settings
from tests.helpers import PASSWORD

T = TypeVar("T")

_numbers = itertools.count(1)


def unique_number() -> int:
    """A number never returned before in this test run: factories vary unique values with it."""
    return next(_numbers)


def in_database(settings: Settings, work: Callable[[AsyncSession], Awaitable[T]]) -> T:
    """Run `work` with its own session on the test database, outside any request."""

    async def run() -> T:
        engine = create_engine(settings.database_url)
        try:
            async with create_sessionmaker(engine)() as db:
                return await work(db)
        finally:
            await engine.dispose()

    return asyncio.run(run())


def token_headers(client: TestClient, email: str) -> dict[str, str]:
    """`Authorization` header with a bearer token for an existing user."""
    response = client.post("/api/auth/token", data={"username": email, "password": PASSWORD})
    assert response.status_code == 200, response.text
    return {"Authorization": f"Bearer {response.json()['access_token']}"}


@dataclass
class QueryCount:
    statements: int = 0


@contextmanager
def count_queries() -> Generator[QueryCount]:
    """Count the SQL statements sent to the database inside the block (any engine)."""
    count = QueryCount()

    def on_execute(*_args: object) -> None:
        count.statements += 1

    event.listen(Engine, "before_cursor_execute", on_execute)
    try:
        yield count
    finally:
        event.remove(Engine, "before_cursor_execute", on_execute)
