"""The JSON API of posts at /api/posts; what all APIs share is tested in tests/kit/."""

from fastapi.testclient import TestClient

from blog.schemas.post import PostRead, PostUpdate
from blog.settings import Settings
from tests.post.factories import create_post, new_post_data
from tests.resources import Api, check_api_crud, check_api_list, check_api_refuses

API = Api("/api/posts", new_post_data, create_post, read=PostRead, update=PostUpdate)


def test_create_read_update_delete(
    client: TestClient, settings: Settings, writer: dict[str, str]
) -> None:
    # the keys a client writes and reads back unchanged
    round_trip = {
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
    check_api_crud(client, settings, writer, API, {"title": "Title 1"}, round_trip)


def test_list(client: TestClient, settings: Settings) -> None:
    check_api_list(
        client, settings, API, sort="id", filter_on="title", search=lambda row: row.title
    )


def test_bad_input(client: TestClient, settings: Settings, writer: dict[str, str]) -> None:
    check_api_refuses(
        client,
        settings,
        writer,
        API,
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
    )
