"""The post form: its inputs, for the public pages and the admin.

Each input names the key of `PostCreate` / `PostUpdate` it fills; those
schemas decide what is valid, the kit (`kit/forms.py`) reads the form and words the
errors. Change a label, a help text or an input's kind here.
"""

from blog.kit.forms import (
    DateTimeInput,
    Form,
    MultiSelect,
    NumberInput,
    RelatedSelect,
    Select,
    SlugInput,
    TextArea,
    TextInput,
)
from blog.schemas.post import PostCreate, PostUpdate
from blog.services.author import authors
from blog.services.tag import tags

post_form = Form(
    TextInput("title", "Title", max_length=200),
    SlugInput("slug", "Slug", max_length=255),
    TextArea("body", "Body"),
    Select("status", "Status", default="draft", values=("draft", "published", "archived")),
    DateTimeInput("published_at", "Published at", required=False),
    NumberInput("views", "Views", default="0"),
    RelatedSelect("author_id", "Author", source=authors),
    RelatedSelect("reviewer_id", "Reviewer", required=False, source=authors),
    MultiSelect("tag_ids", "Tags", source=tags),
    create=PostCreate,
    update=PostUpdate,
)
