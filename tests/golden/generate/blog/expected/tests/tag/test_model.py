"""The tag model and service against a real database."""

from sqlalchemy.ext.asyncio import AsyncSession

from blog.services import tag as tag_service
from blog.settings import Settings
from tests.resources import in_database
from tests.tag.factories import new_tag_data


def test_a_saved_tag_reads_back_the_same(settings: Settings) -> None:
    async def work(db: AsyncSession) -> None:
        data = await new_tag_data(db)
        created = await tag_service.tags.create(db, data)
        db.expunge_all()
        tag = await tag_service.tags.get(db, created.id)
        assert tag.name == data.name
        assert str(tag) == data.name

    in_database(settings, work)
