"""The tag form: its inputs, for the public pages and the admin.

Each input names the key of `TagCreate` / `TagUpdate` it fills; those
schemas decide what is valid, the kit (`kit/forms.py`) reads the form and words the
errors. Change a label, a help text or an input's kind here.
"""

from blog.kit.forms import Form, TextInput
from blog.schemas.tag import TagCreate, TagUpdate

tag_form = Form(
    TextInput("name", "Name", max_length=50),
    create=TagCreate,
    update=TagUpdate,
)
