"""The JSON API of products, mounted at /api/products.

Anyone may read; writing needs a bearer token (`POST /api/auth/token`).
"""

from datetime import date
from decimal import Decimal
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Response, status

from shop.db import DbSession
from shop.kit.api import Endpoints, PageNumber, not_found, page_size_query, search_query, sort_query
from shop.kit.crud import Reads
from shop.kit.listing import ListParams
from shop.kit.schemas import MAX_INT, SafeStr
from shop.models.product import Product
from shop.schemas.product import ProductCreate, ProductPage, ProductRead, ProductUpdate
from shop.services.product import products

router = APIRouter(prefix="/products", tags=["Products"])

NOT_FOUND = not_found("product")
#: The five endpoints' status codes, token and documented errors (`kit.api`).
api = Endpoints(router, "/{product_id}", NOT_FOUND)
#: What `sort` accepts (`api.sort`): one of these columns, `-` before it for descending.
SORT = sort_query(
    Product.id,
    Product.created_at,
    Product.updated_at,
    Product.sku,
    Product.name,
    Product.price,
    Product.stock,
    Product.active,
    Product.category_id,
    Product.launched_on,
)
#: What `ProductRead` shows, read as plain columns by the list (the kit's fast read path).
READS = Reads(
    ProductRead,
    columns=(
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
    ),
)
ProductId = Annotated[int, Path(ge=1, le=MAX_INT, description="The product's id.")]


async def get_product_or_404(db: DbSession, product_id: ProductId) -> Product:
    """The product named in the path (a 404 answer if there is none: `kit.api`)."""
    return await products.get(db, product_id)


ProductFromPath = Annotated[Product, Depends(get_product_or_404)]


@api.index(operation_id="list_products", summary="List products")
async def list_products(
    db: DbSession,
    page: PageNumber = 1,
    page_size: Annotated[int, page_size_query(products)] = products.page_size,
    sort: Annotated[str | None, SORT] = None,
    q: Annotated[SafeStr | None, search_query(products)] = None,
    sku: Annotated[SafeStr, Query(max_length=32)] | None = None,
    name: Annotated[SafeStr, Query(max_length=200)] | None = None,
    price: Annotated[Decimal, Query(max_digits=10, decimal_places=2)] | None = None,
    stock: Annotated[int, Query(ge=-MAX_INT - 1, le=MAX_INT)] | None = None,
    active: bool | None = None,
    category_id: Annotated[int, Query(ge=1, le=MAX_INT)] | None = None,
    launched_on: date | None = None,
) -> ProductPage:
    """Products, a page at a time, sorted, filtered and searched."""
    filters = {
        "sku": sku,
        "name": name,
        "price": price,
        "stock": stock,
        "active": active,
        "category_id": category_id,
        "launched_on": launched_on,
    }
    params = ListParams(page=page, page_size=page_size, sort=sort, q=q, filters=filters)
    return ProductPage.model_validate(
        await products.read_page(db, params, READS), from_attributes=True
    )


@api.create(operation_id="create_product", summary="Create a product")
async def create_product(db: DbSession, data: ProductCreate) -> ProductRead:
    """Create a product; 409 if a unique value is taken or a referenced row is missing."""
    return ProductRead.model_validate(await products.create(db, data))


@api.show(operation_id="get_product", summary="Get a product")
async def get_product(product: ProductFromPath) -> ProductRead:
    """One product by id."""
    return ProductRead.model_validate(product)


@api.update(operation_id="update_product", summary="Update a product")
async def update_product(
    db: DbSession, product: ProductFromPath, data: ProductUpdate
) -> ProductRead:
    """Change the fields sent, keep the others."""
    return ProductRead.model_validate(await products.update(db, product, data))


@api.delete(operation_id="delete_product", summary="Delete a product")
async def delete_product(db: DbSession, product: ProductFromPath) -> Response:
    """Delete a product; 409 while other rows must keep referring to it."""
    await products.delete(db, product)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
