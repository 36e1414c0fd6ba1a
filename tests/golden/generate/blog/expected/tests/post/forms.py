"""What a person types into the post forms, for the page and admin tests."""

from blog.kit.forms import input_value
from blog.schemas.post import PostCreate
from tests.helpers import FormData


def form_data(data: PostCreate) -> FormData:
    """The form submission that creates `data` (an unticked checkbox is simply not sent)."""
    form: FormData = {}
    form["title"] = input_value(data.title)
    form["slug"] = input_value(data.slug)
    form["body"] = input_value(data.body)
    form["status"] = input_value(data.status)
    form["published_at"] = input_value(data.published_at)
    form["views"] = input_value(data.views)
    form["author_id"] = input_value(data.author_id)
    form["reviewer_id"] = input_value(data.reviewer_id)
    form["tag_ids"] = [str(row_id) for row_id in data.tag_ids]
    return form
