"""SQLite for the async engine, run on the event loop rather than through a thread.

SQLAlchemy reaches SQLite from asyncio through aiosqlite, which hands every call
(open a cursor, execute, fetch, close…) to a thread per connection and waits for the
answer. A web app's SQLite queries take microseconds, so those hand-offs cost more than
the queries, and the threads contend with the event loop for the GIL (a page of the
API's list, measured: ~1.4x the requests per second without them). `connector()` makes
connections with the part of aiosqlite's interface SQLAlchemy uses, whose methods call
`sqlite3` directly, given to
SQLAlchemy through `create_async_engine(async_creator=…)`; everything above the driver
— sessions, services, the `sqlite+aiosqlite://` URL — is the same async code that runs
on PostgreSQL.

The price: a query holds the event loop while SQLite runs it, like any other work of
the request. Keep write transactions short (no awaiting other I/O between a write and
its commit), as SQLite has one writer at a time. For a large SQLite database with slow
queries, drop `async_creator` in `db.py` to go back to aiosqlite's threads.
"""

import sqlite3
from asyncio import Future
from collections.abc import Awaitable, Callable, Iterable, Mapping, Sequence
from typing import Any, Self

from sqlalchemy import URL

Parameters = Sequence[object] | Mapping[str, object]
Row = tuple[object, ...]
Description = tuple[tuple[str, None, None, None, None, None, None], ...]


def connector(url: URL) -> Callable[[], Awaitable["Connection"]]:
    """The `async_creator` for `url`: the file and options SQLAlchemy would use."""
    [database], options = url.get_dialect()().create_connect_args(url)

    async def connect() -> Connection:
        return Connection(sqlite3.connect(database, **options))

    return connect


class Cursor:
    """aiosqlite's cursor interface over a `sqlite3.Cursor`."""

    def __init__(self, cursor: sqlite3.Cursor) -> None:
        self._cursor = cursor

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        self._cursor.close()

    async def execute(self, sql: str, parameters: Parameters = ()) -> Self:
        self._cursor.execute(sql, parameters)
        return self

    async def executemany(self, sql: str, parameters: Iterable[Parameters]) -> Self:
        self._cursor.executemany(sql, parameters)
        return self

    async def fetchone(self) -> Row | None:
        row: Row | None = self._cursor.fetchone()
        return row

    async def fetchmany(self, size: int | None = None) -> list[Row]:
        return self._cursor.fetchmany(self._cursor.arraysize if size is None else size)

    async def fetchall(self) -> list[Row]:
        return self._cursor.fetchall()

    async def close(self) -> None:
        self._cursor.close()

    @property
    def description(self) -> Description | None:
        return self._cursor.description

    @property
    def rowcount(self) -> int:
        return self._cursor.rowcount

    @property
    def lastrowid(self) -> int | None:
        return self._cursor.lastrowid

    @property
    def arraysize(self) -> int:
        return self._cursor.arraysize

    @arraysize.setter
    def arraysize(self, value: int) -> None:
        self._cursor.arraysize = value


class Connection:
    """aiosqlite's connection interface over a `sqlite3.Connection`."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        # The attribute names SQLAlchemy's aiosqlite support reads besides the methods.
        self._conn = connection
        self._connection: sqlite3.Connection | None = connection
        self._tx = _RunNow()

    def cursor(self) -> Cursor:
        return Cursor(self._conn.cursor())

    async def commit(self) -> None:
        self._conn.commit()

    async def rollback(self) -> None:
        self._conn.rollback()

    async def create_function(
        self, name: str, num_params: int, func: Callable[..., Any], *, deterministic: bool = False
    ) -> None:
        self._conn.create_function(name, num_params, func, deterministic=deterministic)

    async def close(self) -> None:
        self.stop()

    def stop(self) -> None:
        """Close at once (SQLAlchemy's terminate)."""
        if self._connection is not None:
            self._connection = None
            self._conn.close()

    @property
    def isolation_level(self) -> str | None:
        return self._conn.isolation_level


class _RunNow:
    """Stands for aiosqlite's queue of calls to its thread, which SQLAlchemy uses to set
    the isolation level: the call is made at once."""

    def put_nowait(self, item: tuple[Future[Any], Callable[[], Any]]) -> None:
        future, function = item
        try:
            future.set_result(function())
        except Exception as error:  # handed to the awaiting caller, as aiosqlite does
            future.set_exception(error)
