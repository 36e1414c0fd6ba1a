"""The JSON API of products, mounted at /api/products.

Anyone may read; writing needs a bearer token (`POST /api/auth/token`).
"""

from datetime import date
from decimal import Decimal
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Response, status

from shop.auth.dependencies import require_token_user
from shop.db import DbSession
from shop.kit.errors import ConflictError, NotFoundError
from shop.models.product import Product
from shop.schemas.common import MAX_INT, ErrorMessage, SafeStr
from shop.schemas.product import ProductCreate, ProductPage, ProductRead, ProductUpdate
from shop.services import product as product_service

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

NOT_FOUND: dict[str, Any] = {"model": ErrorMessage, "description": "No product has this id."}
CONFLICT: dict[str, Any] = {
    "model": ErrorMessage,
    "description": "A unique value is taken, or a referenced row is missing or still in use.",
}
BAD_REQUEST: dict[str, Any] = {"model": ErrorMessage, "description": "The body could not be read."}
UNAUTHORIZED: dict[str, Any] = {"model": ErrorMessage, "description": "No valid bearer token."}
#: What `q` searches: one field name a line, so long names still fit.
SEARCH_DESCRIPTION = "Search in " + ", ".join(("sku", "name")) + "."
ProductId = Annotated[int, Path(ge=1, le=MAX_INT, description="The product's id.")]


async def get_product_or_404(db: DbSession, product_id: ProductId) -> Product:
    """The product named in the path, or a 404 answer."""
    try:
        return await product_service.get_product(db, product_id)
    except NotFoundError as error:
        raise HTTPException(status.HTTP_404_NOT_FOUND, error.message) from error


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
    page_size: Annotated[
        int, Query(ge=1, le=product_service.MAX_PAGE_SIZE)
    ] = product_service.PAGE_SIZE,
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
    filters = product_service.ProductFilters(
        sku=sku,
        name=name,
        price=price,
        stock=stock,
        active=active,
        category_id=category_id,
        launched_on=launched_on,
    )
    result = await product_service.list_product_reads(
        db, page=page, page_size=page_size, sort=sort, q=q, filters=filters
    )
    return ProductPage.model_validate(result, from_attributes=True)


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
    try:
        product = await product_service.create_product(db, data)
    except ConflictError as error:
        raise HTTPException(status.HTTP_409_CONFLICT, error.message) from error
    return ProductRead.model_validate(product)


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
    try:
        product = await product_service.update_product(db, product, data)
    except ConflictError as error:
        raise HTTPException(status.HTTP_409_CONFLICT, error.message) from error
    return ProductRead.model_validate(product)


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
    try:
        await product_service.delete_product(db, product)
    except ConflictError as error:
        raise HTTPException(status.HTTP_409_CONFLICT, error.message) from error
    return Response(status_code=status.HTTP_204_NO_CONTENT)
