"""The tag pages' declarations; what all pages do alike is in tests/kit/."""

from fastapi.testclient import TestClient

from blog.settings import Settings
from tests.helpers import check_pages_form, check_pages_list
from tests.resources import in_database
from tests.tag.factories import create_tag, new_tag_data
from tests.tag.forms import form_data

URL = "/tags/"


def test_list_and_detail(client: TestClient, settings: Settings) -> None:
    row = in_database(settings, create_tag)
    check_pages_list(
        client,
        URL,
        row.id,
        shown=str(row),
        results="tag-results",
        sort=("name",),
        search=row.name,
    )


def test_create_edit_delete(client: TestClient, settings: Settings, editor: str) -> None:
    form, changed = (form_data(in_database(settings, new_tag_data)) for _ in "ab")
    check_pages_form(client, URL, editor, form, changed, required="name")
