"""Helpers shared by the tests: the test password, CSRF tokens, logging in."""

import re

from fastapi.testclient import TestClient
from markupsafe import escape

PASSWORD = "correct horse battery staple"


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
