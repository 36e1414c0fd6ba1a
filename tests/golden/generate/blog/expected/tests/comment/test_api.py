"""The JSON API of comments at /api/comments; what all APIs share is tested in tests/kit/."""

from fastapi.testclient import TestClient

from blog.schemas.comment import CommentRead, CommentUpdate
from blog.settings import Settings
from tests.comment.factories import create_comment, new_comment_data
from tests.resources import Api, check_api_crud, check_api_list, check_api_refuses

API = Api("/api/comments", new_comment_data, create_comment, read=CommentRead, update=CommentUpdate)


def test_create_read_update_delete(
    client: TestClient, settings: Settings, writer: dict[str, str]
) -> None:
    # the keys a client writes and reads back unchanged
    round_trip = {"post_id", "user_id", "body", "approved"}
    check_api_crud(client, settings, writer, API, {"body": "Body 1"}, round_trip)


def test_list(client: TestClient, settings: Settings) -> None:
    check_api_list(client, settings, API, sort="id", filter_on="post_id")


def test_bad_input(client: TestClient, settings: Settings, writer: dict[str, str]) -> None:
    check_api_refuses(
        client,
        settings,
        writer,
        API,
        invalid={"not_a_field": 1, "post_id": 0, "user_id": 0, "approved": "maybe"},
        required={"post_id", "user_id", "body"},
        missing={
            "post_id": "No post with id 2147483647.",
            "user_id": "No user with id 2147483647.",
        },
    )
