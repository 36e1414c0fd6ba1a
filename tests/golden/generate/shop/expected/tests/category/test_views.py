"""The category pages' declarations; what all pages do alike is in tests/kit/."""

from fastapi.testclient import TestClient

from shop.settings import Settings
from tests.category.factories import create_category, new_category_data
from tests.category.forms import form_data
from tests.helpers import check_pages_delete_refused, check_pages_form, check_pages_list
from tests.product.factories import create_product
from tests.resources import in_database

URL = "/categories/"


def test_list_and_detail(client: TestClient, settings: Settings) -> None:
    row = in_database(settings, create_category)
    check_pages_list(
        client,
        URL,
        row.id,
        shown=str(row),
        results="category-results",
        sort=("name", "parent_id"),
        search=row.name,
    )


def test_create_edit_delete(client: TestClient, settings: Settings, editor: str) -> None:
    form, changed = (form_data(in_database(settings, new_category_data)) for _ in "ab")
    check_pages_form(client, URL, editor, form, changed, required="name")


def test_delete_says_which_products_forbid_it(
    client: TestClient, settings: Settings, editor: str
) -> None:
    referrer = in_database(settings, create_product)
    group = "1 product (category)"
    check_pages_delete_refused(client, URL, editor, referrer.category_id, group)
