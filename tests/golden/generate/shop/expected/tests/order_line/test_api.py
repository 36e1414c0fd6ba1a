"""The JSON API of order lines at /api/order-lines; what all APIs share is tested in tests/kit/."""

from fastapi.testclient import TestClient

from shop.schemas.order_line import OrderLineRead, OrderLineUpdate
from shop.settings import Settings
from tests.order_line.factories import create_order_line, new_order_line_data
from tests.resources import Api, check_api_crud, check_api_list, check_api_refuses

API = Api(
    "/api/order-lines",
    new_order_line_data,
    create_order_line,
    read=OrderLineRead,
    update=OrderLineUpdate,
)


def test_create_read_update_delete(
    client: TestClient, settings: Settings, writer: dict[str, str]
) -> None:
    # the keys a client writes and reads back unchanged
    round_trip = {"order_id", "product_id", "quantity", "unit_price"}
    check_api_crud(client, settings, writer, API, {"quantity": 1}, round_trip)


def test_list(client: TestClient, settings: Settings) -> None:
    check_api_list(client, settings, API, sort="id", filter_on="order_id")


def test_bad_input(client: TestClient, settings: Settings, writer: dict[str, str]) -> None:
    check_api_refuses(
        client,
        settings,
        writer,
        API,
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
