from fastapi import FastAPI
from fastapi.testclient import TestClient

from tests.helpers import csrf_token_of


def test_unknown_page_is_an_html_404(client: TestClient) -> None:
    response = client.get("/no/such/page")
    assert response.status_code == 404
    assert "text/html" in response.headers["content-type"]
    assert "404 Not Found" in response.text


def test_unknown_api_path_is_a_json_404(client: TestClient) -> None:
    response = client.get("/api/no-such-thing")
    assert response.status_code == 404
    assert response.json() == {"detail": "Not Found"}


def test_invalid_api_input_is_a_json_422(client: TestClient) -> None:
    response = client.post("/api/auth/token", data={})
    assert response.status_code == 422
    assert isinstance(response.json()["detail"], list)


def test_invalid_form_input_is_an_html_422(client: TestClient) -> None:
    response = client.post("/login", data={"csrf_token": csrf_token_of(client)})
    assert response.status_code == 422
    assert "text/html" in response.headers["content-type"]


def test_server_errors_never_leak_details(app: FastAPI) -> None:
    async def explode() -> None:
        raise RuntimeError("secret internals")

    app.add_api_route("/explode", explode)
    app.add_api_route("/api/explode", explode)
    with TestClient(app, base_url="https://testserver", raise_server_exceptions=False) as client:
        page = client.get("/explode")
        assert page.status_code == 500
        assert "text/html" in page.headers["content-type"]
        api = client.get("/api/explode")
        assert api.status_code == 500
        assert api.json() == {"detail": "Internal Server Error"}
        for response in (page, api):
            assert "secret internals" not in response.text
            assert "Traceback" not in response.text
            assert response.headers["x-content-type-options"] == "nosniff"
