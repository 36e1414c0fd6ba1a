"""The post pages' declarations; what all pages do alike is in tests/kit/."""

from fastapi.testclient import TestClient

from blog.settings import Settings
from tests.helpers import check_pages_form, check_pages_list
from tests.post.factories import create_post, new_post_data
from tests.post.forms import form_data
from tests.resources import in_database

URL = "/posts/"


def test_list_and_detail(client: TestClient, settings: Settings) -> None:
    row = in_database(settings, create_post)
    check_pages_list(
        client,
        URL,
        row.id,
        shown=str(row),
        results="post-results",
        sort=("title", "status", "author_id", "published_at"),
        search=row.title,
    )


def test_create_edit_delete(client: TestClient, settings: Settings, editor: str) -> None:
    form, changed = (form_data(in_database(settings, new_post_data)) for _ in "ab")
    check_pages_form(client, URL, editor, form, changed, required="title", kept="slug")
