"""Database operations on order lines, shared by the API, the HTML views and the admin.

Every function takes the request's session and commits its own writes. Failures are
`NotFoundError` and `ConflictError` (never HTTP errors): each caller answers them its
own way. Rows come back with every relationship loaded, since the model refuses lazy
loads (`lazy="raise"`): a page of any size costs the same few queries.
The API's lists skip ORM objects altogether and read the columns they return
(`list_order_line_reads`).
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Literal, get_args

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute, joinedload
from sqlalchemy.orm.interfaces import LoaderOption

from shop.kit.deletion import DeletionEffects
from shop.kit.errors import ConflictError, NotFoundError
from shop.kit.ids import is_id
from shop.kit.listing import Page
from shop.models.order import Order
from shop.models.order_line import OrderLine
from shop.models.product import Product
from shop.schemas.common import Id, Int32
from shop.schemas.order_line import OrderLineCreate, OrderLineRead, OrderLineUpdate

#: Rows per page when the caller does not say (`api.page_size`).
PAGE_SIZE = 20
#: Largest page the API serves (`api.max_page_size`); callers check it, not this module.
MAX_PAGE_SIZE = 100

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

#: The column each sort key orders by (keyed by attribute name: a key is the name once,
#: so a long field name still fits a line).
SORT_COLUMNS: dict[str, InstrumentedAttribute[Any]] = {
    column.key: column
    for column in (
        OrderLine.id,
        OrderLine.created_at,
        OrderLine.updated_at,
        OrderLine.order_id,
        OrderLine.product_id,
        OrderLine.quantity,
        OrderLine.unit_price,
    )
}

#: What `OrderLineRead` shows, selected as plain columns for the API's lists.
READ_COLUMNS = (
    OrderLine.id,
    OrderLine.order_id,
    OrderLine.product_id,
    OrderLine.quantity,
    OrderLine.unit_price,
    OrderLine.created_at,
    OrderLine.updated_at,
)


@dataclass(frozen=True)
class OrderLineFilters:
    """Exact-match filters of a list; None leaves a field unfiltered.

    Numbers are bounded like their columns: the admin reads these from the query string,
    and a value no column holds names no row (PostgreSQL refuses it as a parameter).
    """

    order_id: Id | None = None
    product_id: Id | None = None
    quantity: Int32 | None = None
    unit_price: Decimal | None = None


def _loaded() -> list[LoaderOption]:
    """Loader options giving every row its relationships, in a fixed number of queries."""
    return [
        joinedload(OrderLine.order),
        joinedload(OrderLine.product),
    ]


def _conditions(filters: OrderLineFilters, q: str | None) -> list[ColumnElement[bool]]:
    """WHERE conditions of a list: `filters`, and `q` searched in no field."""
    conditions: list[ColumnElement[bool]] = []
    if filters.order_id is not None:
        conditions.append(OrderLine.order_id == filters.order_id)
    if filters.product_id is not None:
        conditions.append(OrderLine.product_id == filters.product_id)
    if filters.quantity is not None:
        conditions.append(OrderLine.quantity == filters.quantity)
    if filters.unit_price is not None:
        conditions.append(OrderLine.unit_price == filters.unit_price)
    return conditions


def _order_by(sort: OrderLineSort | None) -> list[ColumnElement[Any]]:
    """ORDER BY of a list: `sort`, else the default order; id breaks ties."""
    if sort is None:
        return [
            OrderLine.id.asc(),
        ]
    column = SORT_COLUMNS[sort.removeprefix("-")]
    return [column.desc() if sort.startswith("-") else column.asc(), OrderLine.id.asc()]


async def list_order_lines(
    db: AsyncSession,
    *,
    page: int = 1,
    page_size: int = PAGE_SIZE,
    sort: OrderLineSort | None = None,
    q: str | None = None,
    filters: OrderLineFilters | None = None,
) -> Page[OrderLine]:
    """One page of order lines matching `filters` and the search `q`.

    A page past the end is empty, not an error.
    """
    conditions = _conditions(filters or OrderLineFilters(), q)
    total = await _count(db, conditions)
    rows = await db.scalars(
        select(OrderLine)
        .where(*conditions)
        .options(*_loaded())
        .order_by(*_order_by(sort))
        .limit(page_size)
        .offset((page - 1) * page_size)
    )
    return Page(items=list(rows), total=total, page=page, page_size=page_size)


async def list_order_line_reads(
    db: AsyncSession,
    *,
    page: int = 1,
    page_size: int = PAGE_SIZE,
    sort: OrderLineSort | None = None,
    q: str | None = None,
    filters: OrderLineFilters | None = None,
) -> Page[OrderLineRead]:
    """The page `list_order_lines` gives, read straight into what the API returns, in one query.

    Plain columns rather than ORM objects (no identity map, no relationship to load);
    the total comes from a subquery beside each row, so a page past the end, having no
    row to carry it, costs a second query.
    """
    conditions = _conditions(filters or OrderLineFilters(), q)
    # correlate(None): count the matching rows of the table, not just the outer query's row.
    total = select(func.count()).select_from(OrderLine).where(*conditions).correlate(None)
    result = await db.execute(
        select(*READ_COLUMNS, total.scalar_subquery().label("_total"))
        .where(*conditions)
        .order_by(*_order_by(sort))
        .limit(page_size)
        .offset((page - 1) * page_size)
    )
    rows = result.mappings().all()
    # Each row's "_total" key is not a field of OrderLineRead, which ignores it; no field
    # starts with `_`, so it never hides a column (a field may well be named `total`).
    items = [OrderLineRead.model_validate(row) for row in rows]
    count = int(rows[0]["_total"]) if rows else await _count(db, conditions)
    return Page(items=items, total=count, page=page, page_size=page_size)


async def _count(db: AsyncSession, conditions: Sequence[ColumnElement[bool]]) -> int:
    """How many rows match `conditions`, on all pages."""
    return await db.scalar(select(func.count()).select_from(OrderLine).where(*conditions)) or 0


async def get_order_line(db: AsyncSession, order_line_id: int) -> OrderLine:
    """The order line with this id, relationships loaded.

    NotFoundError if there is none (an id out of range is not even looked up).
    """
    if not is_id(order_line_id):
        raise NotFoundError(f"No order line with id {order_line_id}.")
    order_line = await db.scalar(
        select(OrderLine)
        .where(OrderLine.id == order_line_id)
        .options(*_loaded())
        .execution_options(populate_existing=True)
    )
    if order_line is None:
        raise NotFoundError(f"No order line with id {order_line_id}.")
    return order_line


async def create_order_line(db: AsyncSession, data: OrderLineCreate) -> OrderLine:
    """Save a new order line.

    ConflictError if a unique value is taken or a referenced row is missing.
    """
    values = data.model_dump()
    await _check_rules(db, values)
    order_line = OrderLine(**values)
    db.add(order_line)
    await _commit(db)
    return await get_order_line(db, order_line.id)


async def update_order_line(
    db: AsyncSession, order_line: OrderLine, data: OrderLineUpdate
) -> OrderLine:
    """Change the fields set in `data` (PATCH); `order_line` comes from `get_order_line`.

    ConflictError like `create_order_line`.
    """
    values = data.model_dump(exclude_unset=True)
    await _check_rules(db, values, order_line.id)
    for name, value in values.items():
        setattr(order_line, name, value)
    await _commit(db)
    return await get_order_line(db, order_line.id)


async def delete_order_line(db: AsyncSession, order_line: OrderLine) -> None:
    """Delete an order line from `get_order_line`.

    Rows referring to it follow their `on_delete`; ConflictError, naming them, when one
    forbids it (`deletion_effects`), or when the database refuses.
    """
    effects = await deletion_effects(db, [order_line.id])
    if effects.protected:
        raise ConflictError(effects.refusal("the order line \u201c" + str(order_line) + "”"))
    await db.delete(order_line)
    await _commit(db, deleting=True)


async def delete_order_lines(db: AsyncSession, ids: Sequence[int]) -> int:
    """Delete the order lines with these ids (all or none); returns how many."""
    wanted = [value for value in ids if is_id(value)]
    effects = await deletion_effects(db, wanted)
    if effects.protected:
        raise ConflictError(effects.refusal("these order lines"))
    rows = (
        await db.scalars(select(OrderLine).where(OrderLine.id.in_(wanted)).options(*_loaded()))
    ).all()
    for order_line in rows:
        await db.delete(order_line)
    await _commit(db, deleting=True)
    return len(rows)


async def deletion_effects(db: AsyncSession, ids: Sequence[int]) -> DeletionEffects:
    """What deleting the order lines with these ids does to the rows referring to them.

    One query per field of the spec that refers to order lines (declared
    here when scaffold generated this file), each with its `on_delete`.
    """
    return DeletionEffects()


async def order_line_choices(
    db: AsyncSession, *, q: str | None = None, limit: int = 100
) -> list[tuple[int, str]]:
    """(id, label) pairs for select widgets, in the default order."""
    rows = await db.scalars(
        select(OrderLine)
        .where(*_conditions(OrderLineFilters(), q))
        .order_by(*_order_by(None))
        .limit(limit)
    )
    return [(row.id, str(row)) for row in rows]


async def _check_rules(
    db: AsyncSession, values: Mapping[str, Any], order_line_id: int | None = None
) -> None:
    """Refuse, naming the field, what the database would: taken unique values, missing rows.

    The database still has the last word (two requests can race): `_commit` turns its
    refusal into a ConflictError too.
    """
    if values.get("order_id") is not None and await db.get(Order, values["order_id"]) is None:
        raise ConflictError("No order with id " + str(values["order_id"]) + ".", "order_id")
    if values.get("product_id") is not None and await db.get(Product, values["product_id"]) is None:
        raise ConflictError("No product with id " + str(values["product_id"]) + ".", "product_id")


async def _commit(db: AsyncSession, *, deleting: bool = False) -> None:
    """Commit, turning the database's refusal (unique value, foreign key) into a ConflictError."""
    try:
        await db.commit()
    except IntegrityError as error:
        await db.rollback()
        if deleting:
            message = "Other rows still refer to this order line."
        else:
            message = "This conflicts with existing data (a unique value or a referenced row)."
        raise ConflictError(message) from error
