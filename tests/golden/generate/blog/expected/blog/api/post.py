"""The JSON API of posts, mounted at /api/posts.

Anyone may read; writing needs a bearer token (`POST /api/auth/token`).
"""

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Path, Query, Response, status

from blog.auth.dependencies import require_token_user
from blog.db import DbSession
from blog.kit.api import BAD_REQUEST, CONFLICT, UNAUTHORIZED, not_found
from blog.kit.crud import Ids, Reads
from blog.kit.listing import ListParams
from blog.kit.schemas import MAX_INT, SafeStr, UtcDatetime
from blog.models.post import Post, PostStatus, posts_tags
from blog.schemas.post import PostCreate, PostPage, PostRead, PostUpdate
from blog.services.post import posts

router = APIRouter(prefix="/posts", tags=["Posts"])

#: What `sort` accepts here (`api.sort`): a column, `-` for descending.
ApiSort = Literal[
    "id",
    "-id",
    "created_at",
    "-created_at",
    "updated_at",
    "-updated_at",
    "title",
    "-title",
    "slug",
    "-slug",
    "status",
    "-status",
    "published_at",
    "-published_at",
    "views",
    "-views",
    "author_id",
    "-author_id",
    "reviewer_id",
    "-reviewer_id",
]

NOT_FOUND = not_found("post")
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
#: What `q` searches: one field name a line, so long names still fit.
SEARCH_DESCRIPTION = "Search in " + ", ".join(("title", "body")) + "."
PostId = Annotated[int, Path(ge=1, le=MAX_INT, description="The post's id.")]


async def get_post_or_404(db: DbSession, post_id: PostId) -> Post:
    """The post named in the path (a 404 answer if there is none: `kit.api`)."""
    return await posts.get(db, post_id)


PostFromPath = Annotated[Post, Depends(get_post_or_404)]


@router.get("", operation_id="list_posts", summary="List posts")
async def list_posts(
    db: DbSession,
    page: Annotated[
        int,
        Query(
            ge=1,
            le=MAX_INT,
            description="1-based page number; past the last page, `items` is empty.",
        ),
    ] = 1,
    page_size: Annotated[int, Query(ge=1, le=posts.max_page_size)] = posts.page_size,
    sort: Annotated[
        ApiSort | None, Query(description="Column to sort by; `-` prefix for descending.")
    ] = None,
    q: Annotated[SafeStr | None, Query(max_length=200, description=SEARCH_DESCRIPTION)] = None,
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


@router.post(
    "",
    operation_id="create_post",
    summary="Create a post",
    status_code=status.HTTP_201_CREATED,
    dependencies=[Depends(require_token_user)],
    responses={400: BAD_REQUEST, 401: UNAUTHORIZED, 409: CONFLICT},
)
async def create_post(db: DbSession, data: PostCreate) -> PostRead:
    """Create a post; 409 if a unique value is taken or a referenced row is missing."""
    return PostRead.model_validate(await posts.create(db, data))


@router.get("/{post_id}", operation_id="get_post", summary="Get a post", responses={404: NOT_FOUND})
async def get_post(post: PostFromPath) -> PostRead:
    """One post by id."""
    return PostRead.model_validate(post)


@router.patch(
    "/{post_id}",
    operation_id="update_post",
    summary="Update a post",
    dependencies=[Depends(require_token_user)],
    responses={400: BAD_REQUEST, 401: UNAUTHORIZED, 404: NOT_FOUND, 409: CONFLICT},
)
async def update_post(db: DbSession, post: PostFromPath, data: PostUpdate) -> PostRead:
    """Change the fields sent, keep the others."""
    return PostRead.model_validate(await posts.update(db, post, data))


@router.delete(
    "/{post_id}",
    operation_id="delete_post",
    summary="Delete a post",
    status_code=status.HTTP_204_NO_CONTENT,
    dependencies=[Depends(require_token_user)],
    responses={401: UNAUTHORIZED, 404: NOT_FOUND, 409: CONFLICT},
)
async def delete_post(db: DbSession, post: PostFromPath) -> Response:
    """Delete a post; 409 while other rows must keep referring to it."""
    await posts.delete(db, post)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
