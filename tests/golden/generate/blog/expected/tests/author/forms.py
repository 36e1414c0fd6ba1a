"""What a person types into the author forms, for the page and admin tests."""

from blog.kit.forms import input_value
from blog.schemas.author import AuthorCreate
from tests.helpers import FormData


def form_data(data: AuthorCreate) -> FormData:
    """The form submission that creates `data` (an unticked checkbox is simply not sent)."""
    form: FormData = {}
    form["name"] = input_value(data.name)
    form["email"] = input_value(data.email)
    form["bio"] = input_value(data.bio)
    form["website"] = input_value(data.website)
    return form
