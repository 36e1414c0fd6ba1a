"""The order line admin's declarations; what every admin does alike is in tests/kit/."""

from fastapi.testclient import TestClient

from shop.settings import Settings
from tests.helpers import check_admin_filter, check_admin_form, check_admin_list
from tests.order_line.factories import create_order_line, new_order_line_data
from tests.order_line.forms import form_data
from tests.resources import in_database

URL = "/admin/order-lines/"


def test_the_change_list(client: TestClient, settings: Settings, staff: str) -> None:
    row = in_database(settings, create_order_line)
    check_admin_list(
        client,
        URL,
        row.id,
        plural="order lines",
        columns=("ID", "Order", "Product", "Quantity"),
        sort=("id", "order_id", "product_id", "quantity"),
    )
    check_admin_filter(client, URL, row.id, "order_id", str(row.order_id), ("999999999",))


def test_the_form(client: TestClient, settings: Settings, staff: str) -> None:
    added, changed = (form_data(in_database(settings, new_order_line_data)) for _ in "ab")
    check_admin_form(
        client, URL, staff, in_database(settings, create_order_line).id, added, changed
    )
