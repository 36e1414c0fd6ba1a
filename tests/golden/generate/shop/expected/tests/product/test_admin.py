"""The product admin's declarations; what every admin does alike is in tests/kit/."""

from fastapi.testclient import TestClient

from shop.settings import Settings
from tests.helpers import (
    check_admin_delete_refused,
    check_admin_filter,
    check_admin_form,
    check_admin_list,
)
from tests.order_line.factories import create_order_line
from tests.product.factories import create_product, new_product_data
from tests.product.forms import form_data
from tests.resources import in_database

URL = "/admin/products/"


def test_the_change_list(client: TestClient, settings: Settings, staff: str) -> None:
    row = in_database(settings, create_product)
    check_admin_list(
        client,
        URL,
        row.id,
        plural="products",
        columns=("Sku", "Name", "Price", "Stock", "Active", "Category"),
        sort=("sku", "name", "price", "stock", "active", "category_id"),
        search=row.sku,
    )
    value = "true" if row.active else "false"
    check_admin_filter(client, URL, row.id, "active", value, ("true", "false"))


def test_the_form(client: TestClient, settings: Settings, staff: str) -> None:
    added, changed = (form_data(in_database(settings, new_product_data)) for _ in "ab")
    check_admin_form(client, URL, staff, in_database(settings, create_product).id, added, changed)


def test_delete_names_the_order_lines_that_forbid_it(
    client: TestClient, settings: Settings, staff: str
) -> None:
    # `product` of order lines: `on_delete: restrict`.
    referrer = in_database(settings, create_order_line)
    group = "1 order line (product)"
    check_admin_delete_refused(client, URL, staff, referrer.product_id, str(referrer), group)
