"""Web pages for categories at /categories/, served by the kit's `Pages` (kit/pages.py)."""

from shop.forms.category import category_form
from shop.kit.pages import Pages
from shop.schemas.category import CategoryRead
from shop.services.category import categories

router = Pages(
    categories,
    category_form,
    read=CategoryRead,
    route="categories",
    templates="category",
    var="category",
).router
