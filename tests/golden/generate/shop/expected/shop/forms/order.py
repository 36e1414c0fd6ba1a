"""The order form: its inputs, for the public pages and the admin.

Each input names the key of `OrderCreate` / `OrderUpdate` it fills; those
schemas decide what is valid, the kit (`kit/forms.py`) reads the form and words the
errors. Change a label, a help text or an input's kind here.
"""

from shop.auth.service import users
from shop.kit.forms import DateTimeInput, Form, RelatedSelect, Select, TextArea, TextInput
from shop.schemas.order import OrderCreate, OrderUpdate

order_form = Form(
    TextInput("number", "Number"),
    RelatedSelect("customer_id", "Customer", source=users),
    Select(
        "status", "Status", default="new", values=("new", "paid", "on hold", "shipped", "cancelled")
    ),
    DateTimeInput("placed_at", "Placed at"),
    TextArea("note", "Note", required=False),
    create=OrderCreate,
    update=OrderUpdate,
)
