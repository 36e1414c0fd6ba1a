"""Test data for comments: valid input and saved rows, with the rows they refer to."""

from sqlalchemy.ext.asyncio import AsyncSession

from blog.auth.service import create_user
from blog.models.comment import Comment
from blog.schemas.comment import CommentCreate
from blog.services import comment as comment_service
from tests.helpers import PASSWORD
from tests.post.factories import create_post
from tests.resources import unique_number


async def new_comment_data(db: AsyncSession) -> CommentCreate:
    """Valid input for a new comment, with unique values not used before.

    Saves the rows it must refer to.
    """
    n = unique_number()
    post_row = await create_post(db)
    user_row = await create_user(db, f"comment-user-{unique_number()}@example.com", PASSWORD)
    return CommentCreate(
        post_id=post_row.id,
        user_id=user_row.id,
        body=f"Body {n}",
        approved=True,
    )


async def create_comment(db: AsyncSession) -> Comment:
    """A saved comment (and the rows it refers to), relationships loaded."""
    return await comment_service.comments.create(db, await new_comment_data(db))
