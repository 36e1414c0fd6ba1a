"""What a person types into the category forms, for the page and admin tests."""

from shop.kit.forms import input_value
from shop.schemas.category import CategoryCreate
from tests.helpers import FormData


def form_data(data: CategoryCreate) -> FormData:
    """The form submission that creates `data` (an unticked checkbox is simply not sent)."""
    form: FormData = {}
    form["name"] = input_value(data.name)
    form["parent_id"] = input_value(data.parent_id)
    return form
