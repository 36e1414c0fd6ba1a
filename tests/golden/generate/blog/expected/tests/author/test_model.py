"""The author model and service against a real database."""

from sqlalchemy.ext.asyncio import AsyncSession

from blog.services import author as author_service
from blog.settings import Settings
from tests.author.factories import new_author_data
from tests.resources import in_database


def test_a_saved_author_reads_back_the_same(settings: Settings) -> None:
    async def work(db: AsyncSession) -> None:
        data = await new_author_data(db)
        created = await author_service.authors.create(db, data)
        db.expunge_all()
        author = await author_service.authors.get(db, created.id)
        assert author.name == data.name
        assert author.email == data.email
        assert author.bio == data.bio
        assert author.website == data.website
        assert str(author) == data.name

    in_database(settings, work)
