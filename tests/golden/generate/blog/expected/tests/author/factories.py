"""Test data for authors: valid input and saved rows, with the rows they refer to."""

from sqlalchemy.ext.asyncio import AsyncSession

from blog.models.author import Author
from blog.schemas.author import AuthorCreate
from blog.services import author as author_service
from tests.resources import unique_number


async def new_author_data(db: AsyncSession) -> AuthorCreate:
    """Valid input for a new author, with unique values not used before.

    Saves the rows it must refer to.
    """
    n = unique_number()
    return AuthorCreate(
        name=f"Name {n}",
        email=f"email-{n}@example.com",
        bio=f"Bio {n}",
        website=f"https://example.com/website/{n}",
    )


async def create_author(db: AsyncSession) -> Author:
    """A saved author (and the rows it refers to), relationships loaded."""
    return await author_service.authors.create(db, await new_author_data(db))
