"""The JSON API of comments at /api/comments; what all APIs share is tested in tests/kit/."""

from fastapi.testclient import TestClient

from blog.schemas.comment import CommentRead, CommentUpdate
from blog.settings import Settings
from tests.comment.factories import create_comment, new_comment_data
from tests.resources import check_api_crud, check_api_list, check_api_refuses, in_database

URL = "/api/comments"


def test_create_read_update_delete(
    client: TestClient, settings: Settings, writer: dict[str, str]
) -> None:
    check_api_crud(
        client,
        URL,
        writer,
        in_database(settings, new_comment_data),
        {"body": "Body 1"},
        read=CommentRead,
        update=CommentUpdate,
        # the keys a client writes and reads back unchanged
        round_trip={"post_id", "user_id", "body", "approved"},
    )


def test_list(client: TestClient, settings: Settings) -> None:
    created = [in_database(settings, create_comment) for _ in range(20)]
    check_api_list(
        client,
        URL,
        created[0].id,
        rows=20,
        sort="id",
        filter_on="post_id",
    )


def test_bad_input(client: TestClient, settings: Settings, writer: dict[str, str]) -> None:
    data = in_database(settings, new_comment_data).model_dump(mode="json")
    check_api_refuses(
        client,
        URL,
        writer,
        data,
        invalid={
            "not_a_field": 1,
            "post_id": 0,
            "user_id": 0,
            "approved": "maybe",
        },
        required={"post_id", "user_id", "body"},
        missing={
            "post_id": "No post with id 2147483647.",
            "user_id": "No user with id 2147483647.",
        },
    )
