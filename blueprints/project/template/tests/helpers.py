"""Helpers shared by the tests: the test password, CSRF tokens, logging in, resource checks."""

import re
from collections.abc import Callable, Sequence
from typing import Any

from fastapi.testclient import TestClient
from markupsafe import escape

PASSWORD = "correct horse battery staple"
#: `make_user(email, is_staff=True)`: the fixture of tests/conftest.py.
MakeUser = Callable[..., Any]


def csrf_token_of(client: TestClient, path: str = "/login") -> str:
    """The CSRF token of the client's session, read from a page's form."""
    match = re.search(r'name="csrf_token" value="([^"]+)"', client.get(path).text)
    assert match, f"no CSRF token on {path}"
    return match.group(1)


def column_header(label: str) -> str:
    """A list column's header as the page shows it: HTML-escaped, as Jinja does."""
    return f">{escape(label)}<"


def log_in(client: TestClient, email: str, password: str = PASSWORD) -> None:
    data = {"email": email, "password": password, "csrf_token": csrf_token_of(client)}
    response = client.post("/login", data=data, follow_redirects=False)
    assert response.status_code == 303, response.text


def bearer_headers(client: TestClient, email: str, password: str = PASSWORD) -> dict[str, str]:
    """Authorization headers for API calls as this user (via POST /api/auth/token)."""
    response = client.post("/api/auth/token", data={"username": email, "password": password})
    assert response.status_code == 200, response.text
    return {"Authorization": f"Bearer {response.json()['access_token']}"}


def log_in_as(client: TestClient, make_user: MakeUser, email: str, **flags: bool) -> str:
    """Create a user (`is_staff=True` for the admin) and log in; the session's CSRF token."""
    make_user(email, **flags)
    log_in(client, email)
    return csrf_token_of(client)


# What each resource's admin and pages declare, checked the same way for every resource.
# The behaviour they share (login, CSRF, paging, flash messages) is tested in tests/kit/.

FormData = dict[str, str | list[str]]


def check_admin_list(
    client: TestClient,
    url: str,
    row_id: int,
    *,
    plural: str,
    columns: Sequence[str],
    sort: Sequence[str],
    search: str | None = None,
) -> None:
    """The change list at `url` (staff logged in) shows the row, the columns, sorts, searches."""
    link = f'href="{url}{row_id}/"'
    text = client.get(url).text
    assert link in text
    for label in columns:
        assert column_header(label) in text, label
    assert f"of 1 {plural}" in text  # the total count
    assert f'href="{url}"' in client.get("/admin/").text  # the dashboard links here
    for key in sort:
        assert 'aria-sort="descending"' in client.get(url, params={"sort": f"-{key}"}).text, key
    if search is not None:
        assert link in client.get(url, params={"q": search}).text
        text = client.get(url, params={"q": "nothing-matches-this"}).text
        assert link not in text
        assert f"0 {plural}" in text


def check_admin_filter(
    client: TestClient, url: str, row_id: int, param: str, value: str, others: Sequence[str]
) -> None:
    """Filtering the change list on `param` keeps the row for `value`, not for the others."""
    link = f'href="{url}{row_id}/"'
    text = client.get(url, params={param: value}).text
    assert link in text
    assert 'aria-current="true"' in text
    for other in others:
        if other != value:
            assert link not in client.get(url, params={param: other}).text, other


def check_admin_form(
    client: TestClient, url: str, token: str, row_id: int, added: FormData, changed: FormData
) -> None:
    """The admin form adds a row from `added`, changes row `row_id` to `changed`, deletes it."""
    response = client.post(url + "add", data={**added, "csrf_token": token})
    assert response.url.path == url, response.text
    assert "was added" in response.text
    assert client.get(f"{url}{row_id}/").status_code == 200
    response = client.post(f"{url}{row_id}/", data={**changed, "csrf_token": token})
    assert response.url.path == url, response.text
    assert "was changed" in response.text
    response = client.post(f"{url}{row_id}/delete", data={"csrf_token": token})
    assert "was deleted" in response.text
    assert client.get(f"{url}{row_id}/").status_code == 404


def check_admin_delete_refused(
    client: TestClient, url: str, token: str, row_id: int, blocking: str, group: str
) -> None:
    """Row `row_id` cannot be deleted, alone or ticked: the pages name `blocking`, in `group`."""
    page = client.get(f"{url}{row_id}/delete").text
    assert "protected related objects" in page
    assert str(escape(blocking)) in page
    assert "Yes, delete it" not in page
    response = client.post(f"{url}{row_id}/delete", data={"csrf_token": token})
    assert response.status_code == 409
    assert str(escape(group)) in response.text
    data = {"ids": [str(row_id)], "csrf_token": token}
    assert "protected related objects" in client.post(url + "delete", data=data).text
    response = client.post(url + "delete", data={**data, "confirm": "yes"})
    assert "Nothing was deleted" in response.text
    assert client.get(f"{url}{row_id}/").status_code == 200


def check_admin_delete_cascades(
    client: TestClient, url: str, token: str, row_id: int, deleted: str
) -> None:
    """Deleting row `row_id` says that `deleted` goes with it, then deletes."""
    page = client.get(f"{url}{row_id}/delete").text
    assert "will be deleted with it" in page
    assert str(escape(deleted)) in page
    response = client.post(f"{url}{row_id}/delete", data={"csrf_token": token})
    assert "was deleted" in response.text
    assert client.get(f"{url}{row_id}/").status_code == 404


def check_pages_list(
    client: TestClient,
    url: str,
    row_id: int,
    *,
    shown: str,
    results: str,
    sort: Sequence[str] = (),
    search: str | None = None,
) -> None:
    """The public list at `url` links to the row, sorts by `sort`, searches; its page shows it."""
    link = f'href="{url}{row_id}"'
    assert link in client.get(url).text
    fragment = client.get(url, headers={"HX-Request": "true"}).text
    assert f'id="{results}"' in fragment
    assert link in fragment
    assert str(escape(shown)) in client.get(f"{url}{row_id}").text
    for key in sort:
        for value, state in ((key, "ascending"), (f"-{key}", "descending")):
            assert f'aria-sort="{state}"' in client.get(url, params={"sort": value}).text, value
    if search is not None:
        assert link in client.get(url, params={"q": search}).text
        text = client.get(url, params={"q": "nothing-matches-this"}).text
        assert link not in text
        assert "match" in text


def check_pages_form(
    client: TestClient,
    url: str,
    token: str,
    form: FormData,
    changed: FormData,
    *,
    required: str | None = None,
    kept: str | None = None,
) -> None:
    """Create from `form` (refused first with `required` left blank), edit to `changed`, delete.

    `kept`: a text input whose value the pages show again, after a refusal and an edit.
    """
    assert f'action="{url}new"' in client.get(url + "new").text  # the form posts back here
    if required is not None:
        response = client.post(url + "new", data={**form, required: "", "csrf_token": token})
        assert response.status_code == 422
        assert "This field is required." in response.text
        assert f'action="{url}new"' in response.text
        if kept is not None:
            assert str(escape(form[kept])) in response.text  # what was typed is kept
    response = client.post(url + "new", data={**form, "csrf_token": token}, follow_redirects=False)
    assert response.status_code == 303, response.text
    page = str(response.headers["location"])
    assert f'action="{page}/edit"' in client.get(page + "/edit").text
    response = client.post(page + "/edit", data={**changed, "csrf_token": token})
    assert response.url.path == page, response.text
    if kept is not None:
        assert str(escape(changed[kept])) in response.text
    assert client.get(page + "/delete").status_code == 200
    response = client.post(page + "/delete", data={"csrf_token": token})
    assert response.url.path == url
    assert client.get(page).status_code == 404


def check_pages_delete_refused(
    client: TestClient, url: str, token: str, row_id: int, group: str
) -> None:
    """Row `row_id` cannot be deleted from the pages: the refusal names `group`."""
    assert "cannot be deleted" in client.get(f"{url}{row_id}/delete").text
    response = client.post(f"{url}{row_id}/delete", data={"csrf_token": token})
    assert response.status_code == 409
    assert str(escape(group)) in response.text
    assert client.get(f"{url}{row_id}").status_code == 200
