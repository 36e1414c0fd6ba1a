"""Database operations on order lines, shared by the API, the HTML views and the admin.

`order_lines` is the kit's `Crud` (kit/crud.py) declared for order lines: what a
list searches, sorts and filters, which values are unique, which rows must exist, what
deleting does to the rows referring to them. Change behaviour here, by declaration, or
subclass `Crud` and override a method.
"""

from sqlalchemy.orm import joinedload

from shop.kit.crud import Crud, Ref
from shop.kit.errors import Label
from shop.models.order import Order
from shop.models.order_line import OrderLine
from shop.models.product import Product

#: Rows per page when the caller does not say (`api.page_size`).
PAGE_SIZE = 20
#: Largest page the API serves (`api.max_page_size`).
MAX_PAGE_SIZE = 100

order_lines = Crud(
    OrderLine,
    label=Label("order line", "order lines"),
    load=(joinedload(OrderLine.order), joinedload(OrderLine.product)),
    search=(),
    sort=(
        OrderLine.id,
        OrderLine.created_at,
        OrderLine.updated_at,
        OrderLine.order_id,
        OrderLine.product_id,
        OrderLine.quantity,
        OrderLine.unit_price,
    ),
    order=(OrderLine.id.asc(),),
    filters=(OrderLine.order_id, OrderLine.product_id, OrderLine.quantity, OrderLine.unit_price),
    unique=(),
    refs=(
        Ref(OrderLine.order_id, Order, "order"),
        Ref(OrderLine.product_id, Product, "product"),
    ),
    manys=(),
    referrers=(),
    page_size=PAGE_SIZE,
    max_page_size=MAX_PAGE_SIZE,
)
