"""The JSON API of authors: /api/authors."""

import pytest
from fastapi.testclient import TestClient

from blog.schemas.author import AuthorRead, AuthorUpdate
from blog.settings import Settings
from tests.author.factories import create_author, new_author_data
from tests.conftest import MakeUser
from tests.post.factories import create_post
from tests.resources import count_queries, in_database, token_headers

URL = "/api/authors"
#: Keys a client writes and reads back unchanged.
ROUND_TRIP = {"name", "email", "bio", "website"}


@pytest.fixture
def headers(client: TestClient, make_user: MakeUser) -> dict[str, str]:
    """A bearer token: writes need a logged-in user."""
    make_user("writer@example.com")
    return token_headers(client, "writer@example.com")


def test_create_read_update_delete(
    client: TestClient, settings: Settings, headers: dict[str, str]
) -> None:
    data = in_database(settings, new_author_data)
    created = client.post(URL, json=data.model_dump(mode="json"), headers=headers)
    assert created.status_code == 201, created.text
    body = AuthorRead.model_validate(created.json())
    assert body.model_dump(include=ROUND_TRIP) == data.model_dump(include=ROUND_TRIP)

    fetched = client.get(f"{URL}/{body.id}")
    assert fetched.status_code == 200
    assert fetched.json() == created.json()

    changes = {"name": "Name 1"}
    updated = client.patch(f"{URL}/{body.id}", json=changes, headers=headers)
    assert updated.status_code == 200, updated.text
    expected = AuthorUpdate.model_validate(changes).model_dump(exclude_unset=True)
    after = AuthorRead.model_validate(updated.json())
    assert after.model_dump(include=ROUND_TRIP & set(expected)) == {
        key: value for key, value in expected.items() if key in ROUND_TRIP
    }
    assert after.id == body.id

    deleted = client.delete(f"{URL}/{body.id}", headers=headers)
    assert deleted.status_code == 204
    assert client.get(f"{URL}/{body.id}").status_code == 404


def test_list_sorts(client: TestClient, settings: Settings) -> None:
    for _ in range(3):
        in_database(settings, create_author)
    ids = [item["id"] for item in client.get(URL, params={"sort": "-id"}).json()["items"]]
    assert ids == sorted(ids, reverse=True)
    assert client.get(URL, params={"sort": "no_such_column"}).status_code == 422


def test_list_filters_on_name(client: TestClient, settings: Settings) -> None:
    author = in_database(settings, create_author)
    in_database(settings, create_author)
    value = client.get(f"{URL}/{author.id}").json()["name"]
    response = client.get(URL, params={"name": value, "page_size": 2})
    assert response.status_code == 200
    items = response.json()["items"]
    assert author.id in [item["id"] for item in items]
    assert all(item["name"] == value for item in items)
    assert response.json()["total"] == len(items)


def test_list_searches(client: TestClient, settings: Settings) -> None:
    author = in_database(settings, create_author)
    in_database(settings, create_author)
    response = client.get(URL, params={"q": author.name})
    assert response.status_code == 200
    assert author.id in [item["id"] for item in response.json()["items"]]
    assert response.json()["total"] == len(response.json()["items"])


def test_list_shows_each_row_as_get_does(client: TestClient, settings: Settings) -> None:
    for _ in range(3):
        in_database(settings, create_author)
    items = client.get(URL, params={"page_size": 3}).json()["items"]
    assert len(items) == 3
    assert items == [client.get(f"{URL}/{item['id']}").json() for item in items]


def test_list_costs_the_same_queries_whatever_the_page_size(
    client: TestClient, settings: Settings
) -> None:
    for _ in range(20):
        in_database(settings, create_author)
    with count_queries() as one:
        assert len(client.get(URL, params={"page_size": 1}).json()["items"]) == 1
    with count_queries() as twenty:
        assert len(client.get(URL, params={"page_size": 20}).json()["items"]) == 20
    assert one.statements == twenty.statements


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("not_a_field", 1),
        ("name", "x" * 121),
        ("email", "not-an-email"),
        ("website", "ftp://example.com/file"),
    ],
)
def test_invalid_input_is_422(
    client: TestClient, settings: Settings, headers: dict[str, str], key: str, value: object
) -> None:
    data = in_database(settings, new_author_data).model_dump(mode="json")
    response = client.post(URL, json=data | {key: value}, headers=headers)
    assert response.status_code == 422, response.text
    assert key in response.json()["detail"][0]["loc"]


def test_required_fields_are_required(client: TestClient, headers: dict[str, str]) -> None:
    response = client.post(URL, json={}, headers=headers)
    assert response.status_code == 422
    missing = {error["loc"][-1] for error in response.json()["detail"]}
    assert missing == {"name", "email"}


def test_taken_email_is_409(
    client: TestClient, settings: Settings, headers: dict[str, str]
) -> None:
    first = in_database(settings, new_author_data).model_dump(mode="json")
    assert client.post(URL, json=first, headers=headers).status_code == 201
    second = in_database(settings, new_author_data).model_dump(mode="json")
    response = client.post(URL, json=second | {"email": first["email"]}, headers=headers)
    assert response.status_code == 409
    assert "already exists" in response.json()["detail"]


def test_delete_is_409_while_posts_refer_to_it(
    client: TestClient, settings: Settings, headers: dict[str, str]
) -> None:
    post = in_database(settings, create_post)
    response = client.delete(f"{URL}/{post.author_id}", headers=headers)
    assert response.status_code == 409
    # The answer names what refers to it: the resource, the field, the row.
    detail = response.json()["detail"]
    assert detail.startswith("Cannot delete the author \u201c"), detail
    assert "1 post (author): \u201c" + str(post) + "”" in detail
    assert client.get(f"{URL}/{post.author_id}").status_code == 200
