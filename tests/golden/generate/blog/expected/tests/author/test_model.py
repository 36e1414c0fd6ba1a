"""The author model and service against a real database."""

import pytest
from sqlalchemy import select
from sqlalchemy.exc import InvalidRequestError
from sqlalchemy.ext.asyncio import AsyncSession

from blog.kit.errors import ConflictError, NotFoundError
from blog.models.author import Author
from blog.schemas.author import AuthorUpdate
from blog.services import author as author_service
from blog.settings import Settings
from tests.author.factories import create_author, new_author_data
from tests.resources import in_database


def test_a_saved_author_reads_back_the_same(settings: Settings) -> None:
    async def work(db: AsyncSession) -> None:
        data = await new_author_data(db)
        created = await author_service.create_author(db, data)
        db.expunge_all()
        author = await author_service.get_author(db, created.id)
        assert author.name == data.name
        assert author.email == data.email
        assert author.bio == data.bio
        assert author.website == data.website
        assert str(author) == data.name

    in_database(settings, work)


def test_relationships_must_be_loaded_explicitly(settings: Settings) -> None:
    """`lazy="raise"`: reading an unloaded relationship is an error, never a hidden query."""

    async def work(db: AsyncSession) -> None:
        created = await create_author(db)
        db.expunge_all()
        author = await db.get(Author, created.id)
        assert author is not None
        with pytest.raises(InvalidRequestError):
            _ = author.posts

    in_database(settings, work)


def test_email_is_unique(settings: Settings) -> None:
    async def work(db: AsyncSession) -> None:
        first = await create_author(db)
        data = await new_author_data(db)
        with pytest.raises(ConflictError) as raised:
            await author_service.create_author(db, data.model_copy(update={"email": first.email}))
        assert raised.value.field == "email"

    in_database(settings, work)


def test_update_changes_only_the_fields_sent(settings: Settings) -> None:
    async def work(db: AsyncSession) -> None:
        author = await create_author(db)
        before = {name: getattr(author, name) for name in AuthorUpdate.model_fields}
        changes = AuthorUpdate.model_validate({"name": "Name 1"})
        updated = await author_service.update_author(db, author, changes)
        sent = changes.model_dump(exclude_unset=True)
        for name, value in before.items():
            assert getattr(updated, name) == sent.get(name, value)

    in_database(settings, work)


def test_delete_removes_the_row(settings: Settings) -> None:
    async def work(db: AsyncSession) -> None:
        author = await create_author(db)
        await author_service.delete_author(db, author)
        with pytest.raises(NotFoundError):
            await author_service.get_author(db, author.id)
        assert await db.scalar(select(Author).where(Author.id == author.id)) is None

    in_database(settings, work)
