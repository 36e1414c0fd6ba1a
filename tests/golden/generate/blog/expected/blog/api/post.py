"""The JSON API of posts, mounted at /api/posts.

Anyone may read; writing needs a bearer token (`POST /api/auth/token`).
"""

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Response, status

from blog.db import DbSession
from blog.kit.api import Endpoints, PageNumber, not_found, page_size_query, search_query, sort_query
from blog.kit.crud import Ids, Reads
from blog.kit.listing import ListParams
from blog.kit.schemas import MAX_INT, SafeStr, UtcDatetime
from blog.models.post import Post, PostStatus, posts_tags
from blog.schemas.post import PostCreate, PostPage, PostRead, PostUpdate
from blog.services.post import posts

router = APIRouter(prefix="/posts", tags=["Posts"])

NOT_FOUND = not_found("post")
#: The five endpoints' status codes, token and documented errors (`kit.api`).
api = Endpoints(router, "/{post_id}", NOT_FOUND)
#: What `sort` accepts (`api.sort`): one of these columns, `-` before it for descending.
SORT = sort_query(
    Post.id,
    Post.created_at,
    Post.updated_at,
    Post.title,
    Post.slug,
    Post.status,
    Post.published_at,
    Post.views,
    Post.author_id,
    Post.reviewer_id,
)
#: What `PostRead` shows, read as plain columns by the list (the kit's fast read path).
READS = Reads(
    PostRead,
    columns=(
        Post.id,
        Post.title,
        Post.slug,
        Post.body,
        Post.status,
        Post.published_at,
        Post.views,
        Post.author_id,
        Post.reviewer_id,
        Post.created_at,
        Post.updated_at,
    ),
    ids=(Ids("tag_ids", posts_tags.c.post_id, posts_tags.c.tag_id),),
)
PostId = Annotated[int, Path(ge=1, le=MAX_INT, description="The post's id.")]


async def get_post_or_404(db: DbSession, post_id: PostId) -> Post:
    """The post named in the path (a 404 answer if there is none: `kit.api`)."""
    return await posts.get(db, post_id)


PostFromPath = Annotated[Post, Depends(get_post_or_404)]


@api.index(operation_id="list_posts", summary="List posts")
async def list_posts(
    db: DbSession,
    page: PageNumber = 1,
    page_size: Annotated[int, page_size_query(posts)] = posts.page_size,
    sort: Annotated[str | None, SORT] = None,
    q: Annotated[SafeStr | None, search_query(posts)] = None,
    title: Annotated[SafeStr, Query(max_length=200)] | None = None,
    slug: Annotated[SafeStr, Query(max_length=255)] | None = None,
    status_: Annotated[PostStatus | None, Query(alias="status")] = None,
    published_at: UtcDatetime | None = None,
    views: Annotated[int, Query(ge=-MAX_INT - 1, le=MAX_INT)] | None = None,
    author_id: Annotated[int, Query(ge=1, le=MAX_INT)] | None = None,
    reviewer_id: Annotated[int, Query(ge=1, le=MAX_INT)] | None = None,
) -> PostPage:
    """Posts, a page at a time, sorted, filtered and searched."""
    filters = {
        "title": title,
        "slug": slug,
        "status": status_,
        "published_at": published_at,
        "views": views,
        "author_id": author_id,
        "reviewer_id": reviewer_id,
    }
    params = ListParams(page=page, page_size=page_size, sort=sort, q=q, filters=filters)
    return PostPage.model_validate(await posts.read_page(db, params, READS), from_attributes=True)


@api.create(operation_id="create_post", summary="Create a post")
async def create_post(db: DbSession, data: PostCreate) -> PostRead:
    """Create a post; 409 if a unique value is taken or a referenced row is missing."""
    return PostRead.model_validate(await posts.create(db, data))


@api.show(operation_id="get_post", summary="Get a post")
async def get_post(post: PostFromPath) -> PostRead:
    """One post by id."""
    return PostRead.model_validate(post)


@api.update(operation_id="update_post", summary="Update a post")
async def update_post(db: DbSession, post: PostFromPath, data: PostUpdate) -> PostRead:
    """Change the fields sent, keep the others."""
    return PostRead.model_validate(await posts.update(db, post, data))


@api.delete(operation_id="delete_post", summary="Delete a post")
async def delete_post(db: DbSession, post: PostFromPath) -> Response:
    """Delete a post; 409 while other rows must keep referring to it."""
    await posts.delete(db, post)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
