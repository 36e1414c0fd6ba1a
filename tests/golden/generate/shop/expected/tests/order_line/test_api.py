"""The JSON API of order lines at /api/order-lines; what all APIs share is tested in tests/kit/."""

from fastapi.testclient import TestClient

from shop.schemas.order_line import OrderLineRead, OrderLineUpdate
from shop.settings import Settings
from tests.order_line.factories import create_order_line, new_order_line_data
from tests.resources import check_api_crud, check_api_list, check_api_refuses, in_database

URL = "/api/order-lines"


def test_create_read_update_delete(
    client: TestClient, settings: Settings, writer: dict[str, str]
) -> None:
    check_api_crud(
        client,
        URL,
        writer,
        in_database(settings, new_order_line_data),
        {"quantity": 1},
        read=OrderLineRead,
        update=OrderLineUpdate,
        # the keys a client writes and reads back unchanged
        round_trip={"order_id", "product_id", "quantity", "unit_price"},
    )


def test_list(client: TestClient, settings: Settings) -> None:
    created = [in_database(settings, create_order_line) for _ in range(20)]
    check_api_list(
        client,
        URL,
        created[0].id,
        rows=20,
        sort="id",
        filter_on="order_id",
    )


def test_bad_input(client: TestClient, settings: Settings, writer: dict[str, str]) -> None:
    data = in_database(settings, new_order_line_data).model_dump(mode="json")
    check_api_refuses(
        client,
        URL,
        writer,
        data,
        invalid={
            "not_a_field": 1,
            "order_id": 0,
            "product_id": 0,
            "quantity": 0,
            "unit_price": "not a number",
        },
        required={"order_id", "product_id", "quantity", "unit_price"},
        missing={
            "order_id": "No order with id 2147483647.",
            "product_id": "No product with id 2147483647.",
        },
    )
