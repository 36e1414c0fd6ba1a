"""The JSON API of posts: /api/posts."""

import pytest
from fastapi.testclient import TestClient

from blog.schemas.post import PostRead, PostUpdate
from blog.settings import Settings
from tests.conftest import MakeUser
from tests.post.factories import create_post, new_post_data
from tests.resources import count_queries, in_database, token_headers

URL = "/api/posts"
#: Keys a client writes and reads back unchanged.
ROUND_TRIP = {
    "title",
    "slug",
    "body",
    "status",
    "published_at",
    "views",
    "author_id",
    "reviewer_id",
    "tag_ids",
}


@pytest.fixture
def headers(client: TestClient, make_user: MakeUser) -> dict[str, str]:
    """A bearer token: writes need a logged-in user."""
    make_user("writer@example.com")
    return token_headers(client, "writer@example.com")


def test_create_read_update_delete(
    client: TestClient, settings: Settings, headers: dict[str, str]
) -> None:
    data = in_database(settings, new_post_data)
    created = client.post(URL, json=data.model_dump(mode="json"), headers=headers)
    assert created.status_code == 201, created.text
    body = PostRead.model_validate(created.json())
    assert body.model_dump(include=ROUND_TRIP) == data.model_dump(include=ROUND_TRIP)

    fetched = client.get(f"{URL}/{body.id}")
    assert fetched.status_code == 200
    assert fetched.json() == created.json()

    changes = {"title": "Title 1"}
    updated = client.patch(f"{URL}/{body.id}", json=changes, headers=headers)
    assert updated.status_code == 200, updated.text
    expected = PostUpdate.model_validate(changes).model_dump(exclude_unset=True)
    after = PostRead.model_validate(updated.json())
    assert after.model_dump(include=ROUND_TRIP & set(expected)) == {
        key: value for key, value in expected.items() if key in ROUND_TRIP
    }
    assert after.id == body.id

    deleted = client.delete(f"{URL}/{body.id}", headers=headers)
    assert deleted.status_code == 204
    assert client.get(f"{URL}/{body.id}").status_code == 404


def test_list_sorts(client: TestClient, settings: Settings) -> None:
    for _ in range(3):
        in_database(settings, create_post)
    ids = [item["id"] for item in client.get(URL, params={"sort": "-id"}).json()["items"]]
    assert ids == sorted(ids, reverse=True)
    assert client.get(URL, params={"sort": "no_such_column"}).status_code == 422


def test_list_filters_on_title(client: TestClient, settings: Settings) -> None:
    post = in_database(settings, create_post)
    in_database(settings, create_post)
    value = client.get(f"{URL}/{post.id}").json()["title"]
    response = client.get(URL, params={"title": value, "page_size": 2})
    assert response.status_code == 200
    items = response.json()["items"]
    assert post.id in [item["id"] for item in items]
    assert all(item["title"] == value for item in items)
    assert response.json()["total"] == len(items)


def test_list_searches(client: TestClient, settings: Settings) -> None:
    post = in_database(settings, create_post)
    in_database(settings, create_post)
    response = client.get(URL, params={"q": post.title})
    assert response.status_code == 200
    assert post.id in [item["id"] for item in response.json()["items"]]
    assert response.json()["total"] == len(response.json()["items"])


def test_list_shows_each_row_as_get_does(client: TestClient, settings: Settings) -> None:
    for _ in range(3):
        in_database(settings, create_post)
    items = client.get(URL, params={"page_size": 3}).json()["items"]
    assert len(items) == 3
    assert items == [client.get(f"{URL}/{item['id']}").json() for item in items]


def test_list_costs_the_same_queries_whatever_the_page_size(
    client: TestClient, settings: Settings
) -> None:
    for _ in range(20):
        in_database(settings, create_post)
    with count_queries() as one:
        assert len(client.get(URL, params={"page_size": 1}).json()["items"]) == 1
    with count_queries() as twenty:
        assert len(client.get(URL, params={"page_size": 20}).json()["items"]) == 20
    assert one.statements == twenty.statements


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("not_a_field", 1),
        ("title", "x" * 201),
        ("slug", "Not a slug!"),
        ("status", "not one of the values"),
        ("published_at", "2024-01-01T12:00:00"),
        ("views", "not a number"),
        ("author_id", 0),
        ("reviewer_id", 0),
        ("tag_ids", [0]),
    ],
)
def test_invalid_input_is_422(
    client: TestClient, settings: Settings, headers: dict[str, str], key: str, value: object
) -> None:
    data = in_database(settings, new_post_data).model_dump(mode="json")
    response = client.post(URL, json=data | {key: value}, headers=headers)
    assert response.status_code == 422, response.text
    assert key in response.json()["detail"][0]["loc"]


def test_required_fields_are_required(client: TestClient, headers: dict[str, str]) -> None:
    response = client.post(URL, json={}, headers=headers)
    assert response.status_code == 422
    missing = {error["loc"][-1] for error in response.json()["detail"]}
    assert missing == {"title", "slug", "body", "author_id"}


def test_taken_slug_is_409(client: TestClient, settings: Settings, headers: dict[str, str]) -> None:
    first = in_database(settings, new_post_data).model_dump(mode="json")
    assert client.post(URL, json=first, headers=headers).status_code == 201
    second = in_database(settings, new_post_data).model_dump(mode="json")
    response = client.post(URL, json=second | {"slug": first["slug"]}, headers=headers)
    assert response.status_code == 409
    assert "already exists" in response.json()["detail"]


def test_missing_author_is_409(
    client: TestClient, settings: Settings, headers: dict[str, str]
) -> None:
    data = in_database(settings, new_post_data).model_dump(mode="json")
    response = client.post(URL, json=data | {"author_id": 2147483647}, headers=headers)
    assert response.status_code == 409
    assert response.json() == {"detail": "No author with id 2147483647."}


def test_missing_reviewer_is_409(
    client: TestClient, settings: Settings, headers: dict[str, str]
) -> None:
    data = in_database(settings, new_post_data).model_dump(mode="json")
    response = client.post(URL, json=data | {"reviewer_id": 2147483647}, headers=headers)
    assert response.status_code == 409
    assert response.json() == {"detail": "No reviewer with id 2147483647."}
