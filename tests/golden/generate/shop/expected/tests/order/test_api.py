"""The JSON API of orders at /api/orders; what all APIs share is tested in tests/kit/."""

from fastapi.testclient import TestClient

from shop.schemas.order import OrderRead, OrderUpdate
from shop.settings import Settings
from tests.order.factories import create_order, new_order_data
from tests.resources import Api, check_api_crud, check_api_list, check_api_refuses

API = Api("/api/orders", new_order_data, create_order, read=OrderRead, update=OrderUpdate)


def test_create_read_update_delete(
    client: TestClient, settings: Settings, writer: dict[str, str]
) -> None:
    # the keys a client writes and reads back unchanged
    round_trip = {"number", "customer_id", "status", "placed_at", "note"}
    check_api_crud(
        client,
        settings,
        writer,
        API,
        {"number": "00000000-0000-0000-0000-000000000001"},
        round_trip,
    )


def test_list(client: TestClient, settings: Settings) -> None:
    check_api_list(client, settings, API, sort="id", filter_on="number")


def test_bad_input(client: TestClient, settings: Settings, writer: dict[str, str]) -> None:
    check_api_refuses(
        client,
        settings,
        writer,
        API,
        invalid={
            "not_a_field": 1,
            "number": "not a uuid",
            "customer_id": 0,
            "status": "not one of the values",
            "placed_at": "2024-01-01T12:00:00",
        },
        required={"number", "customer_id", "placed_at"},
        missing={"customer_id": "No customer with id 2147483647."},
        unique=("number",),
    )
