"""Database operations on comments, shared by the API, the HTML views and the admin.

`comments` is the kit's `Crud` (kit/crud.py) declared for comments: what a
list searches, sorts and filters, which values are unique, which rows must exist, what
deleting does to the rows referring to them. Change behaviour here, by declaration, or
subclass `Crud` and override a method.
"""

from dataclasses import dataclass
from typing import Literal, get_args

from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import joinedload

from blog.kit.crud import Crud, Ref
from blog.kit.errors import Label
from blog.kit.listing import ListParams, Page
from blog.kit.schemas import Id
from blog.models.comment import Comment
from blog.models.post import Post
from blog.models.user import User

#: Rows per page when the caller does not say (`api.page_size`).
PAGE_SIZE = 20
#: Largest page the API serves (`api.max_page_size`).
MAX_PAGE_SIZE = 100

comments = Crud(
    Comment,
    label=Label("comment", "comments"),
    load=(
        joinedload(Comment.post),
        joinedload(Comment.user),
    ),
    search=(),
    sort=(
        Comment.id,
        Comment.created_at,
        Comment.updated_at,
        Comment.post_id,
        Comment.user_id,
        Comment.body,
        Comment.approved,
    ),
    order=(Comment.id.asc(),),
    filters=(
        Comment.post_id,
        Comment.user_id,
        Comment.approved,
    ),
    unique=(),
    refs=(
        Ref(Comment.post_id, Post, "post"),
        Ref(Comment.user_id, User, "user"),
    ),
    manys=(),
    referrers=(),
    page_size=PAGE_SIZE,
    max_page_size=MAX_PAGE_SIZE,
)


# Compatibility with the functions this module had before the kit, for the pages and the
# admin until they call `comments` themselves.
#: A column to sort by, `-` for descending.
CommentSort = Literal[
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
    "body",
    "-body",
    "approved",
    "-approved",
]
#: The same keys at runtime, e.g. to check a query string.
SORT_KEYS: tuple[CommentSort, ...] = get_args(CommentSort)
get_comment = comments.get
create_comment = comments.create
update_comment = comments.update
delete_comment = comments.delete
delete_comments = comments.delete_many
deletion_effects = comments.deletion_effects
comment_choices = comments.choices


@dataclass(frozen=True)
class CommentFilters:
    """Exact-match filters of a list, typed for reading them from a query string; None
    leaves a field unfiltered. Numbers are bounded like their columns: a value no column
    holds names no row (PostgreSQL refuses it as a parameter)."""

    post_id: Id | None = None
    user_id: Id | None = None
    approved: bool | None = None


async def list_comments(
    db: AsyncSession,
    *,
    page: int = 1,
    page_size: int = PAGE_SIZE,
    sort: CommentSort | None = None,
    q: str | None = None,
    filters: CommentFilters | None = None,
) -> Page[Comment]:
    """One page of comments (`comments.page`)."""
    wanted = filters or CommentFilters()
    values: dict[str, object] = {
        "post_id": wanted.post_id,
        "user_id": wanted.user_id,
        "approved": wanted.approved,
    }
    params = ListParams(page=page, page_size=page_size, sort=sort, q=q, filters=values)
    return await comments.page(db, params)
