"""The JSON API of order lines, mounted at /api/order-lines.

Anyone may read; writing needs a bearer token (`POST /api/auth/token`).
"""

from decimal import Decimal
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Response, status

from shop.db import DbSession
from shop.kit.api import Endpoints, PageNumber, not_found, page_size_query, sort_query
from shop.kit.crud import Reads
from shop.kit.listing import ListParams
from shop.kit.schemas import MAX_INT
from shop.models.order_line import OrderLine
from shop.schemas.order_line import OrderLineCreate, OrderLinePage, OrderLineRead, OrderLineUpdate
from shop.services.order_line import order_lines

router = APIRouter(prefix="/order-lines", tags=["Order lines"])

NOT_FOUND = not_found("order line")
#: The five endpoints' status codes, token and documented errors (`kit.api`).
api = Endpoints(router, "/{order_line_id}", NOT_FOUND)
#: What `sort` accepts (`api.sort`): one of these columns, `-` before it for descending.
SORT = sort_query(
    OrderLine.id,
    OrderLine.created_at,
    OrderLine.updated_at,
    OrderLine.order_id,
    OrderLine.product_id,
    OrderLine.quantity,
    OrderLine.unit_price,
)
#: What `OrderLineRead` shows, read as plain columns by the list (the kit's fast read path).
READS = Reads(
    OrderLineRead,
    columns=(
        OrderLine.id,
        OrderLine.order_id,
        OrderLine.product_id,
        OrderLine.quantity,
        OrderLine.unit_price,
        OrderLine.created_at,
        OrderLine.updated_at,
    ),
)
OrderLineId = Annotated[int, Path(ge=1, le=MAX_INT, description="The order line's id.")]


async def get_order_line_or_404(db: DbSession, order_line_id: OrderLineId) -> OrderLine:
    """The order line named in the path (a 404 answer if there is none: `kit.api`)."""
    return await order_lines.get(db, order_line_id)


OrderLineFromPath = Annotated[OrderLine, Depends(get_order_line_or_404)]


@api.index(operation_id="list_order_lines", summary="List order lines")
async def list_order_lines(
    db: DbSession,
    page: PageNumber = 1,
    page_size: Annotated[int, page_size_query(order_lines)] = order_lines.page_size,
    sort: Annotated[str | None, SORT] = None,
    order_id: Annotated[int, Query(ge=1, le=MAX_INT)] | None = None,
    product_id: Annotated[int, Query(ge=1, le=MAX_INT)] | None = None,
    quantity: Annotated[int, Query(ge=-MAX_INT - 1, le=MAX_INT)] | None = None,
    unit_price: Annotated[Decimal, Query(max_digits=10, decimal_places=2)] | None = None,
) -> OrderLinePage:
    """Order lines, a page at a time, sorted, filtered."""
    filters = {
        "order_id": order_id,
        "product_id": product_id,
        "quantity": quantity,
        "unit_price": unit_price,
    }
    params = ListParams(page=page, page_size=page_size, sort=sort, filters=filters)
    return OrderLinePage.model_validate(
        await order_lines.read_page(db, params, READS), from_attributes=True
    )


@api.create(operation_id="create_order_line", summary="Create an order line")
async def create_order_line(db: DbSession, data: OrderLineCreate) -> OrderLineRead:
    """Create an order line; 409 if a unique value is taken or a referenced row is missing."""
    return OrderLineRead.model_validate(await order_lines.create(db, data))


@api.show(operation_id="get_order_line", summary="Get an order line")
async def get_order_line(order_line: OrderLineFromPath) -> OrderLineRead:
    """One order line by id."""
    return OrderLineRead.model_validate(order_line)


@api.update(operation_id="update_order_line", summary="Update an order line")
async def update_order_line(
    db: DbSession, order_line: OrderLineFromPath, data: OrderLineUpdate
) -> OrderLineRead:
    """Change the fields sent, keep the others."""
    return OrderLineRead.model_validate(await order_lines.update(db, order_line, data))


@api.delete(operation_id="delete_order_line", summary="Delete an order line")
async def delete_order_line(db: DbSession, order_line: OrderLineFromPath) -> Response:
    """Delete an order line; 409 while other rows must keep referring to it."""
    await order_lines.delete(db, order_line)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
