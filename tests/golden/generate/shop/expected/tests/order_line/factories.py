"""Test data for order lines: valid input and saved rows, with the rows they refer to."""

from decimal import Decimal

from sqlalchemy.ext.asyncio import AsyncSession

from shop.models.order_line import OrderLine
from shop.schemas.order_line import OrderLineCreate
from shop.services import order_line as order_line_service
from tests.order.factories import create_order
from tests.product.factories import create_product


async def new_order_line_data(db: AsyncSession) -> OrderLineCreate:
    """Valid input for a new order line, with unique values not used before.

    Saves the rows it must refer to.
    """
    order_row = await create_order(db)
    product_row = await create_product(db)
    return OrderLineCreate(
        order_id=order_row.id,
        product_id=product_row.id,
        quantity=1,
        unit_price=Decimal("1.5"),
    )


async def create_order_line(db: AsyncSession) -> OrderLine:
    """A saved order line (and the rows it refers to), relationships loaded."""
    return await order_line_service.order_lines.create(db, await new_order_line_data(db))
