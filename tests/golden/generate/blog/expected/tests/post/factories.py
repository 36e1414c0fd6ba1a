"""Test data for posts: valid input and saved rows, with the rows they refer to."""

from datetime import UTC, datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from blog.models.post import Post, PostStatus
from blog.schemas.post import PostCreate
from blog.services import post as post_service
from tests.author.factories import create_author
from tests.resources import unique_number
from tests.tag.factories import create_tag


async def new_post_data(db: AsyncSession) -> PostCreate:
    """Valid input for a new post, with unique values not used before.

    Saves the rows it must refer to.
    """
    n = unique_number()
    author_row = await create_author(db)
    tags_row = await create_tag(db)
    return PostCreate(
        title=f"Title {n}",
        slug=f"slug-{n}",
        body=f"Body {n}",
        status=PostStatus.DRAFT,
        published_at=datetime(2024, 1, 1, tzinfo=UTC) + timedelta(hours=n),
        views=1,
        author_id=author_row.id,
        tag_ids=[tags_row.id],
    )


async def create_post(db: AsyncSession) -> Post:
    """A saved post (and the rows it refers to), relationships loaded."""
    return await post_service.posts.create(db, await new_post_data(db))
