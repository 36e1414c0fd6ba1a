"""Web pages for categories: list, detail, create, edit and delete.

The kit's `Pages` (kit/pages.py) serves them under /categories/ from this declaration:
what they show is in templates/category/, the form's inputs in forms/category.py,
what is valid in the schemas and how rows are stored in services/category.py.
Subclass `Pages` and override a method to change what a page does.
"""

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
