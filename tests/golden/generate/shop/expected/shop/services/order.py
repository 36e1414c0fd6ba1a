"""Database operations on orders for the API, pages and admin: the kit's `Crud`, declared."""

from sqlalchemy.orm import joinedload

from shop.kit.crud import Crud, Ref, Unique
from shop.kit.deletion import Referrer
from shop.kit.errors import Label
from shop.models.order import Order
from shop.models.order_line import OrderLine
from shop.models.user import User

#: Rows per page when the caller does not say (`api.page_size`).
PAGE_SIZE = 20
#: Largest page the API serves (`api.max_page_size`).
MAX_PAGE_SIZE = 100

orders = Crud(
    Order,
    label=Label("order", "orders", "an order"),
    load=(joinedload(Order.customer),),
    search=(),
    sort=(
        Order.id,
        Order.created_at,
        Order.updated_at,
        Order.number,
        Order.customer_id,
        Order.status,
        Order.placed_at,
        Order.note,
    ),
    order=(Order.placed_at.desc(), Order.id.asc()),
    filters=(Order.number, Order.customer_id, Order.status, Order.placed_at),
    unique=(Unique(Order.number, "An order with this number already exists."),),
    refs=(Ref(Order.customer_id, User, "customer"),),
    manys=(),
    referrers=(
        Referrer(
            OrderLine, OrderLine.order_id, Label("order line", "order lines"), "order", "cascade"
        ),
    ),
    page_size=PAGE_SIZE,
    max_page_size=MAX_PAGE_SIZE,
)
