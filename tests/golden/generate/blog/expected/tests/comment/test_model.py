"""The comment model and service against a real database."""

import pytest
from sqlalchemy import select
from sqlalchemy.exc import InvalidRequestError
from sqlalchemy.ext.asyncio import AsyncSession

from blog.kit.errors import NotFoundError
from blog.models.comment import Comment
from blog.schemas.comment import CommentUpdate
from blog.services import comment as comment_service
from blog.settings import Settings
from tests.comment.factories import create_comment, new_comment_data
from tests.resources import in_database


def test_a_saved_comment_reads_back_the_same(settings: Settings) -> None:
    async def work(db: AsyncSession) -> None:
        data = await new_comment_data(db)
        created = await comment_service.create_comment(db, data)
        db.expunge_all()
        comment = await comment_service.get_comment(db, created.id)
        assert comment.post_id == data.post_id
        assert comment.user_id == data.user_id
        assert comment.body == data.body
        assert comment.approved == data.approved
        assert str(comment)

    in_database(settings, work)


def test_relationships_must_be_loaded_explicitly(settings: Settings) -> None:
    """`lazy="raise"`: reading an unloaded relationship is an error, never a hidden query."""

    async def work(db: AsyncSession) -> None:
        created = await create_comment(db)
        db.expunge_all()
        comment = await db.get(Comment, created.id)
        assert comment is not None
        with pytest.raises(InvalidRequestError):
            _ = comment.post
        loaded = await comment_service.get_comment(db, created.id)
        _ = loaded.post  # loaded by the service: no error

    in_database(settings, work)


def test_update_changes_only_the_fields_sent(settings: Settings) -> None:
    async def work(db: AsyncSession) -> None:
        comment = await create_comment(db)
        before = {name: getattr(comment, name) for name in CommentUpdate.model_fields}
        changes = CommentUpdate.model_validate({"body": "Body 1"})
        updated = await comment_service.update_comment(db, comment, changes)
        sent = changes.model_dump(exclude_unset=True)
        for name, value in before.items():
            assert getattr(updated, name) == sent.get(name, value)

    in_database(settings, work)


def test_delete_removes_the_row(settings: Settings) -> None:
    async def work(db: AsyncSession) -> None:
        comment = await create_comment(db)
        await comment_service.delete_comment(db, comment)
        with pytest.raises(NotFoundError):
            await comment_service.get_comment(db, comment.id)
        assert await db.scalar(select(Comment).where(Comment.id == comment.id)) is None

    in_database(settings, work)
