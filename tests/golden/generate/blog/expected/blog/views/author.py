"""Web pages for authors: list, detail, create, edit and delete.

The kit's `Pages` (kit/pages.py) serves them under /authors/ from this declaration:
what they show is in templates/author/, the form's inputs in forms/author.py,
what is valid in the schemas and how rows are stored in services/author.py.
Subclass `Pages` and override a method to change what a page does.
"""

from blog.forms.author import author_form
from blog.kit.pages import Pages
from blog.schemas.author import AuthorRead
from blog.services.author import authors

router = Pages(
    authors,
    author_form,
    read=AuthorRead,
    route="authors",
    templates="author",
    var="author",
).router
