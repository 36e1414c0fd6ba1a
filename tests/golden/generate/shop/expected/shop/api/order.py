"""The JSON API of orders, mounted at /api/orders.

Anyone may read; writing needs a bearer token (`POST /api/auth/token`).
"""

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Depends, Path, Query, Response, status

from shop.db import DbSession
from shop.kit.api import Endpoints, PageNumber, not_found, page_size_query, sort_query
from shop.kit.crud import Reads
from shop.kit.listing import ListParams
from shop.kit.schemas import MAX_INT, UtcDatetime
from shop.models.order import Order, OrderStatus
from shop.schemas.order import OrderCreate, OrderPage, OrderRead, OrderUpdate
from shop.services.order import orders

router = APIRouter(prefix="/orders", tags=["Orders"])

NOT_FOUND = not_found("order")
#: The five endpoints' status codes, token and documented errors (`kit.api`).
api = Endpoints(router, "/{order_id}", NOT_FOUND)
#: What `sort` accepts (`api.sort`): one of these columns, `-` before it for descending.
SORT = sort_query(
    Order.id,
    Order.created_at,
    Order.updated_at,
    Order.number,
    Order.customer_id,
    Order.status,
    Order.placed_at,
)
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


@api.index(operation_id="list_orders", summary="List orders")
async def list_orders(
    db: DbSession,
    page: PageNumber = 1,
    page_size: Annotated[int, page_size_query(orders)] = orders.page_size,
    sort: Annotated[str | None, SORT] = None,
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


@api.create(operation_id="create_order", summary="Create an order")
async def create_order(db: DbSession, data: OrderCreate) -> OrderRead:
    """Create an order; 409 if a unique value is taken or a referenced row is missing."""
    return OrderRead.model_validate(await orders.create(db, data))


@api.show(operation_id="get_order", summary="Get an order")
async def get_order(order: OrderFromPath) -> OrderRead:
    """One order by id."""
    return OrderRead.model_validate(order)


@api.update(operation_id="update_order", summary="Update an order")
async def update_order(db: DbSession, order: OrderFromPath, data: OrderUpdate) -> OrderRead:
    """Change the fields sent, keep the others."""
    return OrderRead.model_validate(await orders.update(db, order, data))


@api.delete(operation_id="delete_order", summary="Delete an order")
async def delete_order(db: DbSession, order: OrderFromPath) -> Response:
    """Delete an order; 409 while other rows must keep referring to it."""
    await orders.delete(db, order)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
