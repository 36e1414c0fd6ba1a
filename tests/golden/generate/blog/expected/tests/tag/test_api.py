"""The JSON API of tags at /api/tags; what all APIs share is tested in tests/kit/."""

from fastapi.testclient import TestClient

from blog.schemas.tag import TagRead, TagUpdate
from blog.settings import Settings
from tests.resources import check_api_crud, check_api_list, check_api_refuses, in_database
from tests.tag.factories import create_tag, new_tag_data

URL = "/api/tags"


def test_create_read_update_delete(
    client: TestClient, settings: Settings, writer: dict[str, str]
) -> None:
    check_api_crud(
        client,
        URL,
        writer,
        in_database(settings, new_tag_data),
        {"name": "Name 1"},
        read=TagRead,
        update=TagUpdate,
        # the keys a client writes and reads back unchanged
        round_trip={"name"},
    )


def test_list(client: TestClient, settings: Settings) -> None:
    created = [in_database(settings, create_tag) for _ in range(20)]
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
    data, another = (in_database(settings, new_tag_data).model_dump(mode="json") for _ in "ab")
    check_api_refuses(
        client,
        URL,
        writer,
        data,
        invalid={
            "not_a_field": 1,
            "name": "x" * 51,
        },
        required={"name"},
        missing={},
        unique=("name",),
        another=another,
    )
