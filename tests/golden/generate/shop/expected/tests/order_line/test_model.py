"""The order line model and service against a real database."""

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError, InvalidRequestError
from sqlalchemy.ext.asyncio import AsyncSession

from shop.kit.errors import NotFoundError
from shop.models.order_line import OrderLine
from shop.schemas.order_line import OrderLineUpdate
from shop.services import order_line as order_line_service
from shop.settings import Settings
from tests.order_line.factories import create_order_line, new_order_line_data
from tests.resources import in_database


def test_a_saved_order_line_reads_back_the_same(settings: Settings) -> None:
    async def work(db: AsyncSession) -> None:
        data = await new_order_line_data(db)
        created = await order_line_service.create_order_line(db, data)
        db.expunge_all()
        order_line = await order_line_service.get_order_line(db, created.id)
        assert order_line.order_id == data.order_id
        assert order_line.product_id == data.product_id
        assert order_line.quantity == data.quantity
        assert order_line.unit_price == data.unit_price
        assert str(order_line)

    in_database(settings, work)


def test_relationships_must_be_loaded_explicitly(settings: Settings) -> None:
    """`lazy="raise"`: reading an unloaded relationship is an error, never a hidden query."""

    async def work(db: AsyncSession) -> None:
        created = await create_order_line(db)
        db.expunge_all()
        order_line = await db.get(OrderLine, created.id)
        assert order_line is not None
        with pytest.raises(InvalidRequestError):
            _ = order_line.order
        loaded = await order_line_service.get_order_line(db, created.id)
        _ = loaded.order  # loaded by the service: no error

    in_database(settings, work)


def test_the_database_enforces_quantity_min(settings: Settings) -> None:
    async def work(db: AsyncSession) -> None:
        order_line = await create_order_line(db)
        order_line.quantity = 0
        with pytest.raises(IntegrityError):
            await db.commit()

    in_database(settings, work)


def test_update_changes_only_the_fields_sent(settings: Settings) -> None:
    async def work(db: AsyncSession) -> None:
        order_line = await create_order_line(db)
        before = {name: getattr(order_line, name) for name in OrderLineUpdate.model_fields}
        changes = OrderLineUpdate.model_validate({"quantity": 1})
        updated = await order_line_service.update_order_line(db, order_line, changes)
        sent = changes.model_dump(exclude_unset=True)
        for name, value in before.items():
            assert getattr(updated, name) == sent.get(name, value)

    in_database(settings, work)


def test_delete_removes_the_row(settings: Settings) -> None:
    async def work(db: AsyncSession) -> None:
        order_line = await create_order_line(db)
        await order_line_service.delete_order_line(db, order_line)
        with pytest.raises(NotFoundError):
            await order_line_service.get_order_line(db, order_line.id)
        assert await db.scalar(select(OrderLine).where(OrderLine.id == order_line.id)) is None

    in_database(settings, work)
