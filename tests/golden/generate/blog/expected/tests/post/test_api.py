"""The JSON API of posts at /api/posts; what all APIs share is tested in tests/kit/."""

from fastapi.testclient import TestClient

from blog.schemas.post import PostRead, PostUpdate
from blog.settings import Settings
from tests.post.factories import create_post, new_post_data
from tests.resources import check_api_crud, check_api_list, check_api_refuses, in_database

URL = "/api/posts"


def test_create_read_update_delete(
    client: TestClient, settings: Settings, writer: dict[str, str]
) -> None:
    check_api_crud(
        client,
        URL,
        writer,
        in_database(settings, new_post_data),
        {"title": "Title 1"},
        read=PostRead,
        update=PostUpdate,
        # the keys a client writes and reads back unchanged
        round_trip={
            "title",
            "slug",
            "body",
            "status",
            "published_at",
            "views",
            "author_id",
            "reviewer_id",
            "tag_ids",
        },
    )


def test_list(client: TestClient, settings: Settings) -> None:
    created = [in_database(settings, create_post) for _ in range(20)]
    check_api_list(
        client,
        URL,
        created[0].id,
        rows=20,
        sort="id",
        filter_on="title",
        search=created[0].title,
    )


def test_bad_input(client: TestClient, settings: Settings, writer: dict[str, str]) -> None:
    data, another = (in_database(settings, new_post_data).model_dump(mode="json") for _ in "ab")
    check_api_refuses(
        client,
        URL,
        writer,
        data,
        invalid={
            "not_a_field": 1,
            "title": "x" * 201,
            "slug": "Not a slug!",
            "status": "not one of the values",
            "published_at": "2024-01-01T12:00:00",
            "views": "not a number",
            "author_id": 0,
            "reviewer_id": 0,
            "tag_ids": [0],
        },
        required={"title", "slug", "body", "author_id"},
        missing={
            "author_id": "No author with id 2147483647.",
            "reviewer_id": "No reviewer with id 2147483647.",
        },
        unique=("slug",),
        another=another,
    )
