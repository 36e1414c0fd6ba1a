"""What a person types into the product forms, for the page and admin tests."""

from shop.kit.forms import input_value, json_text
from shop.schemas.product import ProductCreate
from tests.helpers import FormData


def form_data(data: ProductCreate) -> FormData:
    """The form submission that creates `data` (an unticked checkbox is simply not sent)."""
    form: FormData = {}
    form["sku"] = input_value(data.sku)
    form["name"] = input_value(data.name)
    form["description"] = input_value(data.description)
    form["price"] = input_value(data.price)
    form["stock"] = input_value(data.stock)
    if data.active:
        form["active"] = "on"
    form["category_id"] = input_value(data.category_id)
    form["attributes"] = json_text(data.attributes)
    form["launched_on"] = input_value(data.launched_on)
    return form
