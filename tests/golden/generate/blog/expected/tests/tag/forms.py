"""What a person types into the tag forms, for the page and admin tests."""

from blog.kit.forms import input_value
from blog.schemas.tag import TagCreate
from tests.helpers import FormData


def form_data(data: TagCreate) -> FormData:
    """The form submission that creates `data` (an unticked checkbox is simply not sent)."""
    form: FormData = {}
    form["name"] = input_value(data.name)
    return form
