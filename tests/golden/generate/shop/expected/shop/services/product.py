"""Database operations on products, shared by the API, the HTML views and the admin.

Every function takes the request's session and commits its own writes. Failures are
`NotFoundError` and `ConflictError` (never HTTP errors): each caller answers them its
own way. Rows come back with every relationship loaded, since the model refuses lazy
loads (`lazy="raise"`): a page of any size costs the same few queries.
The API's lists skip ORM objects altogether and read the columns they return
(`list_product_reads`).
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any, Literal, get_args

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute, joinedload
from sqlalchemy.orm.interfaces import LoaderOption

from shop.kit.deletion import DeletionEffects, find_referrers
from shop.kit.errors import ConflictError, NotFoundError
from shop.kit.ids import is_id
from shop.kit.listing import Page, escape_like
from shop.models.category import Category
from shop.models.order_line import OrderLine
from shop.models.product import Product
from shop.schemas.common import Id, Int32
from shop.schemas.product import ProductCreate, ProductRead, ProductUpdate

#: Rows per page when the caller does not say (`api.page_size`).
PAGE_SIZE = 20
#: Largest page the API serves (`api.max_page_size`); callers check it, not this module.
MAX_PAGE_SIZE = 100

#: A column to sort by, `-` for descending.
ProductSort = Literal[
    "id",
    "-id",
    "created_at",
    "-created_at",
    "updated_at",
    "-updated_at",
    "sku",
    "-sku",
    "name",
    "-name",
    "description",
    "-description",
    "price",
    "-price",
    "stock",
    "-stock",
    "active",
    "-active",
    "category_id",
    "-category_id",
    "launched_on",
    "-launched_on",
]
#: The same keys at runtime, e.g. to check a query string.
SORT_KEYS: tuple[ProductSort, ...] = get_args(ProductSort)

#: The column each sort key orders by (keyed by attribute name: a key is the name once,
#: so a long field name still fits a line).
SORT_COLUMNS: dict[str, InstrumentedAttribute[Any]] = {
    column.key: column
    for column in (
        Product.id,
        Product.created_at,
        Product.updated_at,
        Product.sku,
        Product.name,
        Product.description,
        Product.price,
        Product.stock,
        Product.active,
        Product.category_id,
        Product.launched_on,
    )
}

#: What `ProductRead` shows, selected as plain columns for the API's lists.
READ_COLUMNS = (
    Product.id,
    Product.sku,
    Product.name,
    Product.description,
    Product.price,
    Product.stock,
    Product.active,
    Product.category_id,
    Product.attributes,
    Product.launched_on,
    Product.created_at,
    Product.updated_at,
)


@dataclass(frozen=True)
class ProductFilters:
    """Exact-match filters of a list; None leaves a field unfiltered.

    Numbers are bounded like their columns: the admin reads these from the query string,
    and a value no column holds names no row (PostgreSQL refuses it as a parameter).
    """

    sku: str | None = None
    name: str | None = None
    price: Decimal | None = None
    stock: Int32 | None = None
    active: bool | None = None
    category_id: Id | None = None
    launched_on: date | None = None


def _loaded() -> list[LoaderOption]:
    """Loader options giving every row its relationships, in a fixed number of queries."""
    return [
        joinedload(Product.category),
    ]


def _conditions(filters: ProductFilters, q: str | None) -> list[ColumnElement[bool]]:
    """WHERE conditions of a list: `filters`, and `q` searched in sku, name."""
    conditions: list[ColumnElement[bool]] = []
    if filters.sku is not None:
        conditions.append(Product.sku == filters.sku)
    if filters.name is not None:
        conditions.append(Product.name == filters.name)
    if filters.price is not None:
        conditions.append(Product.price == filters.price)
    if filters.stock is not None:
        conditions.append(Product.stock == filters.stock)
    if filters.active is not None:
        conditions.append(Product.active == filters.active)
    if filters.category_id is not None:
        conditions.append(Product.category_id == filters.category_id)
    if filters.launched_on is not None:
        conditions.append(Product.launched_on == filters.launched_on)
    if q is not None and q.strip():
        pattern = f"%{escape_like(q.strip())}%"
        conditions.append(
            or_(
                Product.sku.ilike(pattern, escape="\\"),
                Product.name.ilike(pattern, escape="\\"),
            )
        )
    return conditions


def _order_by(sort: ProductSort | None) -> list[ColumnElement[Any]]:
    """ORDER BY of a list: `sort`, else the default order; id breaks ties."""
    if sort is None:
        return [
            Product.id.asc(),
        ]
    column = SORT_COLUMNS[sort.removeprefix("-")]
    return [column.desc() if sort.startswith("-") else column.asc(), Product.id.asc()]


async def list_products(
    db: AsyncSession,
    *,
    page: int = 1,
    page_size: int = PAGE_SIZE,
    sort: ProductSort | None = None,
    q: str | None = None,
    filters: ProductFilters | None = None,
) -> Page[Product]:
    """One page of products matching `filters` and the search `q`.

    A page past the end is empty, not an error.
    """
    conditions = _conditions(filters or ProductFilters(), q)
    total = await _count(db, conditions)
    rows = await db.scalars(
        select(Product)
        .where(*conditions)
        .options(*_loaded())
        .order_by(*_order_by(sort))
        .limit(page_size)
        .offset((page - 1) * page_size)
    )
    return Page(items=list(rows), total=total, page=page, page_size=page_size)


async def list_product_reads(
    db: AsyncSession,
    *,
    page: int = 1,
    page_size: int = PAGE_SIZE,
    sort: ProductSort | None = None,
    q: str | None = None,
    filters: ProductFilters | None = None,
) -> Page[ProductRead]:
    """The page `list_products` gives, read straight into what the API returns, in one query.

    Plain columns rather than ORM objects (no identity map, no relationship to load);
    the total comes from a subquery beside each row, so a page past the end, having no
    row to carry it, costs a second query.
    """
    conditions = _conditions(filters or ProductFilters(), q)
    # correlate(None): count the matching rows of the table, not just the outer query's row.
    total = select(func.count()).select_from(Product).where(*conditions).correlate(None)
    result = await db.execute(
        select(*READ_COLUMNS, total.scalar_subquery().label("_total"))
        .where(*conditions)
        .order_by(*_order_by(sort))
        .limit(page_size)
        .offset((page - 1) * page_size)
    )
    rows = result.mappings().all()
    # Each row's "_total" key is not a field of ProductRead, which ignores it; no field
    # starts with `_`, so it never hides a column (a field may well be named `total`).
    items = [ProductRead.model_validate(row) for row in rows]
    count = int(rows[0]["_total"]) if rows else await _count(db, conditions)
    return Page(items=items, total=count, page=page, page_size=page_size)


async def _count(db: AsyncSession, conditions: Sequence[ColumnElement[bool]]) -> int:
    """How many rows match `conditions`, on all pages."""
    return await db.scalar(select(func.count()).select_from(Product).where(*conditions)) or 0


async def get_product(db: AsyncSession, product_id: int) -> Product:
    """The product with this id, relationships loaded.

    NotFoundError if there is none (an id out of range is not even looked up).
    """
    if not is_id(product_id):
        raise NotFoundError(f"No product with id {product_id}.")
    product = await db.scalar(
        select(Product)
        .where(Product.id == product_id)
        .options(*_loaded())
        .execution_options(populate_existing=True)
    )
    if product is None:
        raise NotFoundError(f"No product with id {product_id}.")
    return product


async def create_product(db: AsyncSession, data: ProductCreate) -> Product:
    """Save a new product.

    ConflictError if a unique value is taken or a referenced row is missing.
    """
    values = data.model_dump()
    await _check_rules(db, values)
    product = Product(**values)
    db.add(product)
    await _commit(db)
    return await get_product(db, product.id)


async def update_product(db: AsyncSession, product: Product, data: ProductUpdate) -> Product:
    """Change the fields set in `data` (PATCH); `product` comes from `get_product`.

    ConflictError like `create_product`.
    """
    values = data.model_dump(exclude_unset=True)
    await _check_rules(db, values, product.id)
    for name, value in values.items():
        setattr(product, name, value)
    await _commit(db)
    return await get_product(db, product.id)


async def delete_product(db: AsyncSession, product: Product) -> None:
    """Delete a product from `get_product`.

    Rows referring to it follow their `on_delete`; ConflictError, naming them, when one
    forbids it (`deletion_effects`), or when the database refuses.
    """
    effects = await deletion_effects(db, [product.id])
    if effects.protected:
        raise ConflictError(effects.refusal("the product \u201c" + str(product) + "”"))
    await db.delete(product)
    await _commit(db, deleting=True)


async def delete_products(db: AsyncSession, ids: Sequence[int]) -> int:
    """Delete the products with these ids (all or none); returns how many."""
    wanted = [value for value in ids if is_id(value)]
    effects = await deletion_effects(db, wanted)
    if effects.protected:
        raise ConflictError(effects.refusal("these products"))
    rows = (
        await db.scalars(select(Product).where(Product.id.in_(wanted)).options(*_loaded()))
    ).all()
    for product in rows:
        await db.delete(product)
    await _commit(db, deleting=True)
    return len(rows)


async def deletion_effects(db: AsyncSession, ids: Sequence[int]) -> DeletionEffects:
    """What deleting the products with these ids does to the rows referring to them.

    One query per field of the spec that refers to products (declared
    here when scaffold generated this file), each with its `on_delete`.
    """
    wanted = [value for value in ids if is_id(value)]
    groups = [
        await find_referrers(
            db,
            select(OrderLine).where(OrderLine.product_id.in_(wanted)).order_by(OrderLine.id),
            label="order line",
            plural_label="order lines",
            field="product",
            effect="restrict",
        ),
    ]
    return DeletionEffects(tuple(groups))


async def product_choices(
    db: AsyncSession, *, q: str | None = None, limit: int = 100
) -> list[tuple[int, str]]:
    """(id, label) pairs for select widgets, in the default order, searched like lists."""
    rows = await db.scalars(
        select(Product)
        .where(*_conditions(ProductFilters(), q))
        .order_by(*_order_by(None))
        .limit(limit)
    )
    return [(row.id, str(row)) for row in rows]


async def _check_rules(
    db: AsyncSession, values: Mapping[str, Any], product_id: int | None = None
) -> None:
    """Refuse, naming the field, what the database would: taken unique values, missing rows.

    The database still has the last word (two requests can race): `_commit` turns its
    refusal into a ConflictError too.
    """
    if values.get("sku") is not None and await _taken(db, Product.sku, values["sku"], product_id):
        raise ConflictError("A product with this sku already exists.", "sku")
    if (
        values.get("category_id") is not None
        and await db.get(Category, values["category_id"]) is None
    ):
        raise ConflictError(
            "No category with id " + str(values["category_id"]) + ".", "category_id"
        )


async def _taken(
    db: AsyncSession, column: InstrumentedAttribute[Any], value: object, product_id: int | None
) -> bool:
    """Whether another row already has `value` in this unique column."""
    query = select(Product.id).where(column == value)
    if product_id is not None:
        query = query.where(Product.id != product_id)
    return await db.scalar(query.limit(1)) is not None


async def _commit(db: AsyncSession, *, deleting: bool = False) -> None:
    """Commit, turning the database's refusal (unique value, foreign key) into a ConflictError."""
    try:
        await db.commit()
    except IntegrityError as error:
        await db.rollback()
        if deleting:
            message = "Other rows still refer to this product."
        else:
            message = "This conflicts with existing data (a unique value or a referenced row)."
        raise ConflictError(message) from error
