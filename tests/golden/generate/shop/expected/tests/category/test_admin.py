"""The category admin: staff only; list, search, filters, sorting, add, change, delete."""

import pytest
from fastapi.testclient import TestClient
from markupsafe import escape

from shop.kit.deletion import DeletionEffects
from shop.services.category import categories as category_crud
from shop.settings import Settings
from tests.category.factories import create_category, new_category_data
from tests.category.forms import form_data
from tests.conftest import MakeUser
from tests.helpers import column_header, csrf_token_of, log_in
from tests.product.factories import create_product
from tests.resources import in_database

URL = "/admin/categories/"


def log_in_staff(client: TestClient, make_user: MakeUser) -> str:
    """Log in as staff; returns the session's CSRF token for forms."""
    make_user("staff@example.com", is_staff=True)
    log_in(client, "staff@example.com")
    return csrf_token_of(client, URL)


def change_link(row_id: int) -> str:
    return f'href="{URL}{row_id}/"'


def test_list_shows_columns_and_count(
    client: TestClient, settings: Settings, make_user: MakeUser
) -> None:
    row = in_database(settings, create_category)
    log_in_staff(client, make_user)
    response = client.get(URL)
    assert response.status_code == 200
    assert change_link(row.id) in response.text
    assert column_header("Name") in response.text
    assert column_header("Parent") in response.text
    assert "of 1 categories" in response.text  # the total count
    assert f'href="{URL}"' in client.get("/admin/").text  # the dashboard links here
    assert client.get(URL, params={"sort": "-name"}).status_code == 200
    assert client.get(URL, params={"sort": "-parent_id"}).status_code == 200


def test_search(client: TestClient, settings: Settings, make_user: MakeUser) -> None:
    row = in_database(settings, create_category)
    log_in_staff(client, make_user)
    response = client.get(URL, params={"q": row.name})
    assert change_link(row.id) in response.text
    response = client.get(URL, params={"q": "nothing-matches-this"})
    assert change_link(row.id) not in response.text
    assert "0 categories" in response.text


def test_the_form_adds_and_changes(
    client: TestClient, settings: Settings, make_user: MakeUser
) -> None:
    token = log_in_staff(client, make_user)
    form = form_data(in_database(settings, new_category_data))
    response = client.post(URL + "add", data={**form, "csrf_token": token}, follow_redirects=False)
    assert response.status_code == 303, response.text
    assert "was added" in client.get(URL).text
    row = in_database(settings, create_category)
    assert client.get(f"{URL}{row.id}/").status_code == 200
    form = form_data(in_database(settings, new_category_data))
    response = client.post(
        f"{URL}{row.id}/", data={**form, "csrf_token": token}, follow_redirects=False
    )
    assert response.status_code == 303, response.text
    assert "was changed" in client.get(URL).text


def test_delete_names_the_products_that_forbid_it(
    client: TestClient, settings: Settings, make_user: MakeUser
) -> None:
    # `category` of products: `on_delete: restrict`.
    product = in_database(settings, create_product)
    row_id = product.category_id
    token = log_in_staff(client, make_user)
    page = client.get(f"{URL}{row_id}/delete")
    assert page.status_code == 200
    assert "protected related objects" in page.text
    assert str(escape(str(product))) in page.text
    assert "Yes, delete it" not in page.text
    response = client.post(f"{URL}{row_id}/delete", data={"csrf_token": token})
    assert response.status_code == 409
    assert str(escape("1 product (category)")) in response.text
    assert client.get(f"{URL}{row_id}/").status_code == 200
    data = {"ids": [str(row_id)], "csrf_token": token}
    page = client.post(URL + "delete", data=data)
    assert "protected related objects" in page.text
    data = {**data, "confirm": "yes"}
    assert client.post(URL + "delete", data=data, follow_redirects=False).status_code == 303
    assert "Nothing was deleted" in client.get(URL).text
    assert client.get(f"{URL}{row_id}/").status_code == 200


def test_a_delete_the_database_refuses_is_a_409_page(
    client: TestClient, settings: Settings, make_user: MakeUser, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The last line of defence: without the service's check, the foreign key refuses,
    # the session is rolled back, and the page (the logged-in user's menu included)
    # still renders.
    async def nothing_refers(*_args: object) -> DeletionEffects:
        return DeletionEffects()

    monkeypatch.setattr(category_crud, "deletion_effects", nothing_refers)
    product = in_database(settings, create_product)
    row_id = product.category_id
    token = log_in_staff(client, make_user)
    response = client.post(f"{URL}{row_id}/delete", data={"csrf_token": token})
    assert response.status_code == 409
    assert "Other rows still refer to this" in response.text
    assert "staff@example.com" in response.text
    assert client.get(f"{URL}{row_id}/").status_code == 200
