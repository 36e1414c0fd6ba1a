"""The product model and service against a real database."""

from sqlalchemy.ext.asyncio import AsyncSession

from shop.services import product as product_service
from shop.settings import Settings
from tests.product.factories import new_product_data
from tests.resources import in_database


def test_a_saved_product_reads_back_the_same(settings: Settings) -> None:
    async def work(db: AsyncSession) -> None:
        data = await new_product_data(db)
        created = await product_service.products.create(db, data)
        db.expunge_all()
        product = await product_service.products.get(db, created.id)
        assert product.sku == data.sku
        assert product.name == data.name
        assert product.description == data.description
        assert product.price == data.price
        assert product.stock == data.stock
        assert product.active == data.active
        assert product.category_id == data.category_id
        assert product.attributes == data.attributes
        assert product.launched_on == data.launched_on
        assert str(product) == data.sku

    in_database(settings, work)
