"""The JSON API of comments: /api/comments."""

import pytest
from fastapi.testclient import TestClient

from blog.schemas.comment import CommentRead, CommentUpdate
from blog.settings import Settings
from tests.comment.factories import create_comment, new_comment_data
from tests.conftest import MakeUser
from tests.resources import count_queries, in_database, token_headers

URL = "/api/comments"
#: Keys a client writes and reads back unchanged.
ROUND_TRIP = {"post_id", "user_id", "body", "approved"}


@pytest.fixture
def headers(client: TestClient, make_user: MakeUser) -> dict[str, str]:
    """A bearer token: writes need a logged-in user."""
    make_user("writer@example.com")
    return token_headers(client, "writer@example.com")


def test_create_read_update_delete(
    client: TestClient, settings: Settings, headers: dict[str, str]
) -> None:
    data = in_database(settings, new_comment_data)
    created = client.post(URL, json=data.model_dump(mode="json"), headers=headers)
    assert created.status_code == 201, created.text
    body = CommentRead.model_validate(created.json())
    assert body.model_dump(include=ROUND_TRIP) == data.model_dump(include=ROUND_TRIP)

    fetched = client.get(f"{URL}/{body.id}")
    assert fetched.status_code == 200
    assert fetched.json() == created.json()

    changes = {"body": "Body 1"}
    updated = client.patch(f"{URL}/{body.id}", json=changes, headers=headers)
    assert updated.status_code == 200, updated.text
    expected = CommentUpdate.model_validate(changes).model_dump(exclude_unset=True)
    after = CommentRead.model_validate(updated.json())
    assert after.model_dump(include=ROUND_TRIP & set(expected)) == {
        key: value for key, value in expected.items() if key in ROUND_TRIP
    }
    assert after.id == body.id

    deleted = client.delete(f"{URL}/{body.id}", headers=headers)
    assert deleted.status_code == 204
    assert client.get(f"{URL}/{body.id}").status_code == 404


def test_list_sorts(client: TestClient, settings: Settings) -> None:
    for _ in range(3):
        in_database(settings, create_comment)
    ids = [item["id"] for item in client.get(URL, params={"sort": "-id"}).json()["items"]]
    assert ids == sorted(ids, reverse=True)
    assert client.get(URL, params={"sort": "no_such_column"}).status_code == 422


def test_list_filters_on_post_id(client: TestClient, settings: Settings) -> None:
    comment = in_database(settings, create_comment)
    in_database(settings, create_comment)
    value = client.get(f"{URL}/{comment.id}").json()["post_id"]
    response = client.get(URL, params={"post_id": value, "page_size": 2})
    assert response.status_code == 200
    items = response.json()["items"]
    assert comment.id in [item["id"] for item in items]
    assert all(item["post_id"] == value for item in items)
    assert response.json()["total"] == len(items)


def test_list_shows_each_row_as_get_does(client: TestClient, settings: Settings) -> None:
    for _ in range(3):
        in_database(settings, create_comment)
    items = client.get(URL, params={"page_size": 3}).json()["items"]
    assert len(items) == 3
    assert items == [client.get(f"{URL}/{item['id']}").json() for item in items]


def test_list_costs_the_same_queries_whatever_the_page_size(
    client: TestClient, settings: Settings
) -> None:
    for _ in range(20):
        in_database(settings, create_comment)
    with count_queries() as one:
        assert len(client.get(URL, params={"page_size": 1}).json()["items"]) == 1
    with count_queries() as twenty:
        assert len(client.get(URL, params={"page_size": 20}).json()["items"]) == 20
    assert one.statements == twenty.statements


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("not_a_field", 1),
        ("post_id", 0),
        ("user_id", 0),
        ("approved", "maybe"),
    ],
)
def test_invalid_input_is_422(
    client: TestClient, settings: Settings, headers: dict[str, str], key: str, value: object
) -> None:
    data = in_database(settings, new_comment_data).model_dump(mode="json")
    response = client.post(URL, json=data | {key: value}, headers=headers)
    assert response.status_code == 422, response.text
    assert key in response.json()["detail"][0]["loc"]


def test_required_fields_are_required(client: TestClient, headers: dict[str, str]) -> None:
    response = client.post(URL, json={}, headers=headers)
    assert response.status_code == 422
    missing = {error["loc"][-1] for error in response.json()["detail"]}
    assert missing == {"post_id", "user_id", "body"}


def test_missing_post_is_409(
    client: TestClient, settings: Settings, headers: dict[str, str]
) -> None:
    data = in_database(settings, new_comment_data).model_dump(mode="json")
    response = client.post(URL, json=data | {"post_id": 2147483647}, headers=headers)
    assert response.status_code == 409
    assert response.json() == {"detail": "No post with id 2147483647."}


def test_missing_user_is_409(
    client: TestClient, settings: Settings, headers: dict[str, str]
) -> None:
    data = in_database(settings, new_comment_data).model_dump(mode="json")
    response = client.post(URL, json=data | {"user_id": 2147483647}, headers=headers)
    assert response.status_code == 409
    assert response.json() == {"detail": "No user with id 2147483647."}
