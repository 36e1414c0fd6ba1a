"""Web pages for products: list, detail, create, edit and delete.

The kit's `Pages` (kit/pages.py) serves them under /products/ from this declaration:
what they show is in templates/product/, the form's inputs in forms/product.py,
what is valid in the schemas and how rows are stored in services/product.py.
Subclass `Pages` and override a method to change what a page does.
"""

from shop.forms.product import product_form
from shop.kit.pages import Pages
from shop.schemas.product import ProductRead
from shop.services.product import products

router = Pages(
    products,
    product_form,
    read=ProductRead,
    route="products",
    templates="product",
    var="product",
).router
