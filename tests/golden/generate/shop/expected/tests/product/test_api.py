"""The JSON API of products at /api/products; what all APIs share is tested in tests/kit/."""

from fastapi.testclient import TestClient

from shop.schemas.product import ProductRead, ProductUpdate
from shop.settings import Settings
from tests.order_line.factories import create_order_line
from tests.product.factories import create_product, new_product_data
from tests.resources import check_api_crud, check_api_list, check_api_refuses, in_database

URL = "/api/products"


def test_create_read_update_delete(
    client: TestClient, settings: Settings, writer: dict[str, str]
) -> None:
    check_api_crud(
        client,
        URL,
        writer,
        in_database(settings, new_product_data),
        {"sku": "Sku 1"},
        read=ProductRead,
        update=ProductUpdate,
        # the keys a client writes and reads back unchanged
        round_trip={
            "sku",
            "name",
            "description",
            "price",
            "stock",
            "active",
            "category_id",
            "attributes",
            "launched_on",
        },
    )


def test_list(client: TestClient, settings: Settings) -> None:
    created = [in_database(settings, create_product) for _ in range(20)]
    check_api_list(
        client,
        URL,
        created[0].id,
        rows=20,
        sort="id",
        filter_on="sku",
        search=created[0].sku,
    )


def test_bad_input(client: TestClient, settings: Settings, writer: dict[str, str]) -> None:
    data, another = (in_database(settings, new_product_data).model_dump(mode="json") for _ in "ab")
    check_api_refuses(
        client,
        URL,
        writer,
        data,
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
        missing={
            "category_id": "No category with id 2147483647.",
        },
        unique=("sku",),
        another=another,
    )


def test_delete_is_409_while_order_lines_refer_to_it(
    client: TestClient, settings: Settings, writer: dict[str, str]
) -> None:
    order_line = in_database(settings, create_order_line)
    response = client.delete(f"{URL}/{order_line.product_id}", headers=writer)
    assert response.status_code == 409
    # The answer names what refers to it: the resource, the field, the row.
    detail = response.json()["detail"]
    assert detail.startswith("Cannot delete the product \u201c"), detail
    assert "1 order line (product): \u201c" + str(order_line) + "”" in detail
    assert client.get(f"{URL}/{order_line.product_id}").status_code == 200
