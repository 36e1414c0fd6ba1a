"""The post admin's declarations; what every admin does alike is in tests/kit/."""

from fastapi.testclient import TestClient

from blog.settings import Settings
from tests.comment.factories import create_comment
from tests.helpers import (
    check_admin_delete_cascades,
    check_admin_filter,
    check_admin_form,
    check_admin_list,
)
from tests.post.factories import create_post, new_post_data
from tests.post.forms import form_data
from tests.resources import in_database

URL = "/admin/posts/"


def test_the_change_list(client: TestClient, settings: Settings, staff: str) -> None:
    row = in_database(settings, create_post)
    check_admin_list(
        client,
        URL,
        row.id,
        plural="posts",
        columns=("Title", "Status", "Author", "Published at"),
        sort=("title", "status", "author_id", "published_at"),
        search=row.title,
    )
    others = ("draft", "published", "archived")
    check_admin_filter(client, URL, row.id, "status", row.status.value, others)


def test_the_form(client: TestClient, settings: Settings, staff: str) -> None:
    added, changed = (form_data(in_database(settings, new_post_data)) for _ in "ab")
    check_admin_form(client, URL, staff, in_database(settings, create_post).id, added, changed)


def test_delete_lists_the_comments_deleted_with_it(
    client: TestClient, settings: Settings, staff: str
) -> None:
    # `post` of comments: `on_delete: cascade`.
    referrer = in_database(settings, create_comment)
    check_admin_delete_cascades(client, URL, staff, referrer.post_id, str(referrer))
