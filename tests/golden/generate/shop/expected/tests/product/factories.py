"""Test data for products: valid input and saved rows, with the rows they refer to."""

from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy.ext.asyncio import AsyncSession

from shop.models.product import Product
from shop.schemas.product import ProductCreate
from shop.services import product as product_service
from tests.category.factories import create_category
from tests.resources import unique_number


async def new_product_data(db: AsyncSession) -> ProductCreate:
    """Valid input for a new product, with unique values not used before.

    Saves the rows it must refer to.
    """
    n = unique_number()
    category_row = await create_category(db)
    return ProductCreate(
        sku=f"Sku {n}",
        name=f"Name {n}",
        description=f"Description {n}",
        price=Decimal("1.5"),
        stock=1,
        active=True,
        category_id=category_row.id,
        attributes={"n": n},
        launched_on=date(2024, 1, 1) + timedelta(days=n),
    )


async def create_product(db: AsyncSession) -> Product:
    """A saved product (and the rows it refers to), relationships loaded."""
    return await product_service.products.create(db, await new_product_data(db))
