"""The tag model and service against a real database."""

import pytest
from sqlalchemy import select
from sqlalchemy.exc import InvalidRequestError
from sqlalchemy.ext.asyncio import AsyncSession

from blog.kit.errors import ConflictError, NotFoundError
from blog.models.tag import Tag
from blog.schemas.tag import TagUpdate
from blog.services import tag as tag_service
from blog.settings import Settings
from tests.resources import in_database
from tests.tag.factories import create_tag, new_tag_data


def test_a_saved_tag_reads_back_the_same(settings: Settings) -> None:
    async def work(db: AsyncSession) -> None:
        data = await new_tag_data(db)
        created = await tag_service.create_tag(db, data)
        db.expunge_all()
        tag = await tag_service.get_tag(db, created.id)
        assert tag.name == data.name
        assert str(tag) == data.name

    in_database(settings, work)


def test_relationships_must_be_loaded_explicitly(settings: Settings) -> None:
    """`lazy="raise"`: reading an unloaded relationship is an error, never a hidden query."""

    async def work(db: AsyncSession) -> None:
        created = await create_tag(db)
        db.expunge_all()
        tag = await db.get(Tag, created.id)
        assert tag is not None
        with pytest.raises(InvalidRequestError):
            _ = tag.posts

    in_database(settings, work)


def test_name_is_unique(settings: Settings) -> None:
    async def work(db: AsyncSession) -> None:
        first = await create_tag(db)
        data = await new_tag_data(db)
        with pytest.raises(ConflictError) as raised:
            await tag_service.create_tag(db, data.model_copy(update={"name": first.name}))
        assert raised.value.field == "name"

    in_database(settings, work)


def test_update_changes_only_the_fields_sent(settings: Settings) -> None:
    async def work(db: AsyncSession) -> None:
        tag = await create_tag(db)
        before = {name: getattr(tag, name) for name in TagUpdate.model_fields}
        changes = TagUpdate.model_validate({"name": "Name 1"})
        updated = await tag_service.update_tag(db, tag, changes)
        sent = changes.model_dump(exclude_unset=True)
        for name, value in before.items():
            assert getattr(updated, name) == sent.get(name, value)

    in_database(settings, work)


def test_delete_removes_the_row(settings: Settings) -> None:
    async def work(db: AsyncSession) -> None:
        tag = await create_tag(db)
        await tag_service.delete_tag(db, tag)
        with pytest.raises(NotFoundError):
            await tag_service.get_tag(db, tag.id)
        assert await db.scalar(select(Tag).where(Tag.id == tag.id)) is None

    in_database(settings, work)
