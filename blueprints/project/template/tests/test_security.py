from fastapi.testclient import TestClient

from tests.conftest import MakeUser
from tests.helpers import PASSWORD, csrf_token_of


def test_form_post_without_csrf_token_is_refused(client: TestClient, make_user: MakeUser) -> None:
    make_user("ada@example.com")
    client.get("/login")  # a session exists, but the form carries no token
    data = {"email": "ada@example.com", "password": PASSWORD}
    response = client.post("/login", data=data, follow_redirects=False)
    assert response.status_code == 403
    assert "Traceback" not in response.text


def test_form_post_with_a_wrong_csrf_token_is_refused(client: TestClient) -> None:
    client.get("/login")
    response = client.post("/logout", data={"csrf_token": "forged"}, follow_redirects=False)
    assert response.status_code == 403


def test_csrf_token_is_accepted_as_a_header(client: TestClient) -> None:
    headers = {"X-CSRF-Token": csrf_token_of(client)}
    response = client.post("/logout", headers=headers, follow_redirects=False)
    assert response.status_code == 303


def test_json_post_to_a_page_needs_the_token_too(client: TestClient) -> None:
    response = client.post("/logout", json={}, follow_redirects=False)
    assert response.status_code == 403


def test_security_headers(client: TestClient) -> None:
    headers = client.get("/").headers
    csp = headers["content-security-policy"]
    assert "frame-ancestors 'none'" in csp
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "strict-origin-when-cross-origin"
    assert headers["x-frame-options"] == "DENY"


def test_templates_escape_user_input(client: TestClient) -> None:
    data = {"email": "<script>x</script>", "password": "p", "csrf_token": csrf_token_of(client)}
    response = client.post("/login", data=data)
    assert "<script>x</script>" not in response.text
    assert "&lt;script&gt;" in response.text


def test_unknown_hosts_are_refused(client: TestClient) -> None:
    response = client.get("/health", headers={"Host": "evil.example.com"})
    assert response.status_code == 400


def test_htmx_is_served_locally(client: TestClient) -> None:
    response = client.get("/static/htmx.min.js")
    assert response.status_code == 200
    assert "htmx" in response.text
