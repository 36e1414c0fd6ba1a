"""The order line model and service against a real database."""

from sqlalchemy.ext.asyncio import AsyncSession

from shop.models.order_line import OrderLine
from shop.services import order_line as order_line_service
from shop.settings import Settings
from tests.order_line.factories import create_order_line, new_order_line_data
from tests.resources import database_refuses, in_database


def test_a_saved_order_line_reads_back_the_same(settings: Settings) -> None:
    async def work(db: AsyncSession) -> None:
        data = await new_order_line_data(db)
        created = await order_line_service.order_lines.create(db, data)
        db.expunge_all()
        order_line = await order_line_service.order_lines.get(db, created.id)
        assert order_line.order_id == data.order_id
        assert order_line.product_id == data.product_id
        assert order_line.quantity == data.quantity
        assert order_line.unit_price == data.unit_price
        assert str(order_line)

    in_database(settings, work)


def test_the_database_enforces_quantity_min(settings: Settings) -> None:
    database_refuses(settings, create_order_line, OrderLine.quantity, 0)
