"""The comment model and service against a real database."""

from sqlalchemy.ext.asyncio import AsyncSession

from blog.services import comment as comment_service
from blog.settings import Settings
from tests.comment.factories import new_comment_data
from tests.resources import in_database


def test_a_saved_comment_reads_back_the_same(settings: Settings) -> None:
    async def work(db: AsyncSession) -> None:
        data = await new_comment_data(db)
        created = await comment_service.comments.create(db, data)
        db.expunge_all()
        comment = await comment_service.comments.get(db, created.id)
        assert comment.post_id == data.post_id
        assert comment.user_id == data.user_id
        assert comment.body == data.body
        assert comment.approved == data.approved
        assert str(comment)

    in_database(settings, work)
