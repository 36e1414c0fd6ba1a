"""The JSON API of products at /api/products: the list is here, the other endpoints are the
kit's."""

from datetime import date
from decimal import Decimal
from typing import Annotated

from fastapi import APIRouter, Depends, Query

from shop.db import DbSession
from shop.kit.api import Endpoints, Filters
from shop.kit.listing import ListParams
from shop.kit.schemas import MAX_INT, SafeStr
from shop.models.product import Product
from shop.schemas.product import ProductCreate, ProductPage, ProductRead, ProductUpdate
from shop.services.product import products

router = APIRouter(prefix="/products", tags=["Products"])

#: The endpoints' status codes, token and documented errors, and all but the list (`kit.api`).
api = Endpoints(
    router, products, "product", create=ProductCreate, update=ProductUpdate, read=ProductRead
)
#: For endpoints added here: the documented 404, and the product the path's id names.
NOT_FOUND = api.not_found
ProductFromPath = Annotated[Product, Depends(api.row)]
#: The columns the list reads for `ProductRead`; the kit adds the id and timestamps.
READS = api.reads(
    Product.sku,
    Product.name,
    Product.description,
    Product.price,
    Product.stock,
    Product.active,
    Product.category_id,
    Product.attributes,
    Product.launched_on,
)


async def product_filters(
    sku: Annotated[SafeStr, Query(max_length=32)] | None = None,
    name: Annotated[SafeStr, Query(max_length=200)] | None = None,
    price: Annotated[Decimal, Query(max_digits=10, decimal_places=2)] | None = None,
    stock: Annotated[int, Query(ge=-MAX_INT - 1, le=MAX_INT)] | None = None,
    active: bool | None = None,
    category_id: Annotated[int, Query(ge=1, le=MAX_INT)] | None = None,
    launched_on: date | None = None,
) -> Filters:
    """The list's filters (`api.filters`): each one's value, None where not asked for."""
    return {
        "sku": sku,
        "name": name,
        "price": price,
        "stock": stock,
        "active": active,
        "category_id": category_id,
        "launched_on": launched_on,
    }


@api.index(operation_id="list_products", summary="List products")
async def list_products(
    db: DbSession, params: Annotated[ListParams, Depends(api.list_params(filters=product_filters))]
) -> ProductPage:
    """Products, a page at a time, sorted, filtered and searched."""
    return ProductPage.model_validate(
        await products.read_page(db, params, READS), from_attributes=True
    )


api.add_crud()
