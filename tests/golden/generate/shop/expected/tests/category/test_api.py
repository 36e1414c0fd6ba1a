"""The JSON API of categories: /api/categories."""

import pytest
from fastapi.testclient import TestClient

from shop.schemas.category import CategoryRead, CategoryUpdate
from shop.settings import Settings
from tests.category.factories import create_category, new_category_data
from tests.conftest import MakeUser
from tests.product.factories import create_product
from tests.resources import count_queries, in_database, token_headers

URL = "/api/categories"
#: Keys a client writes and reads back unchanged.
ROUND_TRIP = {"name", "parent_id"}


@pytest.fixture
def headers(client: TestClient, make_user: MakeUser) -> dict[str, str]:
    """A bearer token: writes need a logged-in user."""
    make_user("writer@example.com")
    return token_headers(client, "writer@example.com")


def test_create_read_update_delete(
    client: TestClient, settings: Settings, headers: dict[str, str]
) -> None:
    data = in_database(settings, new_category_data)
    created = client.post(URL, json=data.model_dump(mode="json"), headers=headers)
    assert created.status_code == 201, created.text
    body = CategoryRead.model_validate(created.json())
    assert body.model_dump(include=ROUND_TRIP) == data.model_dump(include=ROUND_TRIP)

    fetched = client.get(f"{URL}/{body.id}")
    assert fetched.status_code == 200
    assert fetched.json() == created.json()

    changes = {"name": "Name 1"}
    updated = client.patch(f"{URL}/{body.id}", json=changes, headers=headers)
    assert updated.status_code == 200, updated.text
    expected = CategoryUpdate.model_validate(changes).model_dump(exclude_unset=True)
    after = CategoryRead.model_validate(updated.json())
    assert after.model_dump(include=ROUND_TRIP & set(expected)) == {
        key: value for key, value in expected.items() if key in ROUND_TRIP
    }
    assert after.id == body.id

    deleted = client.delete(f"{URL}/{body.id}", headers=headers)
    assert deleted.status_code == 204
    assert client.get(f"{URL}/{body.id}").status_code == 404


def test_list_sorts(client: TestClient, settings: Settings) -> None:
    for _ in range(3):
        in_database(settings, create_category)
    ids = [item["id"] for item in client.get(URL, params={"sort": "-id"}).json()["items"]]
    assert ids == sorted(ids, reverse=True)
    assert client.get(URL, params={"sort": "no_such_column"}).status_code == 422


def test_list_filters_on_name(client: TestClient, settings: Settings) -> None:
    category = in_database(settings, create_category)
    in_database(settings, create_category)
    value = client.get(f"{URL}/{category.id}").json()["name"]
    response = client.get(URL, params={"name": value, "page_size": 2})
    assert response.status_code == 200
    items = response.json()["items"]
    assert category.id in [item["id"] for item in items]
    assert all(item["name"] == value for item in items)
    assert response.json()["total"] == len(items)


def test_list_searches(client: TestClient, settings: Settings) -> None:
    category = in_database(settings, create_category)
    in_database(settings, create_category)
    response = client.get(URL, params={"q": category.name})
    assert response.status_code == 200
    assert category.id in [item["id"] for item in response.json()["items"]]
    assert response.json()["total"] == len(response.json()["items"])


def test_list_shows_each_row_as_get_does(client: TestClient, settings: Settings) -> None:
    for _ in range(3):
        in_database(settings, create_category)
    items = client.get(URL, params={"page_size": 3}).json()["items"]
    assert len(items) == 3
    assert items == [client.get(f"{URL}/{item['id']}").json() for item in items]


def test_list_costs_the_same_queries_whatever_the_page_size(
    client: TestClient, settings: Settings
) -> None:
    for _ in range(20):
        in_database(settings, create_category)
    with count_queries() as one:
        assert len(client.get(URL, params={"page_size": 1}).json()["items"]) == 1
    with count_queries() as twenty:
        assert len(client.get(URL, params={"page_size": 20}).json()["items"]) == 20
    assert one.statements == twenty.statements


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("not_a_field", 1),
        ("name", "x" * 81),
        ("parent_id", 0),
    ],
)
def test_invalid_input_is_422(
    client: TestClient, settings: Settings, headers: dict[str, str], key: str, value: object
) -> None:
    data = in_database(settings, new_category_data).model_dump(mode="json")
    response = client.post(URL, json=data | {key: value}, headers=headers)
    assert response.status_code == 422, response.text
    assert key in response.json()["detail"][0]["loc"]


def test_required_fields_are_required(client: TestClient, headers: dict[str, str]) -> None:
    response = client.post(URL, json={}, headers=headers)
    assert response.status_code == 422
    missing = {error["loc"][-1] for error in response.json()["detail"]}
    assert missing == {"name"}


def test_taken_name_is_409(client: TestClient, settings: Settings, headers: dict[str, str]) -> None:
    first = in_database(settings, new_category_data).model_dump(mode="json")
    assert client.post(URL, json=first, headers=headers).status_code == 201
    second = in_database(settings, new_category_data).model_dump(mode="json")
    response = client.post(URL, json=second | {"name": first["name"]}, headers=headers)
    assert response.status_code == 409
    assert "already exists" in response.json()["detail"]


def test_missing_parent_is_409(
    client: TestClient, settings: Settings, headers: dict[str, str]
) -> None:
    data = in_database(settings, new_category_data).model_dump(mode="json")
    response = client.post(URL, json=data | {"parent_id": 2147483647}, headers=headers)
    assert response.status_code == 409
    assert response.json() == {"detail": "No parent with id 2147483647."}


def test_a_category_may_be_its_own_parent(
    client: TestClient, settings: Settings, headers: dict[str, str]
) -> None:
    """A row that refers to itself can still be changed and deleted."""
    data = in_database(settings, new_category_data).model_dump(mode="json")
    created = client.post(URL, json=data, headers=headers)
    assert created.status_code == 201, created.text
    url = f"{URL}/{created.json()['id']}"
    linked = client.patch(url, json={"parent_id": created.json()["id"]}, headers=headers)
    assert linked.status_code == 200, linked.text
    assert linked.json()["parent_id"] == created.json()["id"]
    changed = client.patch(url, json={"name": "Name 1"}, headers=headers)
    assert changed.status_code == 200, changed.text
    assert client.delete(url, headers=headers).status_code == 204
    assert client.get(url).status_code == 404


def test_delete_is_409_while_products_refer_to_it(
    client: TestClient, settings: Settings, headers: dict[str, str]
) -> None:
    product = in_database(settings, create_product)
    response = client.delete(f"{URL}/{product.category_id}", headers=headers)
    assert response.status_code == 409
    # The answer names what refers to it: the resource, the field, the row.
    detail = response.json()["detail"]
    assert detail.startswith("Cannot delete the category \u201c"), detail
    assert "1 product (category): \u201c" + str(product) + "”" in detail
    assert client.get(f"{URL}/{product.category_id}").status_code == 200
