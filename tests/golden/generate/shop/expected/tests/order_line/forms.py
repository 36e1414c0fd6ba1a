"""What a person types into the order line forms, for the page and admin tests."""

from shop.kit.forms import input_value
from shop.schemas.order_line import OrderLineCreate
from tests.helpers import FormData


def form_data(data: OrderLineCreate) -> FormData:
    """The form submission that creates `data` (an unticked checkbox is simply not sent)."""
    form: FormData = {}
    form["order_id"] = input_value(data.order_id)
    form["product_id"] = input_value(data.product_id)
    form["quantity"] = input_value(data.quantity)
    form["unit_price"] = input_value(data.unit_price)
    return form
