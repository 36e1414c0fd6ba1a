"""The order model and service against a real database."""

from sqlalchemy import select, text
from sqlalchemy.ext.asyncio import AsyncSession

from shop.models.order_line import OrderLine
from shop.services import order as order_service
from shop.settings import Settings
from tests.order.factories import create_order, new_order_data
from tests.order_line.factories import create_order_line
from tests.resources import in_database


def test_a_saved_order_reads_back_the_same(settings: Settings) -> None:
    async def work(db: AsyncSession) -> None:
        data = await new_order_data(db)
        created = await order_service.orders.create(db, data)
        db.expunge_all()
        order = await order_service.orders.get(db, created.id)
        assert order.number == data.number
        assert order.customer_id == data.customer_id
        assert order.status == data.status
        assert order.placed_at == data.placed_at
        assert order.note == data.note
        assert str(order)

    in_database(settings, work)


def test_status_is_stored_as_its_value(settings: Settings) -> None:
    async def work(db: AsyncSession) -> None:
        created = await create_order(db)
        stored = await db.scalar(
            text('SELECT "status" FROM "orders" WHERE id = :id'), {"id": created.id}
        )
        assert stored == created.status.value

    in_database(settings, work)


def test_deleting_order_deletes_its_lines(settings: Settings) -> None:
    async def work(db: AsyncSession) -> None:
        order_line = await create_order_line(db)
        order = await order_service.orders.get(db, order_line.order_id)
        await order_service.orders.delete(db, order)
        assert await db.scalar(select(OrderLine).where(OrderLine.id == order_line.id)) is None

    in_database(settings, work)
