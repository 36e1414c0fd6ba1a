"""The order model and service against a real database."""

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from shop.models.order_line import OrderLine
from shop.services import order as order_service
from shop.settings import Settings
from tests.order.factories import create_order, new_order_data
from tests.order_line.factories import create_order_line
from tests.resources import deleting_removes, in_database


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
    deleting_removes(
        settings, order_service.orders, create_order_line, OrderLine, lambda row: row.order_id
    )
