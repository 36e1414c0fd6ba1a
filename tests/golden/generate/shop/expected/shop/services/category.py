"""Database operations on categories, shared by the API, the HTML views and the admin.

`categories` is the kit's `Crud` (kit/crud.py) declared for categories: what a
list searches, sorts and filters, which values are unique, which rows must exist, what
deleting does to the rows referring to them. Change behaviour here, by declaration, or
subclass `Crud` and override a method.
"""

from dataclasses import dataclass
from typing import Literal, get_args

from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import joinedload

from shop.kit.crud import Crud, Ref, Unique
from shop.kit.deletion import Referrer
from shop.kit.errors import Label
from shop.kit.listing import ListParams, Page
from shop.kit.schemas import Id
from shop.models.category import Category
from shop.models.product import Product

#: Rows per page when the caller does not say (`api.page_size`).
PAGE_SIZE = 20
#: Largest page the API serves (`api.max_page_size`).
MAX_PAGE_SIZE = 100

categories = Crud(
    Category,
    label=Label("category", "categories"),
    load=(joinedload(Category.parent),),
    search=(Category.name,),
    sort=(
        Category.id,
        Category.created_at,
        Category.updated_at,
        Category.name,
        Category.parent_id,
    ),
    order=(Category.id.asc(),),
    filters=(
        Category.name,
        Category.parent_id,
    ),
    unique=(Unique(Category.name, "A category with this name already exists."),),
    refs=(Ref(Category.parent_id, Category, "parent"),),
    manys=(),
    referrers=(
        Referrer(
            Category, Category.parent_id, Label("category", "categories"), "parent", "set_null"
        ),
        Referrer(
            Product, Product.category_id, Label("product", "products"), "category", "restrict"
        ),
    ),
    page_size=PAGE_SIZE,
    max_page_size=MAX_PAGE_SIZE,
)


# Compatibility with the functions this module had before the kit, for the pages and the
# admin until they call `categories` themselves.
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
get_category = categories.get
create_category = categories.create
update_category = categories.update
delete_category = categories.delete
delete_categories = categories.delete_many
deletion_effects = categories.deletion_effects
category_choices = categories.choices


@dataclass(frozen=True)
class CategoryFilters:
    """Exact-match filters of a list, typed for reading them from a query string; None
    leaves a field unfiltered. Numbers are bounded like their columns: a value no column
    holds names no row (PostgreSQL refuses it as a parameter)."""

    name: str | None = None
    parent_id: Id | None = None


async def list_categories(
    db: AsyncSession,
    *,
    page: int = 1,
    page_size: int = PAGE_SIZE,
    sort: CategorySort | None = None,
    q: str | None = None,
    filters: CategoryFilters | None = None,
) -> Page[Category]:
    """One page of categories (`categories.page`)."""
    wanted = filters or CategoryFilters()
    values: dict[str, object] = {"name": wanted.name, "parent_id": wanted.parent_id}
    params = ListParams(page=page, page_size=page_size, sort=sort, q=q, filters=values)
    return await categories.page(db, params)
