"""The category model and service against a real database."""

from sqlalchemy.ext.asyncio import AsyncSession

from shop.services import category as category_service
from shop.settings import Settings
from tests.category.factories import new_category_data
from tests.resources import in_database


def test_a_saved_category_reads_back_the_same(settings: Settings) -> None:
    async def work(db: AsyncSession) -> None:
        data = await new_category_data(db)
        created = await category_service.categories.create(db, data)
        db.expunge_all()
        category = await category_service.categories.get(db, created.id)
        assert category.name == data.name
        assert category.parent_id == data.parent_id
        assert str(category) == data.name

    in_database(settings, work)
