"""Web pages for authors at /authors/, served by the kit's `Pages` (kit/pages.py)."""

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
