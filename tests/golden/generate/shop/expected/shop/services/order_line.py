"""Database operations on order lines for the API, pages and admin: the kit's `Crud`, declared."""

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
    label=Label("order line", "order lines", "an order line"),
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
