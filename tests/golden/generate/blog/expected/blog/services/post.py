"""Database operations on posts, shared by the API, the HTML views and the admin.

Every function takes the request's session and commits its own writes. Failures are
`NotFoundError` and `ConflictError` (never HTTP errors): each caller answers them its
own way. Rows come back with every relationship loaded, since the model refuses lazy
loads (`lazy="raise"`): a page of any size costs the same few queries.
The API's lists skip ORM objects altogether and read the columns they return
(`list_post_reads`).
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal, get_args

from sqlalchemy import ColumnElement, String, cast, func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute, joinedload, selectinload
from sqlalchemy.orm.interfaces import LoaderOption

from blog.kit.deletion import DeletionEffects, find_referrers
from blog.kit.errors import ConflictError, NotFoundError
from blog.kit.ids import is_id
from blog.kit.listing import Page, escape_like, id_list
from blog.models.author import Author
from blog.models.comment import Comment
from blog.models.post import Post, PostStatus, posts_tags
from blog.models.tag import Tag
from blog.schemas.common import Id, Int32
from blog.schemas.post import PostCreate, PostRead, PostUpdate

#: Rows per page when the caller does not say (`api.page_size`).
PAGE_SIZE = 20
#: Largest page the API serves (`api.max_page_size`); callers check it, not this module.
MAX_PAGE_SIZE = 100

#: A column to sort by, `-` for descending.
PostSort = Literal[
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
    "body",
    "-body",
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
#: The same keys at runtime, e.g. to check a query string.
SORT_KEYS: tuple[PostSort, ...] = get_args(PostSort)

#: The column each sort key orders by (keyed by attribute name: a key is the name once,
#: so a long field name still fits a line).
SORT_COLUMNS: dict[str, InstrumentedAttribute[Any]] = {
    column.key: column
    for column in (
        Post.id,
        Post.created_at,
        Post.updated_at,
        Post.title,
        Post.slug,
        Post.body,
        Post.status,
        Post.published_at,
        Post.views,
        Post.author_id,
        Post.reviewer_id,
    )
}

#: What `PostRead` shows, selected as plain columns for the API's lists.
READ_COLUMNS = (
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
)

#: The ids of a row's `tags` in one string ("3,1,2"), joined by the database.
TAGS_IDS = (
    select(func.aggregate_strings(cast(posts_tags.c.tag_id, String()), ","))
    .where(posts_tags.c.post_id == Post.id)
    .scalar_subquery()
    .label("tag_ids")
)


@dataclass(frozen=True)
class PostFilters:
    """Exact-match filters of a list; None leaves a field unfiltered.

    Numbers are bounded like their columns: the admin reads these from the query string,
    and a value no column holds names no row (PostgreSQL refuses it as a parameter).
    """

    title: str | None = None
    slug: str | None = None
    status: PostStatus | None = None
    published_at: datetime | None = None
    views: Int32 | None = None
    author_id: Id | None = None
    reviewer_id: Id | None = None


def _loaded() -> list[LoaderOption]:
    """Loader options giving every row its relationships, in a fixed number of queries."""
    return [
        joinedload(Post.author),
        joinedload(Post.reviewer),
        selectinload(Post.tags),
    ]


def _conditions(filters: PostFilters, q: str | None) -> list[ColumnElement[bool]]:
    """WHERE conditions of a list: `filters`, and `q` searched in title, body."""
    conditions: list[ColumnElement[bool]] = []
    if filters.title is not None:
        conditions.append(Post.title == filters.title)
    if filters.slug is not None:
        conditions.append(Post.slug == filters.slug)
    if filters.status is not None:
        conditions.append(Post.status == filters.status)
    if filters.published_at is not None:
        conditions.append(Post.published_at == filters.published_at)
    if filters.views is not None:
        conditions.append(Post.views == filters.views)
    if filters.author_id is not None:
        conditions.append(Post.author_id == filters.author_id)
    if filters.reviewer_id is not None:
        conditions.append(Post.reviewer_id == filters.reviewer_id)
    if q is not None and q.strip():
        pattern = f"%{escape_like(q.strip())}%"
        conditions.append(
            or_(
                Post.title.ilike(pattern, escape="\\"),
                Post.body.ilike(pattern, escape="\\"),
            )
        )
    return conditions


def _order_by(sort: PostSort | None) -> list[ColumnElement[Any]]:
    """ORDER BY of a list: `sort`, else the default order; id breaks ties."""
    if sort is None:
        return [
            Post.published_at.desc(),
            Post.title.asc(),
            Post.id.asc(),
        ]
    column = SORT_COLUMNS[sort.removeprefix("-")]
    return [column.desc() if sort.startswith("-") else column.asc(), Post.id.asc()]


async def list_posts(
    db: AsyncSession,
    *,
    page: int = 1,
    page_size: int = PAGE_SIZE,
    sort: PostSort | None = None,
    q: str | None = None,
    filters: PostFilters | None = None,
) -> Page[Post]:
    """One page of posts matching `filters` and the search `q`.

    A page past the end is empty, not an error.
    """
    conditions = _conditions(filters or PostFilters(), q)
    total = await _count(db, conditions)
    rows = await db.scalars(
        select(Post)
        .where(*conditions)
        .options(*_loaded())
        .order_by(*_order_by(sort))
        .limit(page_size)
        .offset((page - 1) * page_size)
    )
    return Page(items=list(rows), total=total, page=page, page_size=page_size)


async def list_post_reads(
    db: AsyncSession,
    *,
    page: int = 1,
    page_size: int = PAGE_SIZE,
    sort: PostSort | None = None,
    q: str | None = None,
    filters: PostFilters | None = None,
) -> Page[PostRead]:
    """The page `list_posts` gives, read straight into what the API returns, in one query.

    Plain columns rather than ORM objects (no identity map, no relationship to load),
    the ids of tags joined by the database;
    the total comes from a subquery beside each row, so a page past the end, having no
    row to carry it, costs a second query.
    """
    conditions = _conditions(filters or PostFilters(), q)
    # correlate(None): count the matching rows of the table, not just the outer query's row.
    total = select(func.count()).select_from(Post).where(*conditions).correlate(None)
    result = await db.execute(
        select(*READ_COLUMNS, TAGS_IDS, total.scalar_subquery().label("_total"))
        .where(*conditions)
        .order_by(*_order_by(sort))
        .limit(page_size)
        .offset((page - 1) * page_size)
    )
    rows = result.mappings().all()
    # Each row's "_total" key is not a field of PostRead, which ignores it; no field
    # starts with `_`, so it never hides a column (a field may well be named `total`).
    items = [PostRead.model_validate({**row, "tag_ids": id_list(row["tag_ids"])}) for row in rows]
    count = int(rows[0]["_total"]) if rows else await _count(db, conditions)
    return Page(items=items, total=count, page=page, page_size=page_size)


async def _count(db: AsyncSession, conditions: Sequence[ColumnElement[bool]]) -> int:
    """How many rows match `conditions`, on all pages."""
    return await db.scalar(select(func.count()).select_from(Post).where(*conditions)) or 0


async def get_post(db: AsyncSession, post_id: int) -> Post:
    """The post with this id, relationships loaded.

    NotFoundError if there is none (an id out of range is not even looked up).
    """
    if not is_id(post_id):
        raise NotFoundError(f"No post with id {post_id}.")
    post = await db.scalar(
        select(Post)
        .where(Post.id == post_id)
        .options(*_loaded())
        .execution_options(populate_existing=True)
    )
    if post is None:
        raise NotFoundError(f"No post with id {post_id}.")
    return post


async def create_post(db: AsyncSession, data: PostCreate) -> Post:
    """Save a new post.

    ConflictError if a unique value is taken or a referenced row is missing.
    """
    values = data.model_dump(exclude={"tag_ids"})
    await _check_rules(db, values)
    post = Post(**values)
    post.tags = await _load_tags(db, data.tag_ids)
    db.add(post)
    await _commit(db)
    return await get_post(db, post.id)


async def update_post(db: AsyncSession, post: Post, data: PostUpdate) -> Post:
    """Change the fields set in `data` (PATCH); `post` comes from `get_post`.

    ConflictError like `create_post`.
    """
    values = data.model_dump(exclude_unset=True, exclude={"tag_ids"})
    await _check_rules(db, values, post.id)
    for name, value in values.items():
        setattr(post, name, value)
    if data.tag_ids is not None:
        post.tags = await _load_tags(db, data.tag_ids)
    await _commit(db)
    return await get_post(db, post.id)


async def delete_post(db: AsyncSession, post: Post) -> None:
    """Delete a post from `get_post`.

    Rows referring to it follow their `on_delete`; ConflictError, naming them, when one
    forbids it (`deletion_effects`), or when the database refuses.
    """
    effects = await deletion_effects(db, [post.id])
    if effects.protected:
        raise ConflictError(effects.refusal("the post \u201c" + str(post) + "”"))
    await db.delete(post)
    await _commit(db, deleting=True)


async def delete_posts(db: AsyncSession, ids: Sequence[int]) -> int:
    """Delete the posts with these ids (all or none); returns how many."""
    wanted = [value for value in ids if is_id(value)]
    effects = await deletion_effects(db, wanted)
    if effects.protected:
        raise ConflictError(effects.refusal("these posts"))
    rows = (await db.scalars(select(Post).where(Post.id.in_(wanted)).options(*_loaded()))).all()
    for post in rows:
        await db.delete(post)
    await _commit(db, deleting=True)
    return len(rows)


async def deletion_effects(db: AsyncSession, ids: Sequence[int]) -> DeletionEffects:
    """What deleting the posts with these ids does to the rows referring to them.

    One query per field of the spec that refers to posts (declared
    here when scaffold generated this file), each with its `on_delete`.
    """
    wanted = [value for value in ids if is_id(value)]
    groups = [
        await find_referrers(
            db,
            select(Comment).where(Comment.post_id.in_(wanted)).order_by(Comment.id),
            label="comment",
            plural_label="comments",
            field="post",
            effect="cascade",
        ),
    ]
    return DeletionEffects(tuple(groups))


async def post_choices(
    db: AsyncSession, *, q: str | None = None, limit: int = 100
) -> list[tuple[int, str]]:
    """(id, label) pairs for select widgets, in the default order, searched like lists."""
    rows = await db.scalars(
        select(Post).where(*_conditions(PostFilters(), q)).order_by(*_order_by(None)).limit(limit)
    )
    return [(row.id, str(row)) for row in rows]


async def _check_rules(
    db: AsyncSession, values: Mapping[str, Any], post_id: int | None = None
) -> None:
    """Refuse, naming the field, what the database would: taken unique values, missing rows.

    The database still has the last word (two requests can race): `_commit` turns its
    refusal into a ConflictError too.
    """
    if values.get("slug") is not None and await _taken(db, Post.slug, values["slug"], post_id):
        raise ConflictError("A post with this slug already exists.", "slug")
    if values.get("author_id") is not None and await db.get(Author, values["author_id"]) is None:
        raise ConflictError("No author with id " + str(values["author_id"]) + ".", "author_id")
    if (
        values.get("reviewer_id") is not None
        and await db.get(Author, values["reviewer_id"]) is None
    ):
        raise ConflictError(
            "No reviewer with id " + str(values["reviewer_id"]) + ".", "reviewer_id"
        )


async def _taken(
    db: AsyncSession, column: InstrumentedAttribute[Any], value: object, post_id: int | None
) -> bool:
    """Whether another row already has `value` in this unique column."""
    query = select(Post.id).where(column == value)
    if post_id is not None:
        query = query.where(Post.id != post_id)
    return await db.scalar(query.limit(1)) is not None


async def _load_tags(db: AsyncSession, ids: Sequence[int]) -> list[Tag]:
    """The rows with these ids, in the order given; ConflictError names the missing ones."""
    wanted = list(dict.fromkeys(ids))
    found = {row.id: row for row in await db.scalars(select(Tag).where(Tag.id.in_(wanted)))}
    missing = [str(i) for i in wanted if i not in found]
    if missing:
        raise ConflictError("No tags with id " + ", ".join(missing) + ".", "tag_ids")
    return [found[i] for i in wanted]


async def _commit(db: AsyncSession, *, deleting: bool = False) -> None:
    """Commit, turning the database's refusal (unique value, foreign key) into a ConflictError."""
    try:
        await db.commit()
    except IntegrityError as error:
        await db.rollback()
        if deleting:
            message = "Other rows still refer to this post."
        else:
            message = "This conflicts with existing data (a unique value or a referenced row)."
        raise ConflictError(message) from error
