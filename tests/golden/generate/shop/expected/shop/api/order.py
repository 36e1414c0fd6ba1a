"""The JSON API of orders, mounted at /api/orders.

Anyone may read; writing needs a bearer token (`POST /api/auth/token`).
"""

from typing import Annotated, Literal
from uuid import UUID

from fastapi import APIRouter, Depends, Path, Query, Response, status

from shop.auth.dependencies import require_token_user
from shop.db import DbSession
from shop.kit.api import BAD_REQUEST, CONFLICT, UNAUTHORIZED, not_found
from shop.kit.crud import Reads
from shop.kit.listing import ListParams
from shop.kit.schemas import MAX_INT, UtcDatetime
from shop.models.order import Order, OrderStatus
from shop.schemas.order import OrderCreate, OrderPage, OrderRead, OrderUpdate
from shop.services.order import orders

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

NOT_FOUND = not_found("order")
#: What `OrderRead` shows, read as plain columns by the list (the kit's fast read path).
READS = Reads(
    OrderRead,
    columns=(
        Order.id,
        Order.number,
        Order.customer_id,
        Order.status,
        Order.placed_at,
        Order.note,
        Order.created_at,
        Order.updated_at,
    ),
)
OrderId = Annotated[int, Path(ge=1, le=MAX_INT, description="The order's id.")]


async def get_order_or_404(db: DbSession, order_id: OrderId) -> Order:
    """The order named in the path (a 404 answer if there is none: `kit.api`)."""
    return await orders.get(db, order_id)


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
    page_size: Annotated[int, Query(ge=1, le=orders.max_page_size)] = orders.page_size,
    sort: Annotated[
        ApiSort | None, Query(description="Column to sort by; `-` prefix for descending.")
    ] = None,
    number: UUID | None = None,
    customer_id: Annotated[int, Query(ge=1, le=MAX_INT)] | None = None,
    status_: Annotated[OrderStatus | None, Query(alias="status")] = None,
    placed_at: UtcDatetime | None = None,
) -> OrderPage:
    """Orders, a page at a time, sorted, filtered."""
    filters = {
        "number": number,
        "customer_id": customer_id,
        "status": status_,
        "placed_at": placed_at,
    }
    params = ListParams(page=page, page_size=page_size, sort=sort, filters=filters)
    return OrderPage.model_validate(await orders.read_page(db, params, READS), from_attributes=True)


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
    return OrderRead.model_validate(await orders.create(db, data))


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
    return OrderRead.model_validate(await orders.update(db, order, data))


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
    await orders.delete(db, order)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
