"""The comment admin: staff only; list, search, filters, sorting, add, change, delete."""

from fastapi.testclient import TestClient

from blog.settings import Settings
from tests.comment.factories import create_comment, new_comment_data
from tests.comment.forms import form_data
from tests.conftest import MakeUser
from tests.helpers import column_header, csrf_token_of, log_in
from tests.resources import in_database

URL = "/admin/comments/"


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
    row = in_database(settings, create_comment)
    log_in_staff(client, make_user)
    response = client.get(URL)
    assert response.status_code == 200
    assert change_link(row.id) in response.text
    assert column_header("ID") in response.text
    assert column_header("Post") in response.text
    assert column_header("User") in response.text
    assert column_header("Approved") in response.text
    assert "of 1 comments" in response.text  # the total count
    assert f'href="{URL}"' in client.get("/admin/").text  # the dashboard links here
    assert client.get(URL, params={"sort": "-id"}).status_code == 200
    assert client.get(URL, params={"sort": "-post_id"}).status_code == 200
    assert client.get(URL, params={"sort": "-user_id"}).status_code == 200
    assert client.get(URL, params={"sort": "-approved"}).status_code == 200


def test_filter_by_post(client: TestClient, settings: Settings, make_user: MakeUser) -> None:
    row = in_database(settings, create_comment)
    log_in_staff(client, make_user)
    matching, other = str(row.post_id), "999999999"
    response = client.get(URL, params={"post_id": matching})
    assert change_link(row.id) in response.text
    assert 'aria-current="true"' in response.text
    response = client.get(URL, params={"post_id": other})
    assert change_link(row.id) not in response.text


def test_the_form_adds_and_changes(
    client: TestClient, settings: Settings, make_user: MakeUser
) -> None:
    token = log_in_staff(client, make_user)
    form = form_data(in_database(settings, new_comment_data))
    response = client.post(URL + "add", data={**form, "csrf_token": token}, follow_redirects=False)
    assert response.status_code == 303, response.text
    assert "was added" in client.get(URL).text
    row = in_database(settings, create_comment)
    assert client.get(f"{URL}{row.id}/").status_code == 200
    form = form_data(in_database(settings, new_comment_data))
    response = client.post(
        f"{URL}{row.id}/", data={**form, "csrf_token": token}, follow_redirects=False
    )
    assert response.status_code == 303, response.text
    assert "was changed" in client.get(URL).text
