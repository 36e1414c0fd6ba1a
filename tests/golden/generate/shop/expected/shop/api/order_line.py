"""The JSON API of order lines at /api/order-lines: the list is here, the other endpoints are the
kit's."""

from decimal import Decimal
from typing import Annotated

from fastapi import APIRouter, Depends, Query

from shop.db import DbSession
from shop.kit.api import Endpoints, Filters
from shop.kit.listing import ListParams
from shop.kit.schemas import MAX_INT
from shop.models.order_line import OrderLine
from shop.schemas.order_line import OrderLineCreate, OrderLinePage, OrderLineRead, OrderLineUpdate
from shop.services.order_line import order_lines

router = APIRouter(prefix="/order-lines", tags=["Order lines"])

#: The endpoints' status codes, token and documented errors, and all but the list (`kit.api`).
api = Endpoints(
    router,
    order_lines,
    "order_line",
    create=OrderLineCreate,
    update=OrderLineUpdate,
    read=OrderLineRead,
)
#: For endpoints added here: the documented 404, and the order line the path's id names.
NOT_FOUND = api.not_found
OrderLineFromPath = Annotated[OrderLine, Depends(api.row)]
#: The columns the list reads for `OrderLineRead`; the kit adds the id and timestamps.
READS = api.reads(
    OrderLine.order_id,
    OrderLine.product_id,
    OrderLine.quantity,
    OrderLine.unit_price,
)


async def order_line_filters(
    order_id: Annotated[int, Query(ge=1, le=MAX_INT)] | None = None,
    product_id: Annotated[int, Query(ge=1, le=MAX_INT)] | None = None,
    quantity: Annotated[int, Query(ge=-MAX_INT - 1, le=MAX_INT)] | None = None,
    unit_price: Annotated[Decimal, Query(max_digits=10, decimal_places=2)] | None = None,
) -> Filters:
    """The list's filters (`api.filters`): each one's value, None where not asked for."""
    return {
        "order_id": order_id,
        "product_id": product_id,
        "quantity": quantity,
        "unit_price": unit_price,
    }


@api.index(operation_id="list_order_lines", summary="List order lines")
async def list_order_lines(
    db: DbSession,
    params: Annotated[ListParams, Depends(api.list_params(filters=order_line_filters))],
) -> OrderLinePage:
    """Order lines, a page at a time, sorted, filtered."""
    return OrderLinePage.model_validate(
        await order_lines.read_page(db, params, READS), from_attributes=True
    )


api.add_crud()
