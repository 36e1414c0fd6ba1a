"""What a person types into the order forms, for the page and admin tests."""

from shop.kit.forms import input_value
from shop.schemas.order import OrderCreate
from tests.helpers import FormData


def form_data(data: OrderCreate) -> FormData:
    """The form submission that creates `data` (an unticked checkbox is simply not sent)."""
    form: FormData = {}
    form["number"] = input_value(data.number)
    form["customer_id"] = input_value(data.customer_id)
    form["status"] = input_value(data.status)
    form["placed_at"] = input_value(data.placed_at)
    form["note"] = input_value(data.note)
    return form
