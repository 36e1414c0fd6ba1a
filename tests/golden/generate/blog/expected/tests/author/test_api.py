"""The JSON API of authors at /api/authors; what all APIs share is tested in tests/kit/."""

from fastapi.testclient import TestClient

from blog.schemas.author import AuthorRead, AuthorUpdate
from blog.settings import Settings
from tests.author.factories import create_author, new_author_data
from tests.post.factories import create_post
from tests.resources import Api, check_api_crud, check_api_list, check_api_refuses, in_database

API = Api("/api/authors", new_author_data, create_author, read=AuthorRead, update=AuthorUpdate)


def test_create_read_update_delete(
    client: TestClient, settings: Settings, writer: dict[str, str]
) -> None:
    # the keys a client writes and reads back unchanged
    round_trip = {"name", "email", "bio", "website"}
    check_api_crud(client, settings, writer, API, {"name": "Name 1"}, round_trip)


def test_list(client: TestClient, settings: Settings) -> None:
    check_api_list(client, settings, API, sort="id", filter_on="name", search=lambda row: row.name)


def test_bad_input(client: TestClient, settings: Settings, writer: dict[str, str]) -> None:
    check_api_refuses(
        client,
        settings,
        writer,
        API,
        invalid={
            "not_a_field": 1,
            "name": "x" * 121,
            "email": "not-an-email",
            "website": "ftp://example.com/file",
        },
        required={"name", "email"},
        missing={},
        unique=("email",),
    )


def test_delete_is_409_while_posts_refer_to_it(
    client: TestClient, settings: Settings, writer: dict[str, str]
) -> None:
    post = in_database(settings, create_post)
    response = client.delete(f"{API.url}/{post.author_id}", headers=writer)
    assert response.status_code == 409
    # The answer names what refers to it: the resource, the field, the row.
    detail = response.json()["detail"]
    assert detail.startswith("Cannot delete the author \u201c"), detail
    assert "1 post (author): \u201c" + str(post) + "”" in detail
    assert client.get(f"{API.url}/{post.author_id}").status_code == 200
