"""The post model and service against a real database."""

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from blog.models.comment import Comment
from blog.services import post as post_service
from blog.settings import Settings
from tests.comment.factories import create_comment
from tests.post.factories import create_post, new_post_data
from tests.resources import deleting_removes, in_database


def test_a_saved_post_reads_back_the_same(settings: Settings) -> None:
    async def work(db: AsyncSession) -> None:
        data = await new_post_data(db)
        created = await post_service.posts.create(db, data)
        db.expunge_all()
        post = await post_service.posts.get(db, created.id)
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


def test_status_is_stored_as_its_value(settings: Settings) -> None:
    async def work(db: AsyncSession) -> None:
        created = await create_post(db)
        stored = await db.scalar(
            text('SELECT "status" FROM "posts" WHERE id = :id'), {"id": created.id}
        )
        assert stored == created.status.value

    in_database(settings, work)


def test_deleting_post_deletes_its_comments(settings: Settings) -> None:
    deleting_removes(settings, post_service.posts, create_comment, Comment, lambda row: row.post_id)
