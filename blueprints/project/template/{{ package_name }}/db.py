"""Database engine and sessions: one engine per application, one session per request."""

from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy import event, make_url
from sqlalchemy.engine.interfaces import DBAPIConnection
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.pool import ConnectionPoolEntry, PoolResetState


def create_engine(database_url: str) -> AsyncEngine:
    """An async engine; on SQLite, foreign keys are enforced like on every other database.

    SQLite connections returned to the pool are rolled back only when a transaction is
    open: each call to SQLite is a round trip to aiosqlite's thread, and a request that
    only read has none open (its session already ended the transaction).
    """
    if make_url(database_url).get_backend_name() != "sqlite":
        return create_async_engine(database_url)
    engine = create_async_engine(database_url, pool_reset_on_return=None)
    event.listen(engine.sync_engine, "connect", _enable_sqlite_foreign_keys)
    event.listen(engine.sync_engine, "reset", _roll_back_open_transaction)
    return engine


def _enable_sqlite_foreign_keys(
    dbapi_connection: DBAPIConnection, _connection_record: ConnectionPoolEntry
) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def _roll_back_open_transaction(
    dbapi_connection: DBAPIConnection,
    connection_record: ConnectionPoolEntry,
    reset_state: PoolResetState,
) -> None:
    """The pool's reset on return (SQLAlchemy's documented `reset` hook): a rollback when needed."""
    if reset_state.terminate_only or not reset_state.asyncio_safe:
        return  # the connection is being closed, or this runs outside the event loop
    driver = connection_record.driver_connection
    if driver is None or driver.in_transaction:
        dbapi_connection.rollback()


def create_sessionmaker(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    """Sessions that keep loaded attributes after commit, so responses can still read them."""
    return async_sessionmaker(engine, expire_on_commit=False)


async def get_session(request: Request) -> AsyncIterator[AsyncSession]:
    """FastAPI dependency: a session for this request, closed when the response is done."""
    sessionmaker: async_sessionmaker[AsyncSession] = request.app.state.sessionmaker
    async with sessionmaker() as session:
        yield session


DbSession = Annotated[AsyncSession, Depends(get_session)]
