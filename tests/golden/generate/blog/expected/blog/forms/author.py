"""The author form: its inputs, for the public pages and the admin.

Each input names the key of `AuthorCreate` / `AuthorUpdate` it fills; those
schemas decide what is valid, the kit (`kit/forms.py`) reads the form and words the
errors. Change a label, a help text or an input's kind here.
"""

from blog.kit.forms import EmailInput, Form, TextArea, TextInput, UrlInput
from blog.schemas.author import AuthorCreate, AuthorUpdate

author_form = Form(
    TextInput("name", "Name", max_length=120),
    EmailInput("email", "Email", max_length=254),
    TextArea("bio", "Bio", required=False),
    UrlInput("website", "Website", required=False, max_length=2048),
    create=AuthorCreate,
    update=AuthorUpdate,
)
