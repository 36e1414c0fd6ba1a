"""Web pages for orders at /orders/, served by the kit's `Pages` (kit/pages.py)."""

from shop.forms.order import order_form
from shop.kit.pages import Pages
from shop.schemas.order import OrderRead
from shop.services.order import orders

router = Pages(
    orders,
    order_form,
    read=OrderRead,
    route="orders",
    templates="order",
    var="order",
).router
