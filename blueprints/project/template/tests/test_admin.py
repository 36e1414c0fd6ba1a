from fastapi.testclient import TestClient

from tests.conftest import MakeUser
from tests.helpers import log_in


def test_anonymous_visitors_are_sent_to_login(client: TestClient) -> None:
    response = client.get("/admin/", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/login?next=/admin/"


def test_non_staff_users_are_forbidden(client: TestClient, make_user: MakeUser) -> None:
    make_user("ada@example.com")
    log_in(client, "ada@example.com")
    response = client.get("/admin/")
    assert response.status_code == 403
    assert "text/html" in response.headers["content-type"]


def test_staff_see_the_dashboard(client: TestClient, make_user: MakeUser) -> None:
    make_user("staff@example.com", is_staff=True)
    log_in(client, "staff@example.com")
    response = client.get("/admin/")
    assert response.status_code == 200
    assert "Dashboard" in response.text
