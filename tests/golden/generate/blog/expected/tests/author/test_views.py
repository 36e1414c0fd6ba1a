"""The author pages' declarations; what all pages do alike is in tests/kit/."""

from fastapi.testclient import TestClient

from blog.settings import Settings
from tests.author.factories import create_author, new_author_data
from tests.author.forms import form_data
from tests.helpers import check_pages_delete_refused, check_pages_form, check_pages_list
from tests.post.factories import create_post
from tests.resources import in_database

URL = "/authors/"


def test_list_and_detail(client: TestClient, settings: Settings) -> None:
    row = in_database(settings, create_author)
    check_pages_list(
        client,
        URL,
        row.id,
        shown=str(row),
        results="author-results",
        sort=("name", "email", "website"),
        search=row.name,
    )


def test_create_edit_delete(client: TestClient, settings: Settings, editor: str) -> None:
    form, changed = (form_data(in_database(settings, new_author_data)) for _ in "ab")
    check_pages_form(client, URL, editor, form, changed, required="name", kept="email")


def test_delete_says_which_posts_forbid_it(
    client: TestClient, settings: Settings, editor: str
) -> None:
    referrer = in_database(settings, create_post)
    group = "1 post (author)"
    check_pages_delete_refused(client, URL, editor, referrer.author_id, group)
