"""Database operations on products, shared by the API, the HTML views and the admin.

`products` is the kit's `Crud` (kit/crud.py) declared for products: what a
list searches, sorts and filters, which values are unique, which rows must exist, what
deleting does to the rows referring to them. Change behaviour here, by declaration, or
subclass `Crud` and override a method.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Literal, get_args

from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import joinedload

from shop.kit.crud import Crud, Ref, Unique
from shop.kit.deletion import Referrer
from shop.kit.errors import Label
from shop.kit.listing import ListParams, Page
from shop.kit.schemas import Id, Int32
from shop.models.category import Category
from shop.models.order_line import OrderLine
from shop.models.product import Product

#: Rows per page when the caller does not say (`api.page_size`).
PAGE_SIZE = 20
#: Largest page the API serves (`api.max_page_size`).
MAX_PAGE_SIZE = 100

products = Crud(
    Product,
    label=Label("product", "products"),
    load=(joinedload(Product.category),),
    search=(
        Product.sku,
        Product.name,
    ),
    sort=(
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
    ),
    order=(Product.id.asc(),),
    filters=(
        Product.sku,
        Product.name,
        Product.price,
        Product.stock,
        Product.active,
        Product.category_id,
        Product.launched_on,
    ),
    unique=(Unique(Product.sku, "A product with this sku already exists."),),
    refs=(Ref(Product.category_id, Category, "category"),),
    manys=(),
    referrers=(
        Referrer(
            OrderLine,
            OrderLine.product_id,
            Label("order line", "order lines"),
            "product",
            "restrict",
        ),
    ),
    page_size=PAGE_SIZE,
    max_page_size=MAX_PAGE_SIZE,
)


# Compatibility with the functions this module had before the kit, for the pages and the
# admin until they call `products` themselves.
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
get_product = products.get
create_product = products.create
update_product = products.update
delete_product = products.delete
delete_products = products.delete_many
deletion_effects = products.deletion_effects
product_choices = products.choices


@dataclass(frozen=True)
class ProductFilters:
    """Exact-match filters of a list, typed for reading them from a query string; None
    leaves a field unfiltered. Numbers are bounded like their columns: a value no column
    holds names no row (PostgreSQL refuses it as a parameter)."""

    sku: str | None = None
    name: str | None = None
    price: Decimal | None = None
    stock: Int32 | None = None
    active: bool | None = None
    category_id: Id | None = None
    launched_on: date | None = None


async def list_products(
    db: AsyncSession,
    *,
    page: int = 1,
    page_size: int = PAGE_SIZE,
    sort: ProductSort | None = None,
    q: str | None = None,
    filters: ProductFilters | None = None,
) -> Page[Product]:
    """One page of products (`products.page`)."""
    wanted = filters or ProductFilters()
    values: dict[str, object] = {
        "sku": wanted.sku,
        "name": wanted.name,
        "price": wanted.price,
        "stock": wanted.stock,
        "active": wanted.active,
        "category_id": wanted.category_id,
        "launched_on": wanted.launched_on,
    }
    params = ListParams(page=page, page_size=page_size, sort=sort, q=q, filters=values)
    return await products.page(db, params)
