"""The category admin's declarations; what every admin does alike is in tests/kit/."""

from fastapi.testclient import TestClient

from shop.settings import Settings
from tests.category.factories import create_category, new_category_data
from tests.category.forms import form_data
from tests.helpers import check_admin_delete_refused, check_admin_form, check_admin_list
from tests.product.factories import create_product
from tests.resources import in_database

URL = "/admin/categories/"


def test_the_change_list(client: TestClient, settings: Settings, staff: str) -> None:
    row = in_database(settings, create_category)
    check_admin_list(
        client,
        URL,
        row.id,
        plural="categories",
        columns=("Name", "Parent"),
        sort=("name", "parent_id"),
        search=row.name,
    )


def test_the_form(client: TestClient, settings: Settings, staff: str) -> None:
    added, changed = (form_data(in_database(settings, new_category_data)) for _ in "ab")
    check_admin_form(client, URL, staff, in_database(settings, create_category).id, added, changed)


def test_delete_names_the_products_that_forbid_it(
    client: TestClient, settings: Settings, staff: str
) -> None:
    # `category` of products: `on_delete: restrict`.
    referrer = in_database(settings, create_product)
    group = "1 product (category)"
    check_admin_delete_refused(client, URL, staff, referrer.category_id, str(referrer), group)
