"""The category model and service against a real database."""

import pytest
from sqlalchemy import select
from sqlalchemy.exc import InvalidRequestError
from sqlalchemy.ext.asyncio import AsyncSession

from shop.kit.errors import ConflictError, NotFoundError
from shop.models.category import Category
from shop.schemas.category import CategoryUpdate
from shop.services import category as category_service
from shop.settings import Settings
from tests.category.factories import create_category, new_category_data
from tests.resources import in_database


def test_a_saved_category_reads_back_the_same(settings: Settings) -> None:
    async def work(db: AsyncSession) -> None:
        data = await new_category_data(db)
        created = await category_service.create_category(db, data)
        db.expunge_all()
        category = await category_service.get_category(db, created.id)
        assert category.name == data.name
        assert category.parent_id == data.parent_id
        assert str(category) == data.name

    in_database(settings, work)


def test_relationships_must_be_loaded_explicitly(settings: Settings) -> None:
    """`lazy="raise"`: reading an unloaded relationship is an error, never a hidden query."""

    async def work(db: AsyncSession) -> None:
        created = await create_category(db)
        db.expunge_all()
        category = await db.get(Category, created.id)
        assert category is not None
        with pytest.raises(InvalidRequestError):
            _ = category.parent
        loaded = await category_service.get_category(db, created.id)
        _ = loaded.parent  # loaded by the service: no error

    in_database(settings, work)


def test_name_is_unique(settings: Settings) -> None:
    async def work(db: AsyncSession) -> None:
        first = await create_category(db)
        data = await new_category_data(db)
        with pytest.raises(ConflictError) as raised:
            await category_service.create_category(db, data.model_copy(update={"name": first.name}))
        assert raised.value.field == "name"

    in_database(settings, work)


def test_update_changes_only_the_fields_sent(settings: Settings) -> None:
    async def work(db: AsyncSession) -> None:
        category = await create_category(db)
        before = {name: getattr(category, name) for name in CategoryUpdate.model_fields}
        changes = CategoryUpdate.model_validate({"name": "Name 1"})
        updated = await category_service.update_category(db, category, changes)
        sent = changes.model_dump(exclude_unset=True)
        for name, value in before.items():
            assert getattr(updated, name) == sent.get(name, value)

    in_database(settings, work)


def test_delete_removes_the_row(settings: Settings) -> None:
    async def work(db: AsyncSession) -> None:
        category = await create_category(db)
        await category_service.delete_category(db, category)
        with pytest.raises(NotFoundError):
            await category_service.get_category(db, category.id)
        assert await db.scalar(select(Category).where(Category.id == category.id)) is None

    in_database(settings, work)
