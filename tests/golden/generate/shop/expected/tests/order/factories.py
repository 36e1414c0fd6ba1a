"""Test data for orders: valid input and saved rows, with the rows they refer to."""

from datetime import UTC, datetime, timedelta
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from shop.auth.service import create_user
from shop.models.order import Order, OrderStatus
from shop.schemas.order import OrderCreate
from shop.services import order as order_service
from tests.helpers import PASSWORD
from tests.resources import unique_number


async def new_order_data(db: AsyncSession) -> OrderCreate:
    """Valid input for a new order, with unique values not used before.

    Saves the rows it must refer to.
    """
    n = unique_number()
    customer_row = await create_user(db, f"order-customer-{unique_number()}@example.com", PASSWORD)
    return OrderCreate(
        number=UUID(int=n),
        customer_id=customer_row.id,
        status=OrderStatus.NEW,
        placed_at=datetime(2024, 1, 1, tzinfo=UTC) + timedelta(hours=n),
        note=f"Note {n}",
    )


async def create_order(db: AsyncSession) -> Order:
    """A saved order (and the rows it refers to), relationships loaded."""
    return await order_service.orders.create(db, await new_order_data(db))
