"""Web pages for tags: list, detail, create, edit and delete.

The kit's `Pages` (kit/pages.py) serves them under /tags/ from this declaration:
what they show is in templates/tag/, the form's inputs in forms/tag.py,
what is valid in the schemas and how rows are stored in services/tag.py.
Subclass `Pages` and override a method to change what a page does.
"""

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
