"""The product form: its inputs, for the public pages and the admin.

Each input names the key of `ProductCreate` / `ProductUpdate` it fills; those
schemas decide what is valid, the kit (`kit/forms.py`) reads the form and words the
errors. Change a label, a help text or an input's kind here.
"""

from shop.kit.forms import (
    Checkbox,
    DateInput,
    Form,
    JsonInput,
    NumberInput,
    RelatedSelect,
    TextArea,
    TextInput,
)
from shop.schemas.product import ProductCreate, ProductUpdate
from shop.services.category import categories

product_form = Form(
    TextInput("sku", "Sku", max_length=32),
    TextInput("name", "Name", max_length=200),
    TextArea("description", "Description", required=False),
    NumberInput("price", "Price", step=""),
    NumberInput("stock", "Stock", default="0"),
    Checkbox("active", "Active", default="on"),
    RelatedSelect("category_id", "Category", source=categories),
    JsonInput("attributes", "Attributes", required=False),
    DateInput("launched_on", "Launched on", required=False),
    create=ProductCreate,
    update=ProductUpdate,
)
