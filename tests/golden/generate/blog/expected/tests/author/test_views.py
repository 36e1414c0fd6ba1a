"""The author pages: what this resource declares (columns, sort keys, search, form) works.

What every resource's pages do alike — login for writes, CSRF, paging, flash
messages — is tested once, in tests/kit/test_pages.py.
"""

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


def test_list_and_detail_show_the_author(client: TestClient, settings: Settings) -> None:
    row = in_database(settings, create_author)
    link = f'href="{URL}{row.id}"'
    assert link in client.get(URL).text
    fragment = client.get(URL, headers={"HX-Request": "true"}).text
    assert 'id="author-results"' in fragment
    assert link in fragment
    assert str(escape(str(row))) in client.get(f"{URL}{row.id}").text


def test_every_column_sorts(client: TestClient, settings: Settings) -> None:
    in_database(settings, create_author)
    for key in ("name", "email", "website"):
        for sort, state in ((key, "ascending"), (f"-{key}", "descending")):
            response = client.get(URL, params={"sort": sort})
            assert f'aria-sort="{state}"' in response.text, sort


def test_search(client: TestClient, settings: Settings) -> None:
    row = in_database(settings, create_author)
    link = f'href="{URL}{row.id}"'
    assert link in client.get(URL, params={"q": row.name}).text
    response = client.get(URL, params={"q": "nothing-matches-this"})
    assert link not in response.text
    assert "match" in response.text


def test_create_edit_delete(client: TestClient, settings: Settings, make_user: MakeUser) -> None:
    token = log_in_editor(client, make_user)
    assert f'action="{URL}new"' in client.get(URL + "new").text  # the form posts back here
    form = form_data(in_database(settings, new_author_data))
    invalid = {**form, "name": "", "csrf_token": token}
    response = client.post(URL + "new", data=invalid)
    assert response.status_code == 422
    assert "This field is required." in response.text
    assert f'action="{URL}new"' in response.text
    assert str(escape(form["email"])) in response.text  # what was typed is kept
    response = client.post(URL + "new", data={**form, "csrf_token": token}, follow_redirects=False)
    assert response.status_code == 303, response.text
    page = response.headers["location"]
    assert f'action="{page}/edit"' in client.get(page + "/edit").text
    changed = form_data(in_database(settings, new_author_data))
    response = client.post(page + "/edit", data={**changed, "csrf_token": token})
    assert response.url.path == page, response.text
    assert str(escape(changed["email"])) in response.text
    assert client.get(page + "/delete").status_code == 200
    response = client.post(page + "/delete", data={"csrf_token": token})
    assert response.url.path == URL
    assert client.get(page).status_code == 404


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
