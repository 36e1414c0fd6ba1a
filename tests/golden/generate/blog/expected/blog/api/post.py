"""The JSON API of posts at /api/posts: the list is here, the other endpoints are the kit's."""

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from blog.db import DbSession
from blog.kit.api import Endpoints, Filters
from blog.kit.crud import Ids
from blog.kit.listing import ListParams
from blog.kit.schemas import MAX_INT, SafeStr, UtcDatetime
from blog.models.post import Post, PostStatus, posts_tags
from blog.schemas.post import PostCreate, PostPage, PostRead, PostUpdate
from blog.services.post import posts

router = APIRouter(prefix="/posts", tags=["Posts"])

#: The endpoints' status codes, token and documented errors, and all but the list (`kit.api`).
api = Endpoints(router, posts, "post", create=PostCreate, update=PostUpdate, read=PostRead)
#: For endpoints added here: the documented 404, and the post the path's id names.
NOT_FOUND = api.not_found
PostFromPath = Annotated[Post, Depends(api.row)]
#: The columns the list reads for `PostRead`; the kit adds the id and timestamps.
READS = api.reads(
    Post.title,
    Post.slug,
    Post.body,
    Post.status,
    Post.published_at,
    Post.views,
    Post.author_id,
    Post.reviewer_id,
    ids=(Ids("tag_ids", posts_tags.c.post_id, posts_tags.c.tag_id),),
)


async def post_filters(
    title: Annotated[SafeStr, Query(max_length=200)] | None = None,
    slug: Annotated[SafeStr, Query(max_length=255)] | None = None,
    status_: Annotated[PostStatus | None, Query(alias="status")] = None,
    published_at: UtcDatetime | None = None,
    views: Annotated[int, Query(ge=-MAX_INT - 1, le=MAX_INT)] | None = None,
    author_id: Annotated[int, Query(ge=1, le=MAX_INT)] | None = None,
    reviewer_id: Annotated[int, Query(ge=1, le=MAX_INT)] | None = None,
) -> Filters:
    """The list's filters (`api.filters`): each one's value, None where not asked for."""
    return {
        "title": title,
        "slug": slug,
        "status": status_,
        "published_at": published_at,
        "views": views,
        "author_id": author_id,
        "reviewer_id": reviewer_id,
    }


@api.index(operation_id="list_posts", summary="List posts")
async def list_posts(
    db: DbSession, params: Annotated[ListParams, Depends(api.list_params(filters=post_filters))]
) -> PostPage:
    """Posts, a page at a time, sorted, filtered and searched."""
    return PostPage.model_validate(await posts.read_page(db, params, READS), from_attributes=True)


api.add_crud()
