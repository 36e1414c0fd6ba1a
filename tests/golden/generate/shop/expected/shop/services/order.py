"""Database operations on orders, shared by the API, the HTML views and the admin.

Every function takes the request's session and commits its own writes. Failures are
`NotFoundError` and `ConflictError` (never HTTP errors): each caller answers them its
own way. Rows come back with every relationship loaded, since the model refuses lazy
loads (`lazy="raise"`): a page of any size costs the same few queries.
The API's lists skip ORM objects altogether and read the columns they return
(`list_order_reads`).
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal, get_args
from uuid import UUID

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute, joinedload
from sqlalchemy.orm.interfaces import LoaderOption

from shop.kit.deletion import DeletionEffects, find_referrers
from shop.kit.errors import ConflictError, NotFoundError
from shop.kit.ids import is_id
from shop.kit.listing import Page
from shop.models.order import Order, OrderStatus
from shop.models.order_line import OrderLine
from shop.models.user import User
from shop.schemas.common import Id
from shop.schemas.order import OrderCreate, OrderRead, OrderUpdate

#: Rows per page when the caller does not say (`api.page_size`).
PAGE_SIZE = 20
#: Largest page the API serves (`api.max_page_size`); callers check it, not this module.
MAX_PAGE_SIZE = 100

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

#: The column each sort key orders by (keyed by attribute name: a key is the name once,
#: so a long field name still fits a line).
SORT_COLUMNS: dict[str, InstrumentedAttribute[Any]] = {
    column.key: column
    for column in (
        Order.id,
        Order.created_at,
        Order.updated_at,
        Order.number,
        Order.customer_id,
        Order.status,
        Order.placed_at,
        Order.note,
    )
}

#: What `OrderRead` shows, selected as plain columns for the API's lists.
READ_COLUMNS = (
    Order.id,
    Order.number,
    Order.customer_id,
    Order.status,
    Order.placed_at,
    Order.note,
    Order.created_at,
    Order.updated_at,
)


@dataclass(frozen=True)
class OrderFilters:
    """Exact-match filters of a list; None leaves a field unfiltered.

    Numbers are bounded like their columns: the admin reads these from the query string,
    and a value no column holds names no row (PostgreSQL refuses it as a parameter).
    """

    number: UUID | None = None
    customer_id: Id | None = None
    status: OrderStatus | None = None
    placed_at: datetime | None = None


def _loaded() -> list[LoaderOption]:
    """Loader options giving every row its relationships, in a fixed number of queries."""
    return [
        joinedload(Order.customer),
    ]


def _conditions(filters: OrderFilters, q: str | None) -> list[ColumnElement[bool]]:
    """WHERE conditions of a list: `filters`, and `q` searched in no field."""
    conditions: list[ColumnElement[bool]] = []
    if filters.number is not None:
        conditions.append(Order.number == filters.number)
    if filters.customer_id is not None:
        conditions.append(Order.customer_id == filters.customer_id)
    if filters.status is not None:
        conditions.append(Order.status == filters.status)
    if filters.placed_at is not None:
        conditions.append(Order.placed_at == filters.placed_at)
    return conditions


def _order_by(sort: OrderSort | None) -> list[ColumnElement[Any]]:
    """ORDER BY of a list: `sort`, else the default order; id breaks ties."""
    if sort is None:
        return [
            Order.placed_at.desc(),
            Order.id.asc(),
        ]
    column = SORT_COLUMNS[sort.removeprefix("-")]
    return [column.desc() if sort.startswith("-") else column.asc(), Order.id.asc()]


async def list_orders(
    db: AsyncSession,
    *,
    page: int = 1,
    page_size: int = PAGE_SIZE,
    sort: OrderSort | None = None,
    q: str | None = None,
    filters: OrderFilters | None = None,
) -> Page[Order]:
    """One page of orders matching `filters` and the search `q`.

    A page past the end is empty, not an error.
    """
    conditions = _conditions(filters or OrderFilters(), q)
    total = await _count(db, conditions)
    rows = await db.scalars(
        select(Order)
        .where(*conditions)
        .options(*_loaded())
        .order_by(*_order_by(sort))
        .limit(page_size)
        .offset((page - 1) * page_size)
    )
    return Page(items=list(rows), total=total, page=page, page_size=page_size)


async def list_order_reads(
    db: AsyncSession,
    *,
    page: int = 1,
    page_size: int = PAGE_SIZE,
    sort: OrderSort | None = None,
    q: str | None = None,
    filters: OrderFilters | None = None,
) -> Page[OrderRead]:
    """The page `list_orders` gives, read straight into what the API returns, in one query.

    Plain columns rather than ORM objects (no identity map, no relationship to load);
    the total comes from a subquery beside each row, so a page past the end, having no
    row to carry it, costs a second query.
    """
    conditions = _conditions(filters or OrderFilters(), q)
    # correlate(None): count the matching rows of the table, not just the outer query's row.
    total = select(func.count()).select_from(Order).where(*conditions).correlate(None)
    result = await db.execute(
        select(*READ_COLUMNS, total.scalar_subquery().label("_total"))
        .where(*conditions)
        .order_by(*_order_by(sort))
        .limit(page_size)
        .offset((page - 1) * page_size)
    )
    rows = result.mappings().all()
    # Each row's "_total" key is not a field of OrderRead, which ignores it; no field
    # starts with `_`, so it never hides a column (a field may well be named `total`).
    items = [OrderRead.model_validate(row) for row in rows]
    count = int(rows[0]["_total"]) if rows else await _count(db, conditions)
    return Page(items=items, total=count, page=page, page_size=page_size)


async def _count(db: AsyncSession, conditions: Sequence[ColumnElement[bool]]) -> int:
    """How many rows match `conditions`, on all pages."""
    return await db.scalar(select(func.count()).select_from(Order).where(*conditions)) or 0


async def get_order(db: AsyncSession, order_id: int) -> Order:
    """The order with this id, relationships loaded.

    NotFoundError if there is none (an id out of range is not even looked up).
    """
    if not is_id(order_id):
        raise NotFoundError(f"No order with id {order_id}.")
    order = await db.scalar(
        select(Order)
        .where(Order.id == order_id)
        .options(*_loaded())
        .execution_options(populate_existing=True)
    )
    if order is None:
        raise NotFoundError(f"No order with id {order_id}.")
    return order


async def create_order(db: AsyncSession, data: OrderCreate) -> Order:
    """Save a new order.

    ConflictError if a unique value is taken or a referenced row is missing.
    """
    values = data.model_dump()
    await _check_rules(db, values)
    order = Order(**values)
    db.add(order)
    await _commit(db)
    return await get_order(db, order.id)


async def update_order(db: AsyncSession, order: Order, data: OrderUpdate) -> Order:
    """Change the fields set in `data` (PATCH); `order` comes from `get_order`.

    ConflictError like `create_order`.
    """
    values = data.model_dump(exclude_unset=True)
    await _check_rules(db, values, order.id)
    for name, value in values.items():
        setattr(order, name, value)
    await _commit(db)
    return await get_order(db, order.id)


async def delete_order(db: AsyncSession, order: Order) -> None:
    """Delete an order from `get_order`.

    Rows referring to it follow their `on_delete`; ConflictError, naming them, when one
    forbids it (`deletion_effects`), or when the database refuses.
    """
    effects = await deletion_effects(db, [order.id])
    if effects.protected:
        raise ConflictError(effects.refusal("the order \u201c" + str(order) + "”"))
    await db.delete(order)
    await _commit(db, deleting=True)


async def delete_orders(db: AsyncSession, ids: Sequence[int]) -> int:
    """Delete the orders with these ids (all or none); returns how many."""
    wanted = [value for value in ids if is_id(value)]
    effects = await deletion_effects(db, wanted)
    if effects.protected:
        raise ConflictError(effects.refusal("these orders"))
    rows = (await db.scalars(select(Order).where(Order.id.in_(wanted)).options(*_loaded()))).all()
    for order in rows:
        await db.delete(order)
    await _commit(db, deleting=True)
    return len(rows)


async def deletion_effects(db: AsyncSession, ids: Sequence[int]) -> DeletionEffects:
    """What deleting the orders with these ids does to the rows referring to them.

    One query per field of the spec that refers to orders (declared
    here when scaffold generated this file), each with its `on_delete`.
    """
    wanted = [value for value in ids if is_id(value)]
    groups = [
        await find_referrers(
            db,
            select(OrderLine).where(OrderLine.order_id.in_(wanted)).order_by(OrderLine.id),
            label="order line",
            plural_label="order lines",
            field="order",
            effect="cascade",
        ),
    ]
    return DeletionEffects(tuple(groups))


async def order_choices(
    db: AsyncSession, *, q: str | None = None, limit: int = 100
) -> list[tuple[int, str]]:
    """(id, label) pairs for select widgets, in the default order."""
    rows = await db.scalars(
        select(Order).where(*_conditions(OrderFilters(), q)).order_by(*_order_by(None)).limit(limit)
    )
    return [(row.id, str(row)) for row in rows]


async def _check_rules(
    db: AsyncSession, values: Mapping[str, Any], order_id: int | None = None
) -> None:
    """Refuse, naming the field, what the database would: taken unique values, missing rows.

    The database still has the last word (two requests can race): `_commit` turns its
    refusal into a ConflictError too.
    """
    if values.get("number") is not None and await _taken(
        db, Order.number, values["number"], order_id
    ):
        raise ConflictError("An order with this number already exists.", "number")
    if values.get("customer_id") is not None and await db.get(User, values["customer_id"]) is None:
        raise ConflictError(
            "No customer with id " + str(values["customer_id"]) + ".", "customer_id"
        )


async def _taken(
    db: AsyncSession, column: InstrumentedAttribute[Any], value: object, order_id: int | None
) -> bool:
    """Whether another row already has `value` in this unique column."""
    query = select(Order.id).where(column == value)
    if order_id is not None:
        query = query.where(Order.id != order_id)
    return await db.scalar(query.limit(1)) is not None


async def _commit(db: AsyncSession, *, deleting: bool = False) -> None:
    """Commit, turning the database's refusal (unique value, foreign key) into a ConflictError."""
    try:
        await db.commit()
    except IntegrityError as error:
        await db.rollback()
        if deleting:
            message = "Other rows still refer to this order."
        else:
            message = "This conflicts with existing data (a unique value or a referenced row)."
        raise ConflictError(message) from error
