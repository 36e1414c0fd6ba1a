"""Web pages for tags at /tags/, served by the kit's `Pages` (kit/pages.py)."""

from blog.forms.tag import tag_form
from blog.kit.pages import Pages
from blog.schemas.tag import TagRead
from blog.services.tag import tags

router = Pages(
    tags,
    tag_form,
    read=TagRead,
    route="tags",
    templates="tag",
    var="tag",
).router
