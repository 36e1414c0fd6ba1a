"""The order line form: its inputs, for the public pages and the admin.

Each input names the key of `OrderLineCreate` / `OrderLineUpdate` it fills; those
schemas decide what is valid, the kit (`kit/forms.py`) reads the form and words the
errors. Change a label, a help text or an input's kind here.
"""

from shop.kit.forms import Form, NumberInput, RelatedSelect
from shop.schemas.order_line import OrderLineCreate, OrderLineUpdate
from shop.services.order import orders
from shop.services.product import products

order_line_form = Form(
    RelatedSelect("order_id", "Order", source=orders),
    RelatedSelect("product_id", "Product", source=products),
    NumberInput("quantity", "Quantity", min="1"),
    NumberInput("unit_price", "Unit price", step=""),
    create=OrderLineCreate,
    update=OrderLineUpdate,
)
