"""The JSON API of orders, mounted at /api/orders.

Anyone may read; writing needs a bearer token (`POST /api/auth/token`).
"""

from typing import Annotated, Any, Literal
from uuid import UUID

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Response, status

from shop.auth.dependencies import require_token_user
from shop.db import DbSession
from shop.kit.errors import ConflictError, NotFoundError
from shop.models.order import Order, OrderStatus
from shop.schemas.common import MAX_INT, ErrorMessage, UtcDatetime
from shop.schemas.order import OrderCreate, OrderPage, OrderRead, OrderUpdate
from shop.services import order as order_service

router = APIRouter(prefix="/orders", tags=["Orders"])

#: What `sort` accepts here (`api.sort`): a column, `-` for descending.
ApiSort = Literal[
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
]

NOT_FOUND: dict[str, Any] = {"model": ErrorMessage, "description": "No order has this id."}
CONFLICT: dict[str, Any] = {
    "model": ErrorMessage,
    "description": "A unique value is taken, or a referenced row is missing or still in use.",
}
BAD_REQUEST: dict[str, Any] = {"model": ErrorMessage, "description": "The body could not be read."}
UNAUTHORIZED: dict[str, Any] = {"model": ErrorMessage, "description": "No valid bearer token."}
OrderId = Annotated[int, Path(ge=1, le=MAX_INT, description="The order's id.")]


async def get_order_or_404(db: DbSession, order_id: OrderId) -> Order:
    """The order named in the path, or a 404 answer."""
    try:
        return await order_service.get_order(db, order_id)
    except NotFoundError as error:
        raise HTTPException(status.HTTP_404_NOT_FOUND, error.message) from error


OrderFromPath = Annotated[Order, Depends(get_order_or_404)]


@router.get("", operation_id="list_orders", summary="List orders")
async def list_orders(
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
        int, Query(ge=1, le=order_service.MAX_PAGE_SIZE)
    ] = order_service.PAGE_SIZE,
    sort: Annotated[
        ApiSort | None, Query(description="Column to sort by; `-` prefix for descending.")
    ] = None,
    number: UUID | None = None,
    customer_id: Annotated[int, Query(ge=1, le=MAX_INT)] | None = None,
    status_: Annotated[OrderStatus | None, Query(alias="status")] = None,
    placed_at: UtcDatetime | None = None,
) -> OrderPage:
    """Orders, a page at a time, sorted, filtered."""
    filters = order_service.OrderFilters(
        number=number,
        customer_id=customer_id,
        status=status_,
        placed_at=placed_at,
    )
    result = await order_service.list_order_reads(
        db, page=page, page_size=page_size, sort=sort, filters=filters
    )
    return OrderPage.model_validate(result, from_attributes=True)


@router.post(
    "",
    operation_id="create_order",
    summary="Create an order",
    status_code=status.HTTP_201_CREATED,
    dependencies=[Depends(require_token_user)],
    responses={400: BAD_REQUEST, 401: UNAUTHORIZED, 409: CONFLICT},
)
async def create_order(db: DbSession, data: OrderCreate) -> OrderRead:
    """Create an order; 409 if a unique value is taken or a referenced row is missing."""
    try:
        order = await order_service.create_order(db, data)
    except ConflictError as error:
        raise HTTPException(status.HTTP_409_CONFLICT, error.message) from error
    return OrderRead.model_validate(order)


@router.get(
    "/{order_id}", operation_id="get_order", summary="Get an order", responses={404: NOT_FOUND}
)
async def get_order(order: OrderFromPath) -> OrderRead:
    """One order by id."""
    return OrderRead.model_validate(order)


@router.patch(
    "/{order_id}",
    operation_id="update_order",
    summary="Update an order",
    dependencies=[Depends(require_token_user)],
    responses={400: BAD_REQUEST, 401: UNAUTHORIZED, 404: NOT_FOUND, 409: CONFLICT},
)
async def update_order(db: DbSession, order: OrderFromPath, data: OrderUpdate) -> OrderRead:
    """Change the fields sent, keep the others."""
    try:
        order = await order_service.update_order(db, order, data)
    except ConflictError as error:
        raise HTTPException(status.HTTP_409_CONFLICT, error.message) from error
    return OrderRead.model_validate(order)


@router.delete(
    "/{order_id}",
    operation_id="delete_order",
    summary="Delete an order",
    status_code=status.HTTP_204_NO_CONTENT,
    dependencies=[Depends(require_token_user)],
    responses={401: UNAUTHORIZED, 404: NOT_FOUND, 409: CONFLICT},
)
async def delete_order(db: DbSession, order: OrderFromPath) -> Response:
    """Delete an order; 409 while other rows must keep referring to it."""
    try:
        await order_service.delete_order(db, order)
    except ConflictError as error:
        raise HTTPException(status.HTTP_409_CONFLICT, error.message) from error
    return Response(status_code=status.HTTP_204_NO_CONTENT)
