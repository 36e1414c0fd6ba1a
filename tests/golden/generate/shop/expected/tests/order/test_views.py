"""The order pages' declarations; what all pages do alike is in tests/kit/."""

from fastapi.testclient import TestClient

from shop.settings import Settings
from tests.helpers import check_pages_form, check_pages_list
from tests.order.factories import create_order, new_order_data
from tests.order.forms import form_data
from tests.resources import in_database

URL = "/orders/"


def test_list_and_detail(client: TestClient, settings: Settings) -> None:
    row = in_database(settings, create_order)
    check_pages_list(
        client,
        URL,
        row.id,
        shown=str(row),
        results="order-results",
        sort=("id", "number", "customer_id", "status"),
    )


def test_create_edit_delete(client: TestClient, settings: Settings, editor: str) -> None:
    form, changed = (form_data(in_database(settings, new_order_data)) for _ in "ab")
    check_pages_form(client, URL, editor, form, changed, required="number", kept="note")
