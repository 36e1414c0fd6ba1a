"""The comment form: its inputs, for the public pages and the admin.

Each input names the key of `CommentCreate` / `CommentUpdate` it fills; those
schemas decide what is valid, the kit (`kit/forms.py`) reads the form and words the
errors. Change a label, a help text or an input's kind here.
"""

from blog.auth.service import users
from blog.kit.forms import Checkbox, Form, RelatedSelect, TextArea
from blog.schemas.comment import CommentCreate, CommentUpdate
from blog.services.post import posts

comment_form = Form(
    RelatedSelect("post_id", "Post", source=posts),
    RelatedSelect("user_id", "User", source=users),
    TextArea("body", "Body"),
    Checkbox("approved", "Approved"),
    create=CommentCreate,
    update=CommentUpdate,
)
