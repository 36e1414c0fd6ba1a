"""Web pages for products at /products/, served by the kit's `Pages` (kit/pages.py)."""

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
