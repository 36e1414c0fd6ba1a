"""The category form: its inputs, for the public pages and the admin.

Each input names the key of `CategoryCreate` / `CategoryUpdate` it fills; those
schemas decide what is valid, the kit (`kit/forms.py`) reads the form and words the
errors. Change a label, a help text or an input's kind here.
"""

from shop.kit.forms import Form, RelatedSelect, TextInput
from shop.schemas.category import CategoryCreate, CategoryUpdate
from shop.services.category import categories

category_form = Form(
    TextInput("name", "Name", max_length=80),
    RelatedSelect("parent_id", "Parent", required=False, source=categories),
    create=CategoryCreate,
    update=CategoryUpdate,
)
