"""The JSON API of comments, mounted at /api/comments.

Anyone may read; writing needs a bearer token (`POST /api/auth/token`).
"""

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Response, status

from blog.db import DbSession
from blog.kit.api import Endpoints, PageNumber, not_found, page_size_query, sort_query
from blog.kit.crud import Reads
from blog.kit.listing import ListParams
from blog.kit.schemas import MAX_INT
from blog.models.comment import Comment
from blog.schemas.comment import CommentCreate, CommentPage, CommentRead, CommentUpdate
from blog.services.comment import comments

router = APIRouter(prefix="/comments", tags=["Comments"])

NOT_FOUND = not_found("comment")
#: The five endpoints' status codes, token and documented errors (`kit.api`).
api = Endpoints(router, "/{comment_id}", NOT_FOUND)
#: What `sort` accepts (`api.sort`): one of these columns, `-` before it for descending.
SORT = sort_query(
    Comment.id,
    Comment.created_at,
    Comment.updated_at,
    Comment.post_id,
    Comment.user_id,
    Comment.approved,
)
#: What `CommentRead` shows, read as plain columns by the list (the kit's fast read path).
READS = Reads(
    CommentRead,
    columns=(
        Comment.id,
        Comment.post_id,
        Comment.user_id,
        Comment.body,
        Comment.approved,
        Comment.created_at,
        Comment.updated_at,
    ),
)
CommentId = Annotated[int, Path(ge=1, le=MAX_INT, description="The comment's id.")]


async def get_comment_or_404(db: DbSession, comment_id: CommentId) -> Comment:
    """The comment named in the path (a 404 answer if there is none: `kit.api`)."""
    return await comments.get(db, comment_id)


CommentFromPath = Annotated[Comment, Depends(get_comment_or_404)]


@api.index(operation_id="list_comments", summary="List comments")
async def list_comments(
    db: DbSession,
    page: PageNumber = 1,
    page_size: Annotated[int, page_size_query(comments)] = comments.page_size,
    sort: Annotated[str | None, SORT] = None,
    post_id: Annotated[int, Query(ge=1, le=MAX_INT)] | None = None,
    user_id: Annotated[int, Query(ge=1, le=MAX_INT)] | None = None,
    approved: bool | None = None,
) -> CommentPage:
    """Comments, a page at a time, sorted, filtered."""
    filters = {"post_id": post_id, "user_id": user_id, "approved": approved}
    params = ListParams(page=page, page_size=page_size, sort=sort, filters=filters)
    return CommentPage.model_validate(
        await comments.read_page(db, params, READS), from_attributes=True
    )


@api.create(operation_id="create_comment", summary="Create a comment")
async def create_comment(db: DbSession, data: CommentCreate) -> CommentRead:
    """Create a comment; 409 if a unique value is taken or a referenced row is missing."""
    return CommentRead.model_validate(await comments.create(db, data))


@api.show(operation_id="get_comment", summary="Get a comment")
async def get_comment(comment: CommentFromPath) -> CommentRead:
    """One comment by id."""
    return CommentRead.model_validate(comment)


@api.update(operation_id="update_comment", summary="Update a comment")
async def update_comment(
    db: DbSession, comment: CommentFromPath, data: CommentUpdate
) -> CommentRead:
    """Change the fields sent, keep the others."""
    return CommentRead.model_validate(await comments.update(db, comment, data))


@api.delete(operation_id="delete_comment", summary="Delete a comment")
async def delete_comment(db: DbSession, comment: CommentFromPath) -> Response:
    """Delete a comment; 409 while other rows must keep referring to it."""
    await comments.delete(db, comment)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
