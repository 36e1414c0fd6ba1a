"""The JSON API of categories at /api/categories; what all APIs share is tested in tests/kit/."""

from fastapi.testclient import TestClient

from shop.schemas.category import CategoryRead, CategoryUpdate
from shop.settings import Settings
from tests.category.factories import create_category, new_category_data
from tests.product.factories import create_product
from tests.resources import check_api_crud, check_api_list, check_api_refuses, in_database

URL = "/api/categories"


def test_create_read_update_delete(
    client: TestClient, settings: Settings, writer: dict[str, str]
) -> None:
    check_api_crud(
        client,
        URL,
        writer,
        in_database(settings, new_category_data),
        {"name": "Name 1"},
        read=CategoryRead,
        update=CategoryUpdate,
        # the keys a client writes and reads back unchanged
        round_trip={"name", "parent_id"},
    )


def test_list(client: TestClient, settings: Settings) -> None:
    created = [in_database(settings, create_category) for _ in range(20)]
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
    data, another = (in_database(settings, new_category_data).model_dump(mode="json") for _ in "ab")
    check_api_refuses(
        client,
        URL,
        writer,
        data,
        invalid={
            "not_a_field": 1,
            "name": "x" * 81,
            "parent_id": 0,
        },
        required={"name"},
        missing={
            "parent_id": "No parent with id 2147483647.",
        },
        unique=("name",),
        another=another,
    )


def test_a_category_may_be_its_own_parent(
    client: TestClient, settings: Settings, writer: dict[str, str]
) -> None:
    """A row that refers to itself can still be changed and deleted."""
    data = in_database(settings, new_category_data).model_dump(mode="json")
    created = client.post(URL, json=data, headers=writer)
    assert created.status_code == 201, created.text
    url = f"{URL}/{created.json()['id']}"
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
    response = client.delete(f"{URL}/{product.category_id}", headers=writer)
    assert response.status_code == 409
    # The answer names what refers to it: the resource, the field, the row.
    detail = response.json()["detail"]
    assert detail.startswith("Cannot delete the category \u201c"), detail
    assert "1 product (category): \u201c" + str(product) + "”" in detail
    assert client.get(f"{URL}/{product.category_id}").status_code == 200
