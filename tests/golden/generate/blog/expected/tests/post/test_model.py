"""The post model and service against a real database."""

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import InvalidRequestError
from sqlalchemy.ext.asyncio import AsyncSession

from blog.kit.errors import ConflictError, NotFoundError
from blog.models.comment import Comment
from blog.models.post import Post
from blog.schemas.post import PostUpdate
from blog.services import post as post_service
from blog.settings import Settings
from tests.comment.factories import create_comment
from tests.post.factories import create_post, new_post_data
from tests.resources import in_database


def test_a_saved_post_reads_back_the_same(settings: Settings) -> None:
    async def work(db: AsyncSession) -> None:
        data = await new_post_data(db)
        created = await post_service.create_post(db, data)
        db.expunge_all()
        post = await post_service.get_post(db, created.id)
        assert post.title == data.title
        assert post.slug == data.slug
        assert post.body == data.body
        assert post.status == data.status
        assert post.published_at == data.published_at
        assert post.views == data.views
        assert post.author_id == data.author_id
        assert post.reviewer_id == data.reviewer_id
        assert post.tag_ids == data.tag_ids
        assert str(post) == data.title

    in_database(settings, work)


def test_relationships_must_be_loaded_explicitly(settings: Settings) -> None:
    """`lazy="raise"`: reading an unloaded relationship is an error, never a hidden query."""

    async def work(db: AsyncSession) -> None:
        created = await create_post(db)
        db.expunge_all()
        post = await db.get(Post, created.id)
        assert post is not None
        with pytest.raises(InvalidRequestError):
            _ = post.author
        loaded = await post_service.get_post(db, created.id)
        _ = loaded.author  # loaded by the service: no error

    in_database(settings, work)


def test_status_is_stored_as_its_value(settings: Settings) -> None:
    async def work(db: AsyncSession) -> None:
        created = await create_post(db)
        stored = await db.scalar(
            text('SELECT "status" FROM "posts" WHERE id = :id'), {"id": created.id}
        )
        assert stored == created.status.value

    in_database(settings, work)


def test_slug_is_unique(settings: Settings) -> None:
    async def work(db: AsyncSession) -> None:
        first = await create_post(db)
        data = await new_post_data(db)
        with pytest.raises(ConflictError) as raised:
            await post_service.create_post(db, data.model_copy(update={"slug": first.slug}))
        assert raised.value.field == "slug"

    in_database(settings, work)


def test_update_changes_only_the_fields_sent(settings: Settings) -> None:
    async def work(db: AsyncSession) -> None:
        post = await create_post(db)
        before = {name: getattr(post, name) for name in PostUpdate.model_fields}
        changes = PostUpdate.model_validate({"title": "Title 1"})
        updated = await post_service.update_post(db, post, changes)
        sent = changes.model_dump(exclude_unset=True)
        for name, value in before.items():
            assert getattr(updated, name) == sent.get(name, value)

    in_database(settings, work)


def test_delete_removes_the_row(settings: Settings) -> None:
    async def work(db: AsyncSession) -> None:
        post = await create_post(db)
        await post_service.delete_post(db, post)
        with pytest.raises(NotFoundError):
            await post_service.get_post(db, post.id)
        assert await db.scalar(select(Post).where(Post.id == post.id)) is None

    in_database(settings, work)


def test_deleting_post_deletes_its_comments(settings: Settings) -> None:
    async def work(db: AsyncSession) -> None:
        comment = await create_comment(db)
        post = await post_service.get_post(db, comment.post_id)
        await post_service.delete_post(db, post)
        assert await db.scalar(select(Comment).where(Comment.id == comment.id)) is None

    in_database(settings, work)
