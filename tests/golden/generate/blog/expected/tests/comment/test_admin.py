"""The comment admin's declarations; what every admin does alike is in tests/kit/."""

from fastapi.testclient import TestClient

from blog.settings import Settings
from tests.comment.factories import create_comment, new_comment_data
from tests.comment.forms import form_data
from tests.helpers import check_admin_filter, check_admin_form, check_admin_list
from tests.resources import in_database

URL = "/admin/comments/"


def test_the_change_list(client: TestClient, settings: Settings, staff: str) -> None:
    row = in_database(settings, create_comment)
    check_admin_list(
        client,
        URL,
        row.id,
        plural="comments",
        columns=("ID", "Post", "User", "Approved"),
        sort=("id", "post_id", "user_id", "approved"),
    )
    check_admin_filter(client, URL, row.id, "post_id", str(row.post_id), ("999999999",))


def test_the_form(client: TestClient, settings: Settings, staff: str) -> None:
    added, changed = (form_data(in_database(settings, new_comment_data)) for _ in "ab")
    check_admin_form(client, URL, staff, in_database(settings, create_comment).id, added, changed)
