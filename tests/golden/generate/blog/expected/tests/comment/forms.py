"""What a person types into the comment forms, for the page and admin tests."""

from blog.kit.forms import input_value
from blog.schemas.comment import CommentCreate
from tests.helpers import FormData


def form_data(data: CommentCreate) -> FormData:
    """The form submission that creates `data` (an unticked checkbox is simply not sent)."""
    form: FormData = {}
    form["post_id"] = input_value(data.post_id)
    form["user_id"] = input_value(data.user_id)
    form["body"] = input_value(data.body)
    if data.approved:
        form["approved"] = "on"
    return form
