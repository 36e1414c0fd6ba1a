"""The JSON API of products at /api/products; what all APIs share is tested in tests/kit/."""

from fastapi.testclient import TestClient

from shop.schemas.product import ProductRead, ProductUpdate
from shop.settings import Settings
from tests.order_line.factories import create_order_line
from tests.product.factories import create_product, new_product_data
from tests.resources import Api, check_api_crud, check_api_list, check_api_refuses, in_database

API = Api("/api/products", new_product_data, create_product, read=ProductRead, update=ProductUpdate)


def test_create_read_update_delete(
    client: TestClient, settings: Settings, writer: dict[str, str]
) -> None:
    # the keys a client writes and reads back unchanged
    round_trip = {
        "sku",
        "name",
        "description",
        "price",
        "stock",
        "active",
        "category_id",
        "attributes",
        "launched_on",
    }
    check_api_crud(client, settings, writer, API, {"sku": "Sku 1"}, round_trip)


def test_list(client: TestClient, settings: Settings) -> None:
    check_api_list(client, settings, API, sort="id", filter_on="sku", search=lambda row: row.sku)


def test_bad_input(client: TestClient, settings: Settings, writer: dict[str, str]) -> None:
    check_api_refuses(
        client,
        settings,
        writer,
        API,
        invalid={
            "not_a_field": 1,
            "sku": "x" * 33,
            "name": "x" * 201,
            "price": "not a number",
            "stock": "not a number",
            "active": "maybe",
            "category_id": 0,
            "launched_on": "not a date",
        },
        required={"sku", "name", "price", "category_id"},
        missing={"category_id": "No category with id 2147483647."},
        unique=("sku",),
    )


def test_delete_is_409_while_order_lines_refer_to_it(
    client: TestClient, settings: Settings, writer: dict[str, str]
) -> None:
    order_line = in_database(settings, create_order_line)
    response = client.delete(f"{API.url}/{order_line.product_id}", headers=writer)
    assert response.status_code == 409
    # The answer names what refers to it: the resource, the field, the row.
    detail = response.json()["detail"]
    assert detail.startswith("Cannot delete the product \u201c"), detail
    assert "1 order line (product): \u201c" + str(order_line) + "”" in detail
    assert client.get(f"{API.url}/{order_line.product_id}").status_code == 200
