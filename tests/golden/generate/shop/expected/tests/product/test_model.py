"""The product model and service against a real database."""

import pytest
from sqlalchemy import select
from sqlalchemy.exc import InvalidRequestError
from sqlalchemy.ext.asyncio import AsyncSession

from shop.kit.errors import ConflictError, NotFoundError
from shop.models.product import Product
from shop.schemas.product import ProductUpdate
from shop.services import product as product_service
from shop.settings import Settings
from tests.product.factories import create_product, new_product_data
from tests.resources import in_database


def test_a_saved_product_reads_back_the_same(settings: Settings) -> None:
    async def work(db: AsyncSession) -> None:
        data = await new_product_data(db)
        created = await product_service.create_product(db, data)
        db.expunge_all()
        product = await product_service.get_product(db, created.id)
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


def test_relationships_must_be_loaded_explicitly(settings: Settings) -> None:
    """`lazy="raise"`: reading an unloaded relationship is an error, never a hidden query."""

    async def work(db: AsyncSession) -> None:
        created = await create_product(db)
        db.expunge_all()
        product = await db.get(Product, created.id)
        assert product is not None
        with pytest.raises(InvalidRequestError):
            _ = product.category
        loaded = await product_service.get_product(db, created.id)
        _ = loaded.category  # loaded by the service: no error

    in_database(settings, work)


def test_sku_is_unique(settings: Settings) -> None:
    async def work(db: AsyncSession) -> None:
        first = await create_product(db)
        data = await new_product_data(db)
        with pytest.raises(ConflictError) as raised:
            await product_service.create_product(db, data.model_copy(update={"sku": first.sku}))
        assert raised.value.field == "sku"

    in_database(settings, work)


def test_update_changes_only_the_fields_sent(settings: Settings) -> None:
    async def work(db: AsyncSession) -> None:
        product = await create_product(db)
        before = {name: getattr(product, name) for name in ProductUpdate.model_fields}
        changes = ProductUpdate.model_validate({"sku": "Sku 1"})
        updated = await product_service.update_product(db, product, changes)
        sent = changes.model_dump(exclude_unset=True)
        for name, value in before.items():
            assert getattr(updated, name) == sent.get(name, value)

    in_database(settings, work)


def test_delete_removes_the_row(settings: Settings) -> None:
    async def work(db: AsyncSession) -> None:
        product = await create_product(db)
        await product_service.delete_product(db, product)
        with pytest.raises(NotFoundError):
            await product_service.get_product(db, product.id)
        assert await db.scalar(select(Product).where(Product.id == product.id)) is None

    in_database(settings, work)
