"""Web pages for orders: list, detail, create, edit and delete.

The kit's `Pages` (kit/pages.py) serves them under /orders/ from this declaration:
what they show is in templates/order/, the form's inputs in forms/order.py,
what is valid in the schemas and how rows are stored in services/order.py.
Subclass `Pages` and override a method to change what a page does.
"""

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
