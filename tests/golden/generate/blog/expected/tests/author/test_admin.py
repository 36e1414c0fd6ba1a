"""The author admin: staff only; list, search, filters, sorting, add, change, delete."""

import pytest
from fastapi.testclient import TestClient
from markupsafe import escape

from blog.kit.deletion import DeletionEffects
from blog.services import author as author_service
from blog.settings import Settings
from tests.author.factories import create_author, new_author_data
from tests.author.forms import form_data
from tests.conftest import MakeUser
from tests.helpers import csrf_token_of, log_in
from tests.post.factories import create_post
from tests.resources import in_database

URL = "/admin/authors/"


def log_in_staff(client: TestClient, make_user: MakeUser) -> str:
    """Log in as staff; returns the session's CSRF token for forms."""
    make_user("staff@example.com", is_staff=True)
    log_in(client, "staff@example.com")
    return csrf_token_of(client, URL)


def change_link(row_id: int) -> str:
    return f'href="{URL}{row_id}/"'


def test_anonymous_visitors_are_sent_to_login(client: TestClient) -> None:
    response = client.get(URL, follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/login?next=/admin/authors/"


def test_users_who_are_not_staff_are_forbidden(client: TestClient, make_user: MakeUser) -> None:
    make_user("user@example.com")
    log_in(client, "user@example.com")
    assert client.get(URL).status_code == 403
    assert client.get(URL + "add").status_code == 403


def test_the_dashboard_links_here(client: TestClient, make_user: MakeUser) -> None:
    log_in_staff(client, make_user)
    assert f'href="{URL}"' in client.get("/admin/").text


def test_list_shows_columns_and_count(
    client: TestClient, settings: Settings, make_user: MakeUser
) -> None:
    row = in_database(settings, create_author)
    log_in_staff(client, make_user)
    response = client.get(URL)
    assert response.status_code == 200
    assert change_link(row.id) in response.text
    assert ">Name<" in response.text  # column header
    assert ">Email<" in response.text  # column header
    assert ">Website<" in response.text  # column header
    assert "of 1 authors" in response.text  # the total count


def test_sorting_by_a_column_orders_the_rows(
    client: TestClient, settings: Settings, make_user: MakeUser
) -> None:
    first = in_database(settings, create_author)
    second = in_database(settings, create_author)
    log_in_staff(client, make_user)
    ascending = client.get(URL, params={"sort": "id"}).text
    assert ascending.index(change_link(first.id)) < ascending.index(change_link(second.id))
    descending = client.get(URL, params={"sort": "-id"}).text
    assert descending.index(change_link(second.id)) < descending.index(change_link(first.id))
    assert client.get(URL, params={"sort": "-name"}).status_code == 200
    assert client.get(URL, params={"sort": "-email"}).status_code == 200
    assert client.get(URL, params={"sort": "-website"}).status_code == 200


def test_search(client: TestClient, settings: Settings, make_user: MakeUser) -> None:
    row = in_database(settings, create_author)
    log_in_staff(client, make_user)
    response = client.get(URL, params={"q": row.name})
    assert change_link(row.id) in response.text
    response = client.get(URL, params={"q": "nothing-matches-this"})
    assert change_link(row.id) not in response.text
    assert "0 authors" in response.text


def test_add_shows_errors_then_saves(
    client: TestClient, settings: Settings, make_user: MakeUser
) -> None:
    token = log_in_staff(client, make_user)
    assert client.get(URL + "add").status_code == 200
    form = form_data(in_database(settings, new_author_data))
    response = client.post(URL + "add", data={**form, "name": "", "csrf_token": token})
    assert response.status_code == 422
    assert "This field is required." in response.text
    response = client.post(URL + "add", data={**form, "csrf_token": token}, follow_redirects=False)
    assert response.status_code == 303, response.text
    assert response.headers["location"] == URL
    assert "was added" in client.get(URL).text


def test_change(client: TestClient, settings: Settings, make_user: MakeUser) -> None:
    row = in_database(settings, create_author)
    token = log_in_staff(client, make_user)
    assert client.get(f"{URL}{row.id}/").status_code == 200
    form = form_data(in_database(settings, new_author_data))
    response = client.post(
        f"{URL}{row.id}/", data={**form, "csrf_token": token}, follow_redirects=False
    )
    assert response.status_code == 303, response.text
    assert "was changed" in client.get(URL).text


def test_delete_one_after_confirming(
    client: TestClient, settings: Settings, make_user: MakeUser
) -> None:
    row = in_database(settings, create_author)
    token = log_in_staff(client, make_user)
    assert client.get(f"{URL}{row.id}/delete").status_code == 200
    response = client.post(
        f"{URL}{row.id}/delete", data={"csrf_token": token}, follow_redirects=False
    )
    assert response.status_code == 303
    assert client.get(f"{URL}{row.id}/").status_code == 404


def test_bulk_delete_after_confirming(
    client: TestClient, settings: Settings, make_user: MakeUser
) -> None:
    first = in_database(settings, create_author)
    second = in_database(settings, create_author)
    token = log_in_staff(client, make_user)
    ids = [str(first.id), str(second.id)]
    response = client.post(URL + "delete", data={"ids": ids, "csrf_token": token})
    assert response.status_code == 200  # the confirmation page: nothing deleted yet
    assert str(escape(str(first))) in response.text
    assert client.get(f"{URL}{first.id}/").status_code == 200
    data = {"ids": ids, "confirm": "yes", "csrf_token": token}
    response = client.post(URL + "delete", data=data, follow_redirects=False)
    assert response.status_code == 303
    assert "Deleted 2" in client.get(URL).text
    assert client.get(f"{URL}{first.id}/").status_code == 404
    assert client.get(f"{URL}{second.id}/").status_code == 404


def test_forms_without_the_csrf_token_are_refused(
    client: TestClient, settings: Settings, make_user: MakeUser
) -> None:
    row = in_database(settings, create_author)
    log_in_staff(client, make_user)
    assert (
        client.post(URL + "delete", data={"ids": [str(row.id)], "confirm": "yes"}).status_code
        == 403
    )
    assert client.post(f"{URL}{row.id}/delete").status_code == 403
    assert client.get(f"{URL}{row.id}/").status_code == 200


def test_a_page_past_the_last_shows_the_last(
    client: TestClient, settings: Settings, make_user: MakeUser
) -> None:
    row = in_database(settings, create_author)
    log_in_staff(client, make_user)
    response = client.get(URL, params={"page": 99})
    assert response.status_code == 200
    assert change_link(row.id) in response.text  # page 1 of 1, not an empty page 99
    assert client.get(URL, params={"page": 10**20}).status_code == 422


def test_ids_no_row_can_have_are_404(
    client: TestClient, settings: Settings, make_user: MakeUser
) -> None:
    row = in_database(settings, create_author)
    token = log_in_staff(client, make_user)
    for row_id in ("99999999999999999999", "2147483648", "0"):
        assert client.get(f"{URL}{row_id}/").status_code == 404
        assert client.get(f"{URL}{row_id}/delete").status_code == 404
    data = {"ids": ["²", "99999999999999999999", "-1", "٣"], "csrf_token": token}
    response = client.post(URL + "delete", data=data, follow_redirects=False)
    assert response.status_code == 303  # nothing selected: back to the list
    data = {"ids": ["²", str(row.id)], "confirm": "yes", "csrf_token": token}
    assert client.post(URL + "delete", data=data, follow_redirects=False).status_code == 303
    assert client.get(f"{URL}{row.id}/").status_code == 404


def test_delete_names_the_posts_that_forbid_it(
    client: TestClient, settings: Settings, make_user: MakeUser
) -> None:
    # `author` of posts: `on_delete: restrict`.
    post = in_database(settings, create_post)
    row_id = post.author_id
    token = log_in_staff(client, make_user)
    page = client.get(f"{URL}{row_id}/delete")
    assert page.status_code == 200
    assert "protected related objects" in page.text
    assert str(escape(str(post))) in page.text
    assert "Yes, delete it" not in page.text
    response = client.post(f"{URL}{row_id}/delete", data={"csrf_token": token})
    assert response.status_code == 409
    assert str(escape("1 post (author)")) in response.text
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

    monkeypatch.setattr(author_service.authors, "deletion_effects", nothing_refers)
    post = in_database(settings, create_post)
    row_id = post.author_id
    token = log_in_staff(client, make_user)
    response = client.post(f"{URL}{row_id}/delete", data={"csrf_token": token})
    assert response.status_code == 409
    assert "Other rows still refer to this" in response.text
    assert "staff@example.com" in response.text
    assert client.get(f"{URL}{row_id}/").status_code == 200
