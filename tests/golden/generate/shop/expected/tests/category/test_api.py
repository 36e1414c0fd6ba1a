"""The JSON API of categories at /api/categories; what all APIs share is tested in tests/kit/."""

from fastapi.testclient import TestClient

from shop.schemas.category import CategoryRead, CategoryUpdate
from shop.settings import Settings
from tests.category.factories import create_category, new_category_data
from tests.product.factories import create_product
from tests.resources import Api, check_api_crud, check_api_list, check_api_refuses, in_database

API = Api(
    "/api/categories", new_category_data, create_category, read=CategoryRead, update=CategoryUpdate
)


def test_create_read_update_delete(
    client: TestClient, settings: Settings, writer: dict[str, str]
) -> None:
    # the keys a client writes and reads back unchanged
    round_trip = {"name", "parent_id"}
    check_api_crud(client, settings, writer, API, {"name": "Name 1"}, round_trip)


def test_list(client: TestClient, settings: Settings) -> None:
    check_api_list(client, settings, API, sort="id", filter_on="name", search=lambda row: row.name)


def test_bad_input(client: TestClient, settings: Settings, writer: dict[str, str]) -> None:
    check_api_refuses(
        client,
        settings,
        writer,
        API,
        invalid={"not_a_field": 1, "name": "x" * 81, "parent_id": 0},
        required={"name"},
        missing={"parent_id": "No parent with id 2147483647."},
        unique=("name",),
    )


def test_a_category_may_be_its_own_parent(
    client: TestClient, settings: Settings, writer: dict[str, str]
) -> None:
    """A row that refers to itself can still be changed and deleted."""
    data = API.json(in_database(settings, new_category_data))
    created = client.post(API.url, json=data, headers=writer)
    assert created.status_code == 201, created.text
    url = f"{API.url}/{created.json()['id']}"
    linked = client.patch(url, json={"parent_id": created.json()["id"]}, headers=writer)
    assert linked.status_code == 200, linked.text
    assert linked.json()["parent_id"] == created.json()["id"]
    changed = client.patch(url, json={"name": "Name 1"}, headers=writer)
    assert changed.status_code == 200, changed.text
    assert client.delete(url, headers=writer).status_code == 204
    assert client.get(url).status_code == 404


def test_delete_is_409_while_products_refer_to_it(
    client: TestClient, settings: Settings, writer: dict[str, str]
) -> None:
    product = in_database(settings, create_product)
    response = client.delete(f"{API.url}/{product.category_id}", headers=writer)
    assert response.status_code == 409
    # The answer names what refers to it: the resource, the field, the row.
    detail = response.json()["detail"]
    assert detail.startswith("Cannot delete the category \u201c"), detail
    assert "1 product (category): \u201c" + str(product) + "”" in detail
    assert client.get(f"{API.url}/{product.category_id}").status_code == 200
