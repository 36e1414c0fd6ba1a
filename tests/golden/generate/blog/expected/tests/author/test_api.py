"""The JSON API of authors at /api/authors; what all APIs share is tested in tests/kit/."""

from fastapi.testclient import TestClient

from blog.schemas.author import AuthorRead, AuthorUpdate
from blog.settings import Settings
from tests.author.factories import create_author, new_author_data
from tests.post.factories import create_post
from tests.resources import check_api_crud, check_api_list, check_api_refuses, in_database

URL = "/api/authors"


def test_create_read_update_delete(
    client: TestClient, settings: Settings, writer: dict[str, str]
) -> None:
    check_api_crud(
        client,
        URL,
        writer,
        in_database(settings, new_author_data),
        {"name": "Name 1"},
        read=AuthorRead,
        update=AuthorUpdate,
        # the keys a client writes and reads back unchanged
        round_trip={"name", "email", "bio", "website"},
    )


def test_list(client: TestClient, settings: Settings) -> None:
    created = [in_database(settings, create_author) for _ in range(20)]
    check_api_list(
        client,
        URL,
        created[0].id,
        rows=20,
        sort="id",
        filter_on="name",
        search=created[0].name,
    )


def test_bad_input(client: TestClient, settings: Settings, writer: dict[str, str]) -> None:
    data, another = (in_database(settings, new_author_data).model_dump(mode="json") for _ in "ab")
    check_api_refuses(
        client,
        URL,
        writer,
        data,
        invalid={
            "not_a_field": 1,
            "name": "x" * 121,
            "email": "not-an-email",
            "website": "ftp://example.com/file",
        },
        required={"name", "email"},
        missing={},
        unique=("email",),
        another=another,
    )


def test_delete_is_409_while_posts_refer_to_it(
    client: TestClient, settings: Settings, writer: dict[str, str]
) -> None:
    post = in_database(settings, create_post)
    response = client.delete(f"{URL}/{post.author_id}", headers=writer)
    assert response.status_code == 409
    # The answer names what refers to it: the resource, the field, the row.
    detail = response.json()["detail"]
    assert detail.startswith("Cannot delete the author \u201c"), detail
    assert "1 post (author): \u201c" + str(post) + "”" in detail
    assert client.get(f"{URL}/{post.author_id}").status_code == 200
