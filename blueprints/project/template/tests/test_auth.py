from fastapi.testclient import TestClient

from tests.conftest import SESSION_COOKIE, ChangePassword, MakeUser
from tests.helpers import PASSWORD, bearer_headers, csrf_token_of, log_in


def test_login_page_has_a_csrf_protected_form(client: TestClient) -> None:
    response = client.get("/login")
    assert response.status_code == 200
    assert 'name="csrf_token"' in response.text


def test_login_starts_a_new_secure_session(client: TestClient, make_user: MakeUser) -> None:
    make_user("ada@example.com")
    token_before = csrf_token_of(client)
    cookie_before = client.cookies.get(SESSION_COOKIE)
    assert cookie_before is not None  # the login page's session, which holds the CSRF token
    data = {"email": "Ada@Example.com", "password": PASSWORD, "csrf_token": token_before}
    response = client.post("/login", data={**data, "next": "/admin/"}, follow_redirects=False)

    assert response.status_code == 303
    assert response.headers["location"] == "/admin/"
    set_cookie = response.headers["set-cookie"].lower()
    assert "httponly" in set_cookie
    assert "samesite=lax" in set_cookie
    assert "secure" in set_cookie
    assert client.cookies.get(SESSION_COOKIE) != cookie_before
    assert csrf_token_of(client, "/") != token_before  # rotated on login
    assert "ada@example.com" in client.get("/").text


def test_login_refuses_offsite_redirects(client: TestClient, make_user: MakeUser) -> None:
    make_user("ada@example.com")
    data = {
        "email": "ada@example.com",
        "password": PASSWORD,
        "csrf_token": csrf_token_of(client),
        "next": "//evil.example.com/",
    }
    response = client.post("/login", data=data, follow_redirects=False)
    assert response.headers["location"] == "/"


def test_wrong_password_is_refused(client: TestClient, make_user: MakeUser) -> None:
    make_user("ada@example.com")
    data = {"email": "ada@example.com", "password": "wrong", "csrf_token": csrf_token_of(client)}
    response = client.post("/login", data=data, follow_redirects=False)
    assert response.status_code == 400
    assert "Invalid email or password." in response.text
    assert "ada@example.com</" not in client.get("/").text


def test_inactive_user_cannot_log_in(client: TestClient, make_user: MakeUser) -> None:
    make_user("ada@example.com", is_active=False)
    data = {"email": "ada@example.com", "password": PASSWORD, "csrf_token": csrf_token_of(client)}
    response = client.post("/login", data=data, follow_redirects=False)
    assert response.status_code == 400


def test_logout_ends_the_session(client: TestClient, make_user: MakeUser) -> None:
    make_user("staff@example.com", is_staff=True)
    log_in(client, "staff@example.com")
    assert client.get("/admin/", follow_redirects=False).status_code == 200

    token = csrf_token_of(client, "/")
    response = client.post("/logout", data={"csrf_token": token}, follow_redirects=False)
    assert response.status_code == 303
    assert client.get("/admin/", follow_redirects=False).status_code == 303


def test_a_cookie_copied_before_logout_is_worthless_after(
    client: TestClient, make_user: MakeUser
) -> None:
    make_user("staff@example.com", is_staff=True)
    log_in(client, "staff@example.com")
    copied = dict(client.cookies.items())
    assert client.get("/admin/", follow_redirects=False).status_code == 200
    client.post("/logout", data={"csrf_token": csrf_token_of(client, "/")})

    # the copy replayed (by the same client: a second one would run its own event
    # loop, which the database pool's connections do not belong to on PostgreSQL)
    client.cookies.clear()
    client.cookies.update(copied)
    # the server ended the session: the copy is anonymous, however well signed
    assert client.get("/admin/", follow_redirects=False).status_code == 303
    assert "staff@example.com" not in client.get("/").text


def test_logout_ends_the_users_bearer_tokens(client: TestClient, make_user: MakeUser) -> None:
    make_user("ada@example.com")
    headers = bearer_headers(client, "ada@example.com")
    log_in(client, "ada@example.com")
    client.post("/logout", data={"csrf_token": csrf_token_of(client, "/")})
    assert client.get("/api/auth/me", headers=headers).status_code == 401


def test_api_logout_revokes_the_token_and_the_sessions(
    client: TestClient, make_user: MakeUser
) -> None:
    make_user("ada@example.com")
    headers = bearer_headers(client, "ada@example.com")
    log_in(client, "ada@example.com")

    response = client.post("/api/auth/logout", headers=headers)

    assert response.status_code == 204
    assert client.get("/api/auth/me", headers=headers).status_code == 401
    assert "ada@example.com" not in client.get("/").text
    fresh = bearer_headers(client, "ada@example.com")  # logging in again works
    assert client.get("/api/auth/me", headers=fresh).status_code == 200


def test_a_password_change_ends_sessions_and_tokens(
    client: TestClient, make_user: MakeUser, change_password: ChangePassword
) -> None:
    make_user("ada@example.com")
    headers = bearer_headers(client, "ada@example.com")
    log_in(client, "ada@example.com")

    change_password("ada@example.com", "a brand new passphrase")

    assert client.get("/api/auth/me", headers=headers).status_code == 401
    assert "ada@example.com" not in client.get("/").text
    log_in(client, "ada@example.com", "a brand new passphrase")
    assert "ada@example.com" in client.get("/").text


def test_token_for_valid_credentials(client: TestClient, make_user: MakeUser) -> None:
    make_user("ada@example.com")
    data = {"username": "ada@example.com", "password": PASSWORD}
    response = client.post("/api/auth/token", data=data)
    assert response.status_code == 200
    assert set(response.json()) == {"access_token", "token_type"}
    assert response.json()["token_type"] == "bearer"

    me = client.get("/api/auth/me", headers=bearer_headers(client, "ada@example.com"))
    assert me.status_code == 200
    assert me.json()["email"] == "ada@example.com"


def test_api_ignores_the_session_cookie(client: TestClient, make_user: MakeUser) -> None:
    make_user("ada@example.com")
    log_in(client, "ada@example.com")
    assert client.get("/api/auth/me").status_code == 401  # bearer tokens only


def test_token_is_refused_for_bad_credentials(client: TestClient, make_user: MakeUser) -> None:
    make_user("ada@example.com")
    make_user("gone@example.com", is_active=False)
    # NUL: no stored address has one (PostgreSQL refuses it in text): unknown, not an error.
    wrong = [("ada@example.com", "wrong"), ("gone@example.com", PASSWORD), ("a\x00@b.c", "x")]
    for username, password in wrong:
        response = client.post("/api/auth/token", data={"username": username, "password": password})
        assert response.status_code == 401
        assert response.headers["www-authenticate"] == "Bearer"


def test_api_requires_a_valid_token(client: TestClient) -> None:
    assert client.get("/api/auth/me").status_code == 401
    bad = {"Authorization": "Bearer not-a-token"}
    assert client.get("/api/auth/me", headers=bad).status_code == 401
