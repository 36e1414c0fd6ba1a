"""The author pages: reading for everyone, writing for logged-in users, CSRF on every form."""

from fastapi.testclient import TestClient
from markupsafe import escape

from blog.settings import Settings
from tests.author.factories import create_author, new_author_data
from tests.author.forms import form_data
from tests.conftest import MakeUser
from tests.helpers import csrf_token_of, log_in
from tests.post.factories import create_post
from tests.resources import in_database

URL = "/authors/"


def log_in_editor(client: TestClient, make_user: MakeUser) -> str:
    """Log in as an ordinary user; returns the session's CSRF token for forms."""
    make_user("editor@example.com")
    log_in(client, "editor@example.com")
    return csrf_token_of(client, URL)


def test_anyone_can_list_and_read(client: TestClient, settings: Settings) -> None:
    row = in_database(settings, create_author)
    response = client.get(URL)
    assert response.status_code == 200
    assert f'href="{URL}{row.id}"' in response.text
    response = client.get(f"{URL}{row.id}")
    assert response.status_code == 200
    assert str(escape(str(row))) in response.text


def test_a_missing_author_is_404(client: TestClient) -> None:
    assert client.get(f"{URL}999999999").status_code == 404


def test_htmx_gets_only_the_results(client: TestClient, settings: Settings) -> None:
    row = in_database(settings, create_author)
    response = client.get(URL, headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert 'id="author-results"' in response.text
    assert "<html" not in response.text
    assert f'href="{URL}{row.id}"' in response.text


def test_list_sorts_by_every_column_and_pages(client: TestClient, settings: Settings) -> None:
    in_database(settings, create_author)
    for key in ("name", "email", "website"):
        for sort, state in ((key, "ascending"), (f"-{key}", "descending")):
            response = client.get(URL, params={"sort": sort})
            assert response.status_code == 200, sort
            assert f'aria-sort="{state}"' in response.text, sort
    assert client.get(URL, params={"sort": "no-such-column"}).status_code == 200
    assert client.get(URL, params={"page": 2}).status_code == 200
    assert client.get(URL, params={"page": 0}).status_code == 422


def test_search(client: TestClient, settings: Settings) -> None:
    row = in_database(settings, create_author)
    link = f'href="{URL}{row.id}"'
    response = client.get(URL, params={"q": row.name})
    assert link in response.text
    response = client.get(URL, params={"q": "nothing-matches-this"})
    assert link not in response.text
    assert "match" in response.text


def test_anonymous_visitors_are_sent_to_login(client: TestClient, settings: Settings) -> None:
    row = in_database(settings, create_author)
    for path in ("new", f"{row.id}/edit", f"{row.id}/delete"):
        response = client.get(URL + path, follow_redirects=False)
        assert response.status_code == 303, path
        assert response.headers["location"].startswith("/login?next=")
    token = csrf_token_of(client)  # from the login page: a valid token, but nobody logged in
    response = client.post(URL + "new", data={"csrf_token": token}, follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"].startswith("/login?next=")


def test_create_shows_errors_then_saves(
    client: TestClient, settings: Settings, make_user: MakeUser
) -> None:
    token = log_in_editor(client, make_user)
    assert client.get(URL + "new").status_code == 200
    form = form_data(in_database(settings, new_author_data))
    invalid = {**form, "name": ""}
    response = client.post(URL + "new", data={**invalid, "csrf_token": token})
    assert response.status_code == 422
    assert "This field is required." in response.text
    assert 'aria-invalid="true"' in response.text
    assert str(escape(form["email"])) in response.text  # what was typed is kept
    response = client.post(URL + "new", data={**form, "csrf_token": token}, follow_redirects=False)
    assert response.status_code == 303, response.text
    location = response.headers["location"]
    assert location.startswith(URL)
    assert client.get(location).status_code == 200


def test_edit(client: TestClient, settings: Settings, make_user: MakeUser) -> None:
    row = in_database(settings, create_author)
    token = log_in_editor(client, make_user)
    assert client.get(f"{URL}{row.id}/edit").status_code == 200
    form = form_data(in_database(settings, new_author_data))
    response = client.post(
        f"{URL}{row.id}/edit", data={**form, "csrf_token": token}, follow_redirects=False
    )
    assert response.status_code == 303, response.text
    assert response.headers["location"] == f"{URL}{row.id}"
    assert str(escape(form["email"])) in client.get(f"{URL}{row.id}").text


def test_delete_asks_first(client: TestClient, settings: Settings, make_user: MakeUser) -> None:
    row = in_database(settings, create_author)
    token = log_in_editor(client, make_user)
    response = client.get(f"{URL}{row.id}/delete")
    assert response.status_code == 200
    assert client.get(f"{URL}{row.id}").status_code == 200  # asking deleted nothing
    response = client.post(
        f"{URL}{row.id}/delete", data={"csrf_token": token}, follow_redirects=False
    )
    assert response.status_code == 303
    assert client.get(f"{URL}{row.id}").status_code == 404


def test_forms_without_the_csrf_token_are_refused(
    client: TestClient, settings: Settings, make_user: MakeUser
) -> None:
    row = in_database(settings, create_author)
    log_in_editor(client, make_user)
    form = form_data(in_database(settings, new_author_data))
    assert client.post(URL + "new", data=form).status_code == 403
    assert client.post(f"{URL}{row.id}/edit", data=form).status_code == 403
    assert client.post(f"{URL}{row.id}/delete").status_code == 403
    assert client.get(f"{URL}{row.id}").status_code == 200  # still there


def test_a_page_past_the_last_shows_the_last(client: TestClient, settings: Settings) -> None:
    row = in_database(settings, create_author)
    response = client.get(URL, params={"page": 99})
    assert response.status_code == 200
    assert f'href="{URL}{row.id}"' in response.text
    assert client.get(URL, params={"page": 10**20}).status_code == 422


def test_ids_no_row_can_have_are_404(client: TestClient) -> None:
    for row_id in ("99999999999999999999", "2147483648", "0"):
        assert client.get(f"{URL}{row_id}").status_code == 404


def test_delete_says_which_posts_forbid_it(
    client: TestClient, settings: Settings, make_user: MakeUser
) -> None:
    post = in_database(settings, create_post)
    row_id = post.author_id
    token = log_in_editor(client, make_user)
    page = client.get(f"{URL}{row_id}/delete")
    assert page.status_code == 200
    assert "cannot be deleted" in page.text
    response = client.post(f"{URL}{row_id}/delete", data={"csrf_token": token})
    assert response.status_code == 409
    assert str(escape("1 post (author)")) in response.text
    assert "editor@example.com" in response.text
    assert client.get(f"{URL}{row_id}").status_code == 200
