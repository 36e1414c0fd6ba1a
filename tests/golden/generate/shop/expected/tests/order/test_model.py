"""The order model and service against a real database."""

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import InvalidRequestError
from sqlalchemy.ext.asyncio import AsyncSession

from shop.kit.errors import ConflictError, NotFoundError
from shop.models.order import Order
from shop.models.order_line import OrderLine
from shop.schemas.order import OrderUpdate
from shop.services import order as order_service
from shop.settings import Settings
from tests.order.factories import create_order, new_order_data
from tests.order_line.factories import create_order_line
from tests.resources import in_database


def test_a_saved_order_reads_back_the_same(settings: Settings) -> None:
    async def work(db: AsyncSession) -> None:
        data = await new_order_data(db)
        created = await order_service.create_order(db, data)
        db.expunge_all()
        order = await order_service.get_order(db, created.id)
        assert order.number == data.number
        assert order.customer_id == data.customer_id
        assert order.status == data.status
        assert order.placed_at == data.placed_at
        assert order.note == data.note
        assert str(order)

    in_database(settings, work)


def test_relationships_must_be_loaded_explicitly(settings: Settings) -> None:
    """`lazy="raise"`: reading an unloaded relationship is an error, never a hidden query."""

    async def work(db: AsyncSession) -> None:
        created = await create_order(db)
        db.expunge_all()
        order = await db.get(Order, created.id)
        assert order is not None
        with pytest.raises(InvalidRequestError):
            _ = order.customer
        loaded = await order_service.get_order(db, created.id)
        _ = loaded.customer  # loaded by the service: no error

    in_database(settings, work)


def test_status_is_stored_as_its_value(settings: Settings) -> None:
    async def work(db: AsyncSession) -> None:
        created = await create_order(db)
        stored = await db.scalar(
            text('SELECT "status" FROM "orders" WHERE id = :id'), {"id": created.id}
        )
        assert stored == created.status.value

    in_database(settings, work)


def test_number_is_unique(settings: Settings) -> None:
    async def work(db: AsyncSession) -> None:
        first = await create_order(db)
        data = await new_order_data(db)
        with pytest.raises(ConflictError) as raised:
            await order_service.create_order(db, data.model_copy(update={"number": first.number}))
        assert raised.value.field == "number"

    in_database(settings, work)


def test_update_changes_only_the_fields_sent(settings: Settings) -> None:
    async def work(db: AsyncSession) -> None:
        order = await create_order(db)
        before = {name: getattr(order, name) for name in OrderUpdate.model_fields}
        changes = OrderUpdate.model_validate({"number": "00000000-0000-0000-0000-000000000001"})
        updated = await order_service.update_order(db, order, changes)
        sent = changes.model_dump(exclude_unset=True)
        for name, value in before.items():
            assert getattr(updated, name) == sent.get(name, value)

    in_database(settings, work)


def test_delete_removes_the_row(settings: Settings) -> None:
    async def work(db: AsyncSession) -> None:
        order = await create_order(db)
        await order_service.delete_order(db, order)
        with pytest.raises(NotFoundError):
            await order_service.get_order(db, order.id)
        assert await db.scalar(select(Order).where(Order.id == order.id)) is None

    in_database(settings, work)


def test_deleting_order_deletes_its_lines(settings: Settings) -> None:
    async def work(db: AsyncSession) -> None:
        order_line = await create_order_line(db)
        order = await order_service.get_order(db, order_line.order_id)
        await order_service.delete_order(db, order)
        assert await db.scalar(select(OrderLine).where(OrderLine.id == order_line.id)) is None

    in_database(settings, work)
