"""The tag admin's declarations; what every admin does alike is in tests/kit/."""

from fastapi.testclient import TestClient

from blog.settings import Settings
from tests.helpers import check_admin_form, check_admin_list
from tests.resources import in_database
from tests.tag.factories import create_tag, new_tag_data
from tests.tag.forms import form_data

URL = "/admin/tags/"


def test_the_change_list(client: TestClient, settings: Settings, staff: str) -> None:
    row = in_database(settings, create_tag)
    check_admin_list(
        client,
        URL,
        row.id,
        plural="tags",
        columns=("Name",),
        sort=("name",),
        search=row.name,
    )


def test_the_form(client: TestClient, settings: Settings, staff: str) -> None:
    added, changed = (form_data(in_database(settings, new_tag_data)) for _ in "ab")
    check_admin_form(client, URL, staff, in_database(settings, create_tag).id, added, changed)
