"""Test data for tags: valid input and saved rows, with the rows they refer to."""

from sqlalchemy.ext.asyncio import AsyncSession

from blog.models.tag import Tag
from blog.schemas.tag import TagCreate
from blog.services import tag as tag_service
from tests.resources import unique_number


async def new_tag_data(db: AsyncSession) -> TagCreate:
    """Valid input for a new tag, with unique values not used before.

    Saves the rows it must refer to.
    """
    n = unique_number()
    return TagCreate(
        name=f"Name {n}",
    )


async def create_tag(db: AsyncSession) -> Tag:
    """A saved tag (and the rows it refers to), relationships loaded."""
    return await tag_service.tags.create(db, await new_tag_data(db))
