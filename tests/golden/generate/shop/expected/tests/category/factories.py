"""Test data for categories: valid input and saved rows, with the rows they refer to."""

from sqlalchemy.ext.asyncio import AsyncSession

from shop.models.category import Category
from shop.schemas.category import CategoryCreate
from shop.services import category as category_service
from tests.resources import unique_number


async def new_category_data(db: AsyncSession) -> CategoryCreate:
    """Valid input for a new category, with unique values not used before.

    Saves the rows it must refer to.
    """
    n = unique_number()
    return CategoryCreate(
        name=f"Name {n}",
    )


async def create_category(db: AsyncSession) -> Category:
    """A saved category (and the rows it refers to), relationships loaded."""
    return await category_service.categories.create(db, await new_category_data(db))
