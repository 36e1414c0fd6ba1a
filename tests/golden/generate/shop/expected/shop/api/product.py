"""The JSON API of products, mounted at /api/products.

Anyone may read; writing needs a bearer token (`POST /api/auth/token`).
"""

from datetime import date
from decimal import Decimal
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Path, Query, Response, status

from shop.auth.dependencies import require_token_user
from shop.db import DbSession
from shop.kit.api import BAD_REQUEST, CONFLICT, UNAUTHORIZED, not_found
from shop.kit.crud import Reads
from shop.kit.listing import ListParams
from shop.kit.schemas import MAX_INT, SafeStr
from shop.models.product import Product
from shop.schemas.product import ProductCreate, ProductPage, ProductRead, ProductUpdate
from shop.services.product import products

router = APIRouter(prefix="/products", tags=["Products"])

#: What `sort` accepts here (`api.sort`): a column, `-` for descending.
ApiSort = Literal[
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

NOT_FOUND = not_found("product")
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
#: What `q` searches: one field name a line, so long names still fit.
SEARCH_DESCRIPTION = "Search in " + ", ".join(("sku", "name")) + "."
ProductId = Annotated[int, Path(ge=1, le=MAX_INT, description="The product's id.")]


async def get_product_or_404(db: DbSession, product_id: ProductId) -> Product:
    """The product named in the path (a 404 answer if there is none: `kit.api`)."""
    return await products.get(db, product_id)


ProductFromPath = Annotated[Product, Depends(get_product_or_404)]


@router.get("", operation_id="list_products", summary="List products")
async def list_products(
    db: DbSession,
    page: Annotated[
        int,
        Query(
            ge=1,
            le=MAX_INT,
            description="1-based page number; past the last page, `items` is empty.",
        ),
    ] = 1,
    page_size: Annotated[int, Query(ge=1, le=products.max_page_size)] = products.page_size,
    sort: Annotated[
        ApiSort | None, Query(description="Column to sort by; `-` prefix for descending.")
    ] = None,
    q: Annotated[SafeStr | None, Query(max_length=200, description=SEARCH_DESCRIPTION)] = None,
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


@router.post(
    "",
    operation_id="create_product",
    summary="Create a product",
    status_code=status.HTTP_201_CREATED,
    dependencies=[Depends(require_token_user)],
    responses={400: BAD_REQUEST, 401: UNAUTHORIZED, 409: CONFLICT},
)
async def create_product(db: DbSession, data: ProductCreate) -> ProductRead:
    """Create a product; 409 if a unique value is taken or a referenced row is missing."""
    return ProductRead.model_validate(await products.create(db, data))


@router.get(
    "/{product_id}", operation_id="get_product", summary="Get a product", responses={404: NOT_FOUND}
)
async def get_product(product: ProductFromPath) -> ProductRead:
    """One product by id."""
    return ProductRead.model_validate(product)


@router.patch(
    "/{product_id}",
    operation_id="update_product",
    summary="Update a product",
    dependencies=[Depends(require_token_user)],
    responses={400: BAD_REQUEST, 401: UNAUTHORIZED, 404: NOT_FOUND, 409: CONFLICT},
)
async def update_product(
    db: DbSession, product: ProductFromPath, data: ProductUpdate
) -> ProductRead:
    """Change the fields sent, keep the others."""
    return ProductRead.model_validate(await products.update(db, product, data))


@router.delete(
    "/{product_id}",
    operation_id="delete_product",
    summary="Delete a product",
    status_code=status.HTTP_204_NO_CONTENT,
    dependencies=[Depends(require_token_user)],
    responses={401: UNAUTHORIZED, 404: NOT_FOUND, 409: CONFLICT},
)
async def delete_product(db: DbSession, product: ProductFromPath) -> Response:
    """Delete a product; 409 while other rows must keep referring to it."""
    await products.delete(db, product)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
