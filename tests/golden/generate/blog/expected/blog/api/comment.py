"""The JSON API of comments at /api/comments: the list is here, the other endpoints are the
kit's."""

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from blog.db import DbSession
from blog.kit.api import Endpoints, Filters
from blog.kit.listing import ListParams
from blog.kit.schemas import MAX_INT
from blog.models.comment import Comment
from blog.schemas.comment import CommentCreate, CommentPage, CommentRead, CommentUpdate
from blog.services.comment import comments

router = APIRouter(prefix="/comments", tags=["Comments"])

#: The endpoints' status codes, token and documented errors, and all but the list (`kit.api`).
api = Endpoints(
    router, comments, "comment", create=CommentCreate, update=CommentUpdate, read=CommentRead
)
#: For endpoints added here: the documented 404, and the comment the path's id names.
NOT_FOUND = api.not_found
CommentFromPath = Annotated[Comment, Depends(api.row)]
#: The columns the list reads for `CommentRead`; the kit adds the id and timestamps.
READS = api.reads(
    Comment.post_id,
    Comment.user_id,
    Comment.body,
    Comment.approved,
)


async def comment_filters(
    post_id: Annotated[int, Query(ge=1, le=MAX_INT)] | None = None,
    user_id: Annotated[int, Query(ge=1, le=MAX_INT)] | None = None,
    approved: bool | None = None,
) -> Filters:
    """The list's filters (`api.filters`): each one's value, None where not asked for."""
    return {"post_id": post_id, "user_id": user_id, "approved": approved}


@api.index(operation_id="list_comments", summary="List comments")
async def list_comments(
    db: DbSession, params: Annotated[ListParams, Depends(api.list_params(filters=comment_filters))]
) -> CommentPage:
    """Comments, a page at a time, sorted, filtered."""
    return CommentPage.model_validate(
        await comments.read_page(db, params, READS), from_attributes=True
    )


api.add_crud()
