"""Helpers for the tests scaffold generates with each resource (scaffold renders this file)."""

import asyncio
import itertools
from collections.abc import Awaitable, Callable, Generator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from fastapi.testclient import TestClient
from pydantic import BaseModel
from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.ext.asyncio import AsyncSession

from blog.db import create_engine, create_sessionmaker
from blog.models.base import HasId
from blog.settings import Settings
from tests.helpers import bearer_headers

T = TypeVar("T")
M = TypeVar("M", bound=HasId)

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
    """`Authorization` header with a bearer token for an existing user (the `writer`
    fixture of tests/conftest.py is such headers, ready made)."""
    return bearer_headers(client, email)


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


# What each resource's API declares, checked the same way for every resource. What all
# APIs share (the token, 404 and 409 answers, list parameters) is tested in tests/kit/.

Json = dict[str, Any]


@dataclass(frozen=True)
class Api(Generic[M]):
    """One resource's JSON API as its tests know it, declared once in its test_api.py: the
    URL, the factories (valid input, the rows it refers to saved; a saved row) and the
    schemas that read its answers and its changes."""

    url: str
    new_data: Callable[[AsyncSession], Awaitable[BaseModel]]
    create: Callable[[AsyncSession], Awaitable[M]]
    read: type[BaseModel]
    update: type[BaseModel]
    by_alias: bool = False  # the schemas' keys are aliases of their fields

    def json(self, data: BaseModel) -> Json:
        """`data` as a client sends it."""
        return data.model_dump(mode="json", by_alias=self.by_alias)


def check_api_crud(
    client: TestClient,
    settings: Settings,
    headers: Mapping[str, str],
    api: Api[Any],
    changes: Json,
    round_trip: set[str],
) -> None:
    """POST valid input, GET it back, PATCH `changes`, DELETE: the `round_trip` keys read
    back as written, each answer with its status code."""
    url, read = api.url, api.read
    data = in_database(settings, api.new_data)
    created = client.post(url, json=api.json(data), headers=headers)
    assert created.status_code == 201, created.text
    body = read.model_validate(created.json())
    assert body.model_dump(include=round_trip) == data.model_dump(include=round_trip)
    row = f"{url}/{created.json()['id']}"
    fetched = client.get(row)
    assert fetched.status_code == 200
    assert fetched.json() == created.json()

    updated = client.patch(row, json=changes, headers=headers)
    assert updated.status_code == 200, updated.text
    expected = api.update.model_validate(changes).model_dump(exclude_unset=True)
    after = read.model_validate(updated.json())
    assert after.model_dump(include=round_trip & set(expected)) == {
        key: value for key, value in expected.items() if key in round_trip
    }
    assert updated.json()["id"] == created.json()["id"]

    assert client.delete(row, headers=headers).status_code == 204
    assert client.get(row).status_code == 404


def check_api_list(
    client: TestClient,
    settings: Settings,
    api: Api[M],
    *,
    sort: str | None,
    filter_on: str | None = None,
    search: Callable[[M], str] | None = None,
    rows: int = 20,
) -> None:
    """The list holding `rows` saved rows: each item as GET shows it, as many queries for
    one item as for all, sorted by `sort` (the order checked for `id`; None: the API sorts
    on nothing and ignores the parameter), filtered on `filter_on` with the first row's
    own value, searched for the text `search` reads from the first row."""
    url = api.url
    created = [in_database(settings, api.create) for _ in range(rows)]
    row_id = created[0].id
    items = client.get(url, params={"page_size": rows}).json()["items"]
    assert len(items) == rows
    assert items[:3] == [client.get(f"{url}/{item['id']}").json() for item in items[:3]]
    with count_queries() as one:
        assert len(client.get(url, params={"page_size": 1}).json()["items"]) == 1
    with count_queries() as every:
        assert len(client.get(url, params={"page_size": rows}).json()["items"]) == rows
    assert one.statements == every.statements

    if sort == "id":
        listed = client.get(url, params={"sort": "-id", "page_size": rows}).json()["items"]
        ids = [item["id"] for item in listed]
        assert ids == sorted(ids, reverse=True)
    elif sort is not None:
        assert client.get(url, params={"sort": f"-{sort}"}).status_code == 200
    unknown = client.get(url, params={"sort": "no_such_column"}).status_code
    assert unknown == (200 if sort is None else 422)

    matches: list[tuple[str, Any]] = []
    if filter_on is not None:
        matches.append((filter_on, client.get(f"{url}/{row_id}").json()[filter_on]))
    if search is not None:
        matches.append(("q", search(created[0])))
    for param, value in matches:
        found = client.get(url, params={param: value, "page_size": rows})
        assert found.status_code == 200, found.text
        items = found.json()["items"]
        assert row_id in [item["id"] for item in items], param
        assert found.json()["total"] == len(items)
        if param == filter_on:
            assert all(item[param] == value for item in items)


def check_api_refuses(
    client: TestClient,
    settings: Settings,
    headers: Mapping[str, str],
    api: Api[Any],
    *,
    invalid: Json,
    required: set[str],
    missing: Mapping[str, str],
    unique: Sequence[str] = (),
) -> None:
    """Bad writes answered so that a client can act on them: 422 naming the key of each
    `invalid` value and of each `required` key left out or, once a valid row is stored,
    set to null by a PATCH; 409 with its message for each `missing` referenced row (the
    key given an id no row has); 409 for each `unique` key another valid row asks for too."""
    url = api.url
    data = api.json(in_database(settings, api.new_data))
    for key, value in invalid.items():
        response = client.post(url, json=data | {key: value}, headers=headers)
        assert response.status_code == 422, (key, response.text)
        assert key in response.json()["detail"][0]["loc"], key
    if required:
        response = client.post(url, json={}, headers=headers)
        assert response.status_code == 422, response.text
        assert {error["loc"][-1] for error in response.json()["detail"]} == required
    for key, message in missing.items():
        response = client.post(url, json=data | {key: 2147483647}, headers=headers)
        assert response.status_code == 409, (key, response.text)
        assert response.json() == {"detail": message}
    stored = client.post(url, json=data, headers=headers)
    assert stored.status_code == 201, stored.text
    for key in required:
        response = client.patch(f"{url}/{stored.json()['id']}", json={key: None}, headers=headers)
        assert response.status_code == 422, (key, response.text)
    for key in unique:
        another = api.json(in_database(settings, api.new_data))
        response = client.post(url, json=another | {key: data[key]}, headers=headers)
        assert response.status_code == 409, (key, response.text)
        assert "already exists" in response.json()["detail"]
