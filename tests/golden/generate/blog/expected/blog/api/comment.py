"""The JSON API of comments, mounted at /api/comments.

Anyone may read; writing needs a bearer token (`POST /api/auth/token`).
"""

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Response, status

from blog.auth.dependencies import require_token_user
from blog.db import DbSession
from blog.kit.errors import ConflictError, NotFoundError
from blog.models.comment import Comment
from blog.schemas.comment import CommentCreate, CommentPage, CommentRead, CommentUpdate
from blog.schemas.common import MAX_INT, ErrorMessage
from blog.services import comment as comment_service

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

NOT_FOUND: dict[str, Any] = {"model": ErrorMessage, "description": "No comment has this id."}
CONFLICT: dict[str, Any] = {
    "model": ErrorMessage,
    "description": "A unique value is taken, or a referenced row is missing or still in use.",
}
BAD_REQUEST: dict[str, Any] = {"model": ErrorMessage, "description": "The body could not be read."}
UNAUTHORIZED: dict[str, Any] = {"model": ErrorMessage, "description": "No valid bearer token."}
CommentId = Annotated[int, Path(ge=1, le=MAX_INT, description="The comment's id.")]


async def get_comment_or_404(db: DbSession, comment_id: CommentId) -> Comment:
    """The comment named in the path, or a 404 answer."""
    try:
        return await comment_service.get_comment(db, comment_id)
    except NotFoundError as error:
        raise HTTPException(status.HTTP_404_NOT_FOUND, error.message) from error


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
    page_size: Annotated[
        int, Query(ge=1, le=comment_service.MAX_PAGE_SIZE)
    ] = comment_service.PAGE_SIZE,
    sort: Annotated[
        ApiSort | None, Query(description="Column to sort by; `-` prefix for descending.")
    ] = None,
    post_id: Annotated[int, Query(ge=1, le=MAX_INT)] | None = None,
    user_id: Annotated[int, Query(ge=1, le=MAX_INT)] | None = None,
    approved: bool | None = None,
) -> CommentPage:
    """Comments, a page at a time, sorted, filtered."""
    filters = comment_service.CommentFilters(
        post_id=post_id,
        user_id=user_id,
        approved=approved,
    )
    result = await comment_service.list_comment_reads(
        db, page=page, page_size=page_size, sort=sort, filters=filters
    )
    return CommentPage.model_validate(result, from_attributes=True)


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
    try:
        comment = await comment_service.create_comment(db, data)
    except ConflictError as error:
        raise HTTPException(status.HTTP_409_CONFLICT, error.message) from error
    return CommentRead.model_validate(comment)


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
    try:
        comment = await comment_service.update_comment(db, comment, data)
    except ConflictError as error:
        raise HTTPException(status.HTTP_409_CONFLICT, error.message) from error
    return CommentRead.model_validate(comment)


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
    try:
        await comment_service.delete_comment(db, comment)
    except ConflictError as error:
        raise HTTPException(status.HTTP_409_CONFLICT, error.message) from error
    return Response(status_code=status.HTTP_204_NO_CONTENT)
