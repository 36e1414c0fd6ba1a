"""The order admin's declarations; what every admin does alike is in tests/kit/."""

from fastapi.testclient import TestClient

from shop.settings import Settings
from tests.helpers import (
    check_admin_delete_cascades,
    check_admin_filter,
    check_admin_form,
    check_admin_list,
)
from tests.order.factories import create_order, new_order_data
from tests.order.forms import form_data
from tests.order_line.factories import create_order_line
from tests.resources import in_database

URL = "/admin/orders/"


def test_the_change_list(client: TestClient, settings: Settings, staff: str) -> None:
    row = in_database(settings, create_order)
    check_admin_list(
        client,
        URL,
        row.id,
        plural="orders",
        columns=("ID", "Number", "Customer", "Status"),
        sort=("id", "number", "customer_id", "status"),
    )
    check_admin_filter(client, URL, row.id, "customer_id", str(row.customer_id), ("999999999",))


def test_the_form(client: TestClient, settings: Settings, staff: str) -> None:
    added, changed = (form_data(in_database(settings, new_order_data)) for _ in "ab")
    check_admin_form(client, URL, staff, in_database(settings, create_order).id, added, changed)


def test_delete_lists_the_order_lines_deleted_with_it(
    client: TestClient, settings: Settings, staff: str
) -> None:
    # `order` of order lines: `on_delete: cascade`.
    referrer = in_database(settings, create_order_line)
    check_admin_delete_cascades(client, URL, staff, referrer.order_id, str(referrer))
