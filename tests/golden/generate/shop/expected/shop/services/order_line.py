"""Database operations on order lines, shared by the API, the HTML views and the admin.

`order_lines` is the kit's `Crud` (kit/crud.py) declared for order lines: what a
list searches, sorts and filters, which values are unique, which rows must exist, what
deleting does to the rows referring to them. Change behaviour here, by declaration, or
subclass `Crud` and override a method.
"""

from dataclasses import dataclass
from decimal import Decimal
from typing import Literal, get_args

from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import joinedload

from shop.kit.crud import Crud, Ref
from shop.kit.errors import Label
from shop.kit.listing import ListParams, Page
from shop.kit.schemas import Id, Int32
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
    load=(
        joinedload(OrderLine.order),
        joinedload(OrderLine.product),
    ),
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
    filters=(
        OrderLine.order_id,
        OrderLine.product_id,
        OrderLine.quantity,
        OrderLine.unit_price,
    ),
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


# Compatibility with the functions this module had before the kit, for the pages and the
# admin until they call `order_lines` themselves.
#: A column to sort by, `-` for descending.
OrderLineSort = Literal[
    "id",
    "-id",
    "created_at",
    "-created_at",
    "updated_at",
    "-updated_at",
    "order_id",
    "-order_id",
    "product_id",
    "-product_id",
    "quantity",
    "-quantity",
    "unit_price",
    "-unit_price",
]
#: The same keys at runtime, e.g. to check a query string.
SORT_KEYS: tuple[OrderLineSort, ...] = get_args(OrderLineSort)
get_order_line = order_lines.get
create_order_line = order_lines.create
update_order_line = order_lines.update
delete_order_line = order_lines.delete
delete_order_lines = order_lines.delete_many
deletion_effects = order_lines.deletion_effects
order_line_choices = order_lines.choices


@dataclass(frozen=True)
class OrderLineFilters:
    """Exact-match filters of a list, typed for reading them from a query string; None
    leaves a field unfiltered. Numbers are bounded like their columns: a value no column
    holds names no row (PostgreSQL refuses it as a parameter)."""

    order_id: Id | None = None
    product_id: Id | None = None
    quantity: Int32 | None = None
    unit_price: Decimal | None = None


async def list_order_lines(
    db: AsyncSession,
    *,
    page: int = 1,
    page_size: int = PAGE_SIZE,
    sort: OrderLineSort | None = None,
    q: str | None = None,
    filters: OrderLineFilters | None = None,
) -> Page[OrderLine]:
    """One page of order lines (`order_lines.page`)."""
    wanted = filters or OrderLineFilters()
    values: dict[str, object] = {
        "order_id": wanted.order_id,
        "product_id": wanted.product_id,
        "quantity": wanted.quantity,
        "unit_price": wanted.unit_price,
    }
    params = ListParams(page=page, page_size=page_size, sort=sort, q=q, filters=values)
    return await order_lines.page(db, params)
