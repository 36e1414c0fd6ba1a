"""Database operations on categories, shared by the API, the HTML views and the admin.

Every function takes the request's session and commits its own writes. Failures are
`NotFoundError` and `ConflictError` (never HTTP errors): each caller answers them its
own way. Rows come back with every relationship loaded, since the model refuses lazy
loads (`lazy="raise"`): a page of any size costs the same few queries.
The API's lists skip ORM objects altogether and read the columns they return
(`list_category_reads`).
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
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
from shop.models.product import Product
from shop.schemas.category import CategoryCreate, CategoryRead, CategoryUpdate
from shop.schemas.common import Id

#: Rows per page when the caller does not say (`api.page_size`).
PAGE_SIZE = 20
#: Largest page the API serves (`api.max_page_size`); callers check it, not this module.
MAX_PAGE_SIZE = 100

#: A column to sort by, `-` for descending.
CategorySort = Literal[
    "id",
    "-id",
    "created_at",
    "-created_at",
    "updated_at",
    "-updated_at",
    "name",
    "-name",
    "parent_id",
    "-parent_id",
]
#: The same keys at runtime, e.g. to check a query string.
SORT_KEYS: tuple[CategorySort, ...] = get_args(CategorySort)

#: The column each sort key orders by (keyed by attribute name: a key is the name once,
#: so a long field name still fits a line).
SORT_COLUMNS: dict[str, InstrumentedAttribute[Any]] = {
    column.key: column
    for column in (
        Category.id,
        Category.created_at,
        Category.updated_at,
        Category.name,
        Category.parent_id,
    )
}

#: What `CategoryRead` shows, selected as plain columns for the API's lists.
READ_COLUMNS = (
    Category.id,
    Category.name,
    Category.parent_id,
    Category.created_at,
    Category.updated_at,
)


@dataclass(frozen=True)
class CategoryFilters:
    """Exact-match filters of a list; None leaves a field unfiltered.

    Numbers are bounded like their columns: the admin reads these from the query string,
    and a value no column holds names no row (PostgreSQL refuses it as a parameter).
    """

    name: str | None = None
    parent_id: Id | None = None


def _loaded() -> list[LoaderOption]:
    """Loader options giving every row its relationships, in a fixed number of queries."""
    return [
        joinedload(Category.parent),
    ]


def _conditions(filters: CategoryFilters, q: str | None) -> list[ColumnElement[bool]]:
    """WHERE conditions of a list: `filters`, and `q` searched in name."""
    conditions: list[ColumnElement[bool]] = []
    if filters.name is not None:
        conditions.append(Category.name == filters.name)
    if filters.parent_id is not None:
        conditions.append(Category.parent_id == filters.parent_id)
    if q is not None and q.strip():
        pattern = f"%{escape_like(q.strip())}%"
        conditions.append(
            or_(
                Category.name.ilike(pattern, escape="\\"),
            )
        )
    return conditions


def _order_by(sort: CategorySort | None) -> list[ColumnElement[Any]]:
    """ORDER BY of a list: `sort`, else the default order; id breaks ties."""
    if sort is None:
        return [
            Category.id.asc(),
        ]
    column = SORT_COLUMNS[sort.removeprefix("-")]
    return [column.desc() if sort.startswith("-") else column.asc(), Category.id.asc()]


async def list_categories(
    db: AsyncSession,
    *,
    page: int = 1,
    page_size: int = PAGE_SIZE,
    sort: CategorySort | None = None,
    q: str | None = None,
    filters: CategoryFilters | None = None,
) -> Page[Category]:
    """One page of categories matching `filters` and the search `q`.

    A page past the end is empty, not an error.
    """
    conditions = _conditions(filters or CategoryFilters(), q)
    total = await _count(db, conditions)
    rows = await db.scalars(
        select(Category)
        .where(*conditions)
        .options(*_loaded())
        .order_by(*_order_by(sort))
        .limit(page_size)
        .offset((page - 1) * page_size)
    )
    return Page(items=list(rows), total=total, page=page, page_size=page_size)


async def list_category_reads(
    db: AsyncSession,
    *,
    page: int = 1,
    page_size: int = PAGE_SIZE,
    sort: CategorySort | None = None,
    q: str | None = None,
    filters: CategoryFilters | None = None,
) -> Page[CategoryRead]:
    """The page `list_categories` gives, read straight into what the API returns, in one query.

    Plain columns rather than ORM objects (no identity map, no relationship to load);
    the total comes from a subquery beside each row, so a page past the end, having no
    row to carry it, costs a second query.
    """
    conditions = _conditions(filters or CategoryFilters(), q)
    # correlate(None): count the matching rows of the table, not just the outer query's row.
    total = select(func.count()).select_from(Category).where(*conditions).correlate(None)
    result = await db.execute(
        select(*READ_COLUMNS, total.scalar_subquery().label("_total"))
        .where(*conditions)
        .order_by(*_order_by(sort))
        .limit(page_size)
        .offset((page - 1) * page_size)
    )
    rows = result.mappings().all()
    # Each row's "_total" key is not a field of CategoryRead, which ignores it; no field
    # starts with `_`, so it never hides a column (a field may well be named `total`).
    items = [CategoryRead.model_validate(row) for row in rows]
    count = int(rows[0]["_total"]) if rows else await _count(db, conditions)
    return Page(items=items, total=count, page=page, page_size=page_size)


async def _count(db: AsyncSession, conditions: Sequence[ColumnElement[bool]]) -> int:
    """How many rows match `conditions`, on all pages."""
    return await db.scalar(select(func.count()).select_from(Category).where(*conditions)) or 0


async def get_category(db: AsyncSession, category_id: int) -> Category:
    """The category with this id, relationships loaded.

    NotFoundError if there is none (an id out of range is not even looked up).
    """
    if not is_id(category_id):
        raise NotFoundError(f"No category with id {category_id}.")
    category = await db.scalar(
        select(Category)
        .where(Category.id == category_id)
        .options(*_loaded())
        .execution_options(populate_existing=True)
    )
    if category is None:
        raise NotFoundError(f"No category with id {category_id}.")
    return category


async def create_category(db: AsyncSession, data: CategoryCreate) -> Category:
    """Save a new category.

    ConflictError if a unique value is taken or a referenced row is missing.
    """
    values = data.model_dump()
    await _check_rules(db, values)
    category = Category(**values)
    db.add(category)
    await _commit(db)
    return await get_category(db, category.id)


async def update_category(db: AsyncSession, category: Category, data: CategoryUpdate) -> Category:
    """Change the fields set in `data` (PATCH); `category` comes from `get_category`.

    ConflictError like `create_category`.
    """
    values = data.model_dump(exclude_unset=True)
    await _check_rules(db, values, category.id)
    for name, value in values.items():
        setattr(category, name, value)
    await _commit(db)
    return await get_category(db, category.id)


async def delete_category(db: AsyncSession, category: Category) -> None:
    """Delete a category from `get_category`.

    Rows referring to it follow their `on_delete`; ConflictError, naming them, when one
    forbids it (`deletion_effects`), or when the database refuses.
    """
    effects = await deletion_effects(db, [category.id])
    if effects.protected:
        raise ConflictError(effects.refusal("the category \u201c" + str(category) + "”"))
    await db.delete(category)
    await _commit(db, deleting=True)


async def delete_categories(db: AsyncSession, ids: Sequence[int]) -> int:
    """Delete the categories with these ids (all or none); returns how many."""
    wanted = [value for value in ids if is_id(value)]
    effects = await deletion_effects(db, wanted)
    if effects.protected:
        raise ConflictError(effects.refusal("these categories"))
    rows = (
        await db.scalars(select(Category).where(Category.id.in_(wanted)).options(*_loaded()))
    ).all()
    for category in rows:
        await db.delete(category)
    await _commit(db, deleting=True)
    return len(rows)


async def deletion_effects(db: AsyncSession, ids: Sequence[int]) -> DeletionEffects:
    """What deleting the categories with these ids does to the rows referring to them.

    One query per field of the spec that refers to categories (declared
    here when scaffold generated this file), each with its `on_delete`.
    """
    wanted = [value for value in ids if is_id(value)]
    groups = [
        await find_referrers(
            db,
            select(Category)
            .where(Category.parent_id.in_(wanted))
            .where(Category.id.not_in(wanted))
            .order_by(Category.id),
            label="category",
            plural_label="categories",
            field="parent",
            effect="set_null",
        ),
        await find_referrers(
            db,
            select(Product).where(Product.category_id.in_(wanted)).order_by(Product.id),
            label="product",
            plural_label="products",
            field="category",
            effect="restrict",
        ),
    ]
    return DeletionEffects(tuple(groups))


async def category_choices(
    db: AsyncSession, *, q: str | None = None, limit: int = 100
) -> list[tuple[int, str]]:
    """(id, label) pairs for select widgets, in the default order, searched like lists."""
    rows = await db.scalars(
        select(Category)
        .where(*_conditions(CategoryFilters(), q))
        .order_by(*_order_by(None))
        .limit(limit)
    )
    return [(row.id, str(row)) for row in rows]


async def _check_rules(
    db: AsyncSession, values: Mapping[str, Any], category_id: int | None = None
) -> None:
    """Refuse, naming the field, what the database would: taken unique values, missing rows.

    The database still has the last word (two requests can race): `_commit` turns its
    refusal into a ConflictError too.
    """
    if values.get("name") is not None and await _taken(
        db, Category.name, values["name"], category_id
    ):
        raise ConflictError("A category with this name already exists.", "name")
    if values.get("parent_id") is not None and await db.get(Category, values["parent_id"]) is None:
        raise ConflictError("No parent with id " + str(values["parent_id"]) + ".", "parent_id")


async def _taken(
    db: AsyncSession, column: InstrumentedAttribute[Any], value: object, category_id: int | None
) -> bool:
    """Whether another row already has `value` in this unique column."""
    query = select(Category.id).where(column == value)
    if category_id is not None:
        query = query.where(Category.id != category_id)
    return await db.scalar(query.limit(1)) is not None


async def _commit(db: AsyncSession, *, deleting: bool = False) -> None:
    """Commit, turning the database's refusal (unique value, foreign key) into a ConflictError."""
    try:
        await db.commit()
    except IntegrityError as error:
        await db.rollback()
        if deleting:
            message = "Other rows still refer to this category."
        else:
            message = "This conflicts with existing data (a unique value or a referenced row)."
        raise ConflictError(message) from error
