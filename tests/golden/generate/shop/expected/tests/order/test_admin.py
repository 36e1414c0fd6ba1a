"""The order admin: staff only; list, search, filters, sorting, add, change, delete."""

from fastapi.testclient import TestClient
from markupsafe import escape

from shop.settings import Settings
from tests.conftest import MakeUser
from tests.helpers import column_header, csrf_token_of, log_in
from tests.order.factories import create_order, new_order_data
from tests.order.forms import form_data
from tests.order_line.factories import create_order_line
from tests.resources import in_database

URL = "/admin/orders/"


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
    row = in_database(settings, create_order)
    log_in_staff(client, make_user)
    response = client.get(URL)
    assert response.status_code == 200
    assert change_link(row.id) in response.text
    assert column_header("ID") in response.text
    assert column_header("Number") in response.text
    assert column_header("Customer") in response.text
    assert column_header("Status") in response.text
    assert "of 1 orders" in response.text  # the total count
    assert f'href="{URL}"' in client.get("/admin/").text  # the dashboard links here
    assert client.get(URL, params={"sort": "-id"}).status_code == 200
    assert client.get(URL, params={"sort": "-number"}).status_code == 200
    assert client.get(URL, params={"sort": "-customer_id"}).status_code == 200
    assert client.get(URL, params={"sort": "-status"}).status_code == 200


def test_filter_by_customer(client: TestClient, settings: Settings, make_user: MakeUser) -> None:
    row = in_database(settings, create_order)
    log_in_staff(client, make_user)
    matching, other = str(row.customer_id), "999999999"
    response = client.get(URL, params={"customer_id": matching})
    assert change_link(row.id) in response.text
    assert 'aria-current="true"' in response.text
    response = client.get(URL, params={"customer_id": other})
    assert change_link(row.id) not in response.text


def test_the_form_adds_and_changes(
    client: TestClient, settings: Settings, make_user: MakeUser
) -> None:
    token = log_in_staff(client, make_user)
    form = form_data(in_database(settings, new_order_data))
    response = client.post(URL + "add", data={**form, "csrf_token": token}, follow_redirects=False)
    assert response.status_code == 303, response.text
    assert "was added" in client.get(URL).text
    row = in_database(settings, create_order)
    assert client.get(f"{URL}{row.id}/").status_code == 200
    form = form_data(in_database(settings, new_order_data))
    response = client.post(
        f"{URL}{row.id}/", data={**form, "csrf_token": token}, follow_redirects=False
    )
    assert response.status_code == 303, response.text
    assert "was changed" in client.get(URL).text


def test_delete_lists_the_order_lines_deleted_with_it(
    client: TestClient, settings: Settings, make_user: MakeUser
) -> None:
    # `order` of order lines: `on_delete: cascade`.
    order_line = in_database(settings, create_order_line)
    row_id = order_line.order_id
    token = log_in_staff(client, make_user)
    page = client.get(f"{URL}{row_id}/delete")
    assert page.status_code == 200
    assert "will be deleted with it" in page.text
    assert str(escape(str(order_line))) in page.text
    response = client.post(
        f"{URL}{row_id}/delete", data={"csrf_token": token}, follow_redirects=False
    )
    assert response.status_code == 303
