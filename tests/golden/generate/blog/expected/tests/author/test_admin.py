"""The author admin's declarations; what every admin does alike is in tests/kit/."""

from fastapi.testclient import TestClient

from blog.settings import Settings
from tests.author.factories import create_author, new_author_data
from tests.author.forms import form_data
from tests.helpers import check_admin_delete_refused, check_admin_form, check_admin_list
from tests.post.factories import create_post
from tests.resources import in_database

URL = "/admin/authors/"


def test_the_change_list(client: TestClient, settings: Settings, staff: str) -> None:
    row = in_database(settings, create_author)
    check_admin_list(
        client,
        URL,
        row.id,
        plural="authors",
        columns=("Name", "Email", "Website"),
        sort=("name", "email", "website"),
        search=row.name,
    )


def test_the_form(client: TestClient, settings: Settings, staff: str) -> None:
    added, changed = (form_data(in_database(settings, new_author_data)) for _ in "ab")
    check_admin_form(client, URL, staff, in_database(settings, create_author).id, added, changed)


def test_delete_names_the_posts_that_forbid_it(
    client: TestClient, settings: Settings, staff: str
) -> None:
    # `author` of posts: `on_delete: restrict`.
    referrer = in_database(settings, create_post)
    group = "1 post (author)"
    check_admin_delete_refused(client, URL, staff, referrer.author_id, str(referrer), group)
