"""Database operations on orders, shared by the API, the HTML views and the admin.

`orders` is the kit's `Crud` (kit/crud.py) declared for orders: what a
list searches, sorts and filters, which values are unique, which rows must exist, what
deleting does to the rows referring to them. Change behaviour here, by declaration, or
subclass `Crud` and override a method.
"""

from dataclasses import dataclass
from datetime import datetime
from typing import Literal, get_args
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import joinedload

from shop.kit.crud import Crud, Ref, Unique
from shop.kit.deletion import Referrer
from shop.kit.errors import Label
from shop.kit.listing import ListParams, Page
from shop.kit.schemas import Id
from shop.models.order import Order, OrderStatus
from shop.models.order_line import OrderLine
from shop.models.user import User

#: Rows per page when the caller does not say (`api.page_size`).
PAGE_SIZE = 20
#: Largest page the API serves (`api.max_page_size`).
MAX_PAGE_SIZE = 100

orders = Crud(
    Order,
    label=Label("order", "orders"),
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
    order=(
        Order.placed_at.desc(),
        Order.id.asc(),
    ),
    filters=(
        Order.number,
        Order.customer_id,
        Order.status,
        Order.placed_at,
    ),
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


# Compatibility with the functions this module had before the kit, for the pages and the
# admin until they call `orders` themselves.
#: A column to sort by, `-` for descending.
OrderSort = Literal[
    "id",
    "-id",
    "created_at",
    "-created_at",
    "updated_at",
    "-updated_at",
    "number",
    "-number",
    "customer_id",
    "-customer_id",
    "status",
    "-status",
    "placed_at",
    "-placed_at",
    "note",
    "-note",
]
#: The same keys at runtime, e.g. to check a query string.
SORT_KEYS: tuple[OrderSort, ...] = get_args(OrderSort)
get_order = orders.get
create_order = orders.create
update_order = orders.update
delete_order = orders.delete
delete_orders = orders.delete_many
deletion_effects = orders.deletion_effects
order_choices = orders.choices


@dataclass(frozen=True)
class OrderFilters:
    """Exact-match filters of a list, typed for reading them from a query string; None
    leaves a field unfiltered. Numbers are bounded like their columns: a value no column
    holds names no row (PostgreSQL refuses it as a parameter)."""

    number: UUID | None = None
    customer_id: Id | None = None
    status: OrderStatus | None = None
    placed_at: datetime | None = None


async def list_orders(
    db: AsyncSession,
    *,
    page: int = 1,
    page_size: int = PAGE_SIZE,
    sort: OrderSort | None = None,
    q: str | None = None,
    filters: OrderFilters | None = None,
) -> Page[Order]:
    """One page of orders (`orders.page`)."""
    wanted = filters or OrderFilters()
    values: dict[str, object] = {
        "number": wanted.number,
        "customer_id": wanted.customer_id,
        "status": wanted.status,
        "placed_at": wanted.placed_at,
    }
    params = ListParams(page=page, page_size=page_size, sort=sort, q=q, filters=values)
    return await orders.page(db, params)
