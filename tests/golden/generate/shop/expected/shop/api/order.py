"""The JSON API of orders at /api/orders: the list is here, the other endpoints are the kit's."""

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Depends, Query

from shop.db import DbSession
from shop.kit.api import Endpoints, Filters
from shop.kit.listing import ListParams
from shop.kit.schemas import MAX_INT, UtcDatetime
from shop.models.order import Order, OrderStatus
from shop.schemas.order import OrderCreate, OrderPage, OrderRead, OrderUpdate
from shop.services.order import orders

router = APIRouter(prefix="/orders", tags=["Orders"])

#: The endpoints' status codes, token and documented errors, and all but the list (`kit.api`).
api = Endpoints(router, orders, "order", create=OrderCreate, update=OrderUpdate, read=OrderRead)
#: For endpoints added here: the documented 404, and the order the path's id names.
NOT_FOUND = api.not_found
OrderFromPath = Annotated[Order, Depends(api.row)]
#: The columns the list reads for `OrderRead`; the kit adds the id and timestamps.
READS = api.reads(
    Order.number,
    Order.customer_id,
    Order.status,
    Order.placed_at,
    Order.note,
)


async def order_filters(
    number: UUID | None = None,
    customer_id: Annotated[int, Query(ge=1, le=MAX_INT)] | None = None,
    status_: Annotated[OrderStatus | None, Query(alias="status")] = None,
    placed_at: UtcDatetime | None = None,
) -> Filters:
    """The list's filters (`api.filters`): each one's value, None where not asked for."""
    return {"number": number, "customer_id": customer_id, "status": status_, "placed_at": placed_at}


@api.index(operation_id="list_orders", summary="List orders")
async def list_orders(
    db: DbSession, params: Annotated[ListParams, Depends(api.list_params(filters=order_filters))]
) -> OrderPage:
    """Orders, a page at a time, sorted, filtered."""
    return OrderPage.model_validate(await orders.read_page(db, params, READS), from_attributes=True)


api.add_crud()
