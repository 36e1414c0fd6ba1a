"""The JSON API of tags at /api/tags; what all APIs share is tested in tests/kit/."""

from fastapi.testclient import TestClient

from blog.schemas.tag import TagRead, TagUpdate
from blog.settings import Settings
from tests.resources import Api, check_api_crud, check_api_list, check_api_refuses
from tests.tag.factories import create_tag, new_tag_data

API = Api("/api/tags", new_tag_data, create_tag, read=TagRead, update=TagUpdate)


def test_create_read_update_delete(
    client: TestClient, settings: Settings, writer: dict[str, str]
) -> None:
    # the keys a client writes and reads back unchanged
    round_trip = {"name"}
    check_api_crud(client, settings, writer, API, {"name": "Name 1"}, round_trip)


def test_list(client: TestClient, settings: Settings) -> None:
    check_api_list(client, settings, API, sort="id", filter_on="name", search=lambda row: row.name)


def test_bad_input(client: TestClient, settings: Settings, writer: dict[str, str]) -> None:
    check_api_refuses(
        client,
        settings,
        writer,
        API,
        invalid={"not_a_field": 1, "name": "x" * 51},
        required={"name"},
        missing={},
        unique=("name",),
    )
