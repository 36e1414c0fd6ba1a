"""The JSON API of comments, mounted at /api/comments.

Anyone may read; writing needs a bearer token (`POST /api/auth/token`).
"""

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Path, Query, Response, status

from blog.auth.dependencies import require_token_user
from blog.db import DbSession
from blog.kit.api import BAD_REQUEST, CONFLICT, UNAUTHORIZED, not_found
from blog.kit.crud import Reads
from blog.kit.listing import ListParams
from blog.kit.schemas import MAX_INT
from blog.models.comment import Comment
from blog.schemas.comment import CommentCreate, CommentPage, CommentRead, CommentUpdate
from blog.services.comment import comments

router = APIRouter(prefix="/comments", tags=["Comments"])

#: What `sort` accepts here (`api.sort`): a column, `-` for descending.
ApiSort = Literal[
    "id",
    "-id",
    "created_at",
    "-created_at",
    "updated_at",
    "-updated_at",
    "post_id",
    "-post_id",
    "user_id",
    "-user_id",
    "approved",
    "-approved",
]

NOT_FOUND = not_found("comment")
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


@router.get("", operation_id="list_comments", summary="List comments")
async def list_comments(
    db: DbSession,
    page: Annotated[
        int,
        Query(
            ge=1,
            le=MAX_INT,
            description="1-based page number; past the last page, `items` is empty.",
        ),
    ] = 1,
    page_size: Annotated[int, Query(ge=1, le=comments.max_page_size)] = comments.page_size,
    sort: Annotated[
        ApiSort | None, Query(description="Column to sort by; `-` prefix for descending.")
    ] = None,
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


@router.post(
    "",
    operation_id="create_comment",
    summary="Create a comment",
    status_code=status.HTTP_201_CREATED,
    dependencies=[Depends(require_token_user)],
    responses={400: BAD_REQUEST, 401: UNAUTHORIZED, 409: CONFLICT},
)
async def create_comment(db: DbSession, data: CommentCreate) -> CommentRead:
    """Create a comment; 409 if a unique value is taken or a referenced row is missing."""
    return CommentRead.model_validate(await comments.create(db, data))


@router.get(
    "/{comment_id}", operation_id="get_comment", summary="Get a comment", responses={404: NOT_FOUND}
)
async def get_comment(comment: CommentFromPath) -> CommentRead:
    """One comment by id."""
    return CommentRead.model_validate(comment)


@router.patch(
    "/{comment_id}",
    operation_id="update_comment",
    summary="Update a comment",
    dependencies=[Depends(require_token_user)],
    responses={400: BAD_REQUEST, 401: UNAUTHORIZED, 404: NOT_FOUND, 409: CONFLICT},
)
async def update_comment(
    db: DbSession, comment: CommentFromPath, data: CommentUpdate
) -> CommentRead:
    """Change the fields sent, keep the others."""
    return CommentRead.model_validate(await comments.update(db, comment, data))


@router.delete(
    "/{comment_id}",
    operation_id="delete_comment",
    summary="Delete a comment",
    status_code=status.HTTP_204_NO_CONTENT,
    dependencies=[Depends(require_token_user)],
    responses={401: UNAUTHORIZED, 404: NOT_FOUND, 409: CONFLICT},
)
async def delete_comment(db: DbSession, comment: CommentFromPath) -> Response:
    """Delete a comment; 409 while other rows must keep referring to it."""
    await comments.delete(db, comment)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
