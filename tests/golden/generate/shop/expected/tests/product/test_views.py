"""The product pages' declarations; what all pages do alike is in tests/kit/."""

from fastapi.testclient import TestClient

from shop.settings import Settings
from tests.helpers import check_pages_delete_refused, check_pages_form, check_pages_list
from tests.order_line.factories import create_order_line
from tests.product.factories import create_product, new_product_data
from tests.product.forms import form_data
from tests.resources import in_database

URL = "/products/"


def test_list_and_detail(client: TestClient, settings: Settings) -> None:
    row = in_database(settings, create_product)
    check_pages_list(
        client,
        URL,
        row.id,
        shown=str(row),
        results="product-results",
        sort=("sku", "name", "price", "stock", "active", "category_id"),
        search=row.sku,
    )


def test_create_edit_delete(client: TestClient, settings: Settings, editor: str) -> None:
    form, changed = (form_data(in_database(settings, new_product_data)) for _ in "ab")
    check_pages_form(client, URL, editor, form, changed, required="sku", kept="name")


def test_delete_says_which_order_lines_forbid_it(
    client: TestClient, settings: Settings, editor: str
) -> None:
    referrer = in_database(settings, create_order_line)
    group = "1 order line (product)"
    check_pages_delete_refused(client, URL, editor, referrer.product_id, group)
