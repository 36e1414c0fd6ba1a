"""Database operations on comments, shared by the API, the HTML views and the admin.

Every function takes the request's session and commits its own writes. Failures are
`NotFoundError` and `ConflictError` (never HTTP errors): each caller answers them its
own way. Rows come back with every relationship loaded, since the model refuses lazy
loads (`lazy="raise"`): a page of any size costs the same few queries.
The API's lists skip ORM objects altogether and read the columns they return
(`list_comment_reads`).
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal, get_args

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute, joinedload
from sqlalchemy.orm.interfaces import LoaderOption

from blog.kit.deletion import DeletionEffects
from blog.kit.errors import ConflictError, NotFoundError
from blog.kit.ids import is_id
from blog.kit.listing import Page
from blog.models.comment import Comment
from blog.models.post import Post
from blog.models.user import User
from blog.schemas.comment import CommentCreate, CommentRead, CommentUpdate
from blog.schemas.common import Id

#: Rows per page when the caller does not say (`api.page_size`).
PAGE_SIZE = 20
#: Largest page the API serves (`api.max_page_size`); callers check it, not this module.
MAX_PAGE_SIZE = 100

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

#: The column each sort key orders by (keyed by attribute name: a key is the name once,
#: so a long field name still fits a line).
SORT_COLUMNS: dict[str, InstrumentedAttribute[Any]] = {
    column.key: column
    for column in (
        Comment.id,
        Comment.created_at,
        Comment.updated_at,
        Comment.post_id,
        Comment.user_id,
        Comment.body,
        Comment.approved,
    )
}

#: What `CommentRead` shows, selected as plain columns for the API's lists.
READ_COLUMNS = (
    Comment.id,
    Comment.post_id,
    Comment.user_id,
    Comment.body,
    Comment.approved,
    Comment.created_at,
    Comment.updated_at,
)


@dataclass(frozen=True)
class CommentFilters:
    """Exact-match filters of a list; None leaves a field unfiltered.

    Numbers are bounded like their columns: the admin reads these from the query string,
    and a value no column holds names no row (PostgreSQL refuses it as a parameter).
    """

    post_id: Id | None = None
    user_id: Id | None = None
    approved: bool | None = None


def _loaded() -> list[LoaderOption]:
    """Loader options giving every row its relationships, in a fixed number of queries."""
    return [
        joinedload(Comment.post),
        joinedload(Comment.user),
    ]


def _conditions(filters: CommentFilters, q: str | None) -> list[ColumnElement[bool]]:
    """WHERE conditions of a list: `filters`, and `q` searched in no field."""
    conditions: list[ColumnElement[bool]] = []
    if filters.post_id is not None:
        conditions.append(Comment.post_id == filters.post_id)
    if filters.user_id is not None:
        conditions.append(Comment.user_id == filters.user_id)
    if filters.approved is not None:
        conditions.append(Comment.approved == filters.approved)
    return conditions


def _order_by(sort: CommentSort | None) -> list[ColumnElement[Any]]:
    """ORDER BY of a list: `sort`, else the default order; id breaks ties."""
    if sort is None:
        return [
            Comment.id.asc(),
        ]
    column = SORT_COLUMNS[sort.removeprefix("-")]
    return [column.desc() if sort.startswith("-") else column.asc(), Comment.id.asc()]


async def list_comments(
    db: AsyncSession,
    *,
    page: int = 1,
    page_size: int = PAGE_SIZE,
    sort: CommentSort | None = None,
    q: str | None = None,
    filters: CommentFilters | None = None,
) -> Page[Comment]:
    """One page of comments matching `filters` and the search `q`.

    A page past the end is empty, not an error.
    """
    conditions = _conditions(filters or CommentFilters(), q)
    total = await _count(db, conditions)
    rows = await db.scalars(
        select(Comment)
        .where(*conditions)
        .options(*_loaded())
        .order_by(*_order_by(sort))
        .limit(page_size)
        .offset((page - 1) * page_size)
    )
    return Page(items=list(rows), total=total, page=page, page_size=page_size)


async def list_comment_reads(
    db: AsyncSession,
    *,
    page: int = 1,
    page_size: int = PAGE_SIZE,
    sort: CommentSort | None = None,
    q: str | None = None,
    filters: CommentFilters | None = None,
) -> Page[CommentRead]:
    """The page `list_comments` gives, read straight into what the API returns, in one query.

    Plain columns rather than ORM objects (no identity map, no relationship to load);
    the total comes from a subquery beside each row, so a page past the end, having no
    row to carry it, costs a second query.
    """
    conditions = _conditions(filters or CommentFilters(), q)
    # correlate(None): count the matching rows of the table, not just the outer query's row.
    total = select(func.count()).select_from(Comment).where(*conditions).correlate(None)
    result = await db.execute(
        select(*READ_COLUMNS, total.scalar_subquery().label("_total"))
        .where(*conditions)
        .order_by(*_order_by(sort))
        .limit(page_size)
        .offset((page - 1) * page_size)
    )
    rows = result.mappings().all()
    # Each row's "_total" key is not a field of CommentRead, which ignores it; no field
    # starts with `_`, so it never hides a column (a field may well be named `total`).
    items = [CommentRead.model_validate(row) for row in rows]
    count = int(rows[0]["_total"]) if rows else await _count(db, conditions)
    return Page(items=items, total=count, page=page, page_size=page_size)


async def _count(db: AsyncSession, conditions: Sequence[ColumnElement[bool]]) -> int:
    """How many rows match `conditions`, on all pages."""
    return await db.scalar(select(func.count()).select_from(Comment).where(*conditions)) or 0


async def get_comment(db: AsyncSession, comment_id: int) -> Comment:
    """The comment with this id, relationships loaded.

    NotFoundError if there is none (an id out of range is not even looked up).
    """
    if not is_id(comment_id):
        raise NotFoundError(f"No comment with id {comment_id}.")
    comment = await db.scalar(
        select(Comment)
        .where(Comment.id == comment_id)
        .options(*_loaded())
        .execution_options(populate_existing=True)
    )
    if comment is None:
        raise NotFoundError(f"No comment with id {comment_id}.")
    return comment


async def create_comment(db: AsyncSession, data: CommentCreate) -> Comment:
    """Save a new comment.

    ConflictError if a unique value is taken or a referenced row is missing.
    """
    values = data.model_dump()
    await _check_rules(db, values)
    comment = Comment(**values)
    db.add(comment)
    await _commit(db)
    return await get_comment(db, comment.id)


async def update_comment(db: AsyncSession, comment: Comment, data: CommentUpdate) -> Comment:
    """Change the fields set in `data` (PATCH); `comment` comes from `get_comment`.

    ConflictError like `create_comment`.
    """
    values = data.model_dump(exclude_unset=True)
    await _check_rules(db, values, comment.id)
    for name, value in values.items():
        setattr(comment, name, value)
    await _commit(db)
    return await get_comment(db, comment.id)


async def delete_comment(db: AsyncSession, comment: Comment) -> None:
    """Delete a comment from `get_comment`.

    Rows referring to it follow their `on_delete`; ConflictError, naming them, when one
    forbids it (`deletion_effects`), or when the database refuses.
    """
    effects = await deletion_effects(db, [comment.id])
    if effects.protected:
        raise ConflictError(effects.refusal("the comment \u201c" + str(comment) + "”"))
    await db.delete(comment)
    await _commit(db, deleting=True)


async def delete_comments(db: AsyncSession, ids: Sequence[int]) -> int:
    """Delete the comments with these ids (all or none); returns how many."""
    wanted = [value for value in ids if is_id(value)]
    effects = await deletion_effects(db, wanted)
    if effects.protected:
        raise ConflictError(effects.refusal("these comments"))
    rows = (
        await db.scalars(select(Comment).where(Comment.id.in_(wanted)).options(*_loaded()))
    ).all()
    for comment in rows:
        await db.delete(comment)
    await _commit(db, deleting=True)
    return len(rows)


async def deletion_effects(db: AsyncSession, ids: Sequence[int]) -> DeletionEffects:
    """What deleting the comments with these ids does to the rows referring to them.

    One query per field of the spec that refers to comments (declared
    here when scaffold generated this file), each with its `on_delete`.
    """
    return DeletionEffects()


async def comment_choices(
    db: AsyncSession, *, q: str | None = None, limit: int = 100
) -> list[tuple[int, str]]:
    """(id, label) pairs for select widgets, in the default order."""
    rows = await db.scalars(
        select(Comment)
        .where(*_conditions(CommentFilters(), q))
        .order_by(*_order_by(None))
        .limit(limit)
    )
    return [(row.id, str(row)) for row in rows]


async def _check_rules(
    db: AsyncSession, values: Mapping[str, Any], comment_id: int | None = None
) -> None:
    """Refuse, naming the field, what the database would: taken unique values, missing rows.

    The database still has the last word (two requests can race): `_commit` turns its
    refusal into a ConflictError too.
    """
    if values.get("post_id") is not None and await db.get(Post, values["post_id"]) is None:
        raise ConflictError("No post with id " + str(values["post_id"]) + ".", "post_id")
    if values.get("user_id") is not None and await db.get(User, values["user_id"]) is None:
        raise ConflictError("No user with id " + str(values["user_id"]) + ".", "user_id")


async def _commit(db: AsyncSession, *, deleting: bool = False) -> None:
    """Commit, turning the database's refusal (unique value, foreign key) into a ConflictError."""
    try:
        await db.commit()
    except IntegrityError as error:
        await db.rollback()
        if deleting:
            message = "Other rows still refer to this comment."
        else:
            message = "This conflicts with existing data (a unique value or a referenced row)."
        raise ConflictError(message) from error
