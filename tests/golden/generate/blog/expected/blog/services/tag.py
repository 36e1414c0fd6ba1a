"""Database operations on tags, shared by the API, the HTML views and the admin.

Every function takes the request's session and commits its own writes. Failures are
`NotFoundError` and `ConflictError` (never HTTP errors): each caller answers them its
own way. Rows come back with every relationship loaded, since the model refuses lazy
loads (`lazy="raise"`): a page of any size costs the same few queries.
The API's lists skip ORM objects altogether and read the columns they return
(`list_tag_reads`).
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal, get_args

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute
from sqlalchemy.orm.interfaces import LoaderOption

from blog.kit.deletion import DeletionEffects, find_referrers
from blog.kit.errors import ConflictError, NotFoundError
from blog.kit.ids import is_id
from blog.kit.listing import Page, escape_like
from blog.models.post import Post, posts_tags
from blog.models.tag import Tag
from blog.schemas.tag import TagCreate, TagRead, TagUpdate

#: Rows per page when the caller does not say (`api.page_size`).
PAGE_SIZE = 20
#: Largest page the API serves (`api.max_page_size`); callers check it, not this module.
MAX_PAGE_SIZE = 100

#: A column to sort by, `-` for descending.
TagSort = Literal[
    "id", "-id", "created_at", "-created_at", "updated_at", "-updated_at", "name", "-name"
]
#: The same keys at runtime, e.g. to check a query string.
SORT_KEYS: tuple[TagSort, ...] = get_args(TagSort)

#: The column each sort key orders by (keyed by attribute name: a key is the name once,
#: so a long field name still fits a line).
SORT_COLUMNS: dict[str, InstrumentedAttribute[Any]] = {
    column.key: column
    for column in (
        Tag.id,
        Tag.created_at,
        Tag.updated_at,
        Tag.name,
    )
}

#: What `TagRead` shows, selected as plain columns for the API's lists.
READ_COLUMNS = (
    Tag.id,
    Tag.name,
    Tag.created_at,
    Tag.updated_at,
)


@dataclass(frozen=True)
class TagFilters:
    """Exact-match filters of a list; None leaves a field unfiltered."""

    name: str | None = None


def _loaded() -> list[LoaderOption]:
    """Loader options giving every row its relationships, in a fixed number of queries."""
    return []


def _conditions(filters: TagFilters, q: str | None) -> list[ColumnElement[bool]]:
    """WHERE conditions of a list: `filters`, and `q` searched in name."""
    conditions: list[ColumnElement[bool]] = []
    if filters.name is not None:
        conditions.append(Tag.name == filters.name)
    if q is not None and q.strip():
        pattern = f"%{escape_like(q.strip())}%"
        conditions.append(
            or_(
                Tag.name.ilike(pattern, escape="\\"),
            )
        )
    return conditions


def _order_by(sort: TagSort | None) -> list[ColumnElement[Any]]:
    """ORDER BY of a list: `sort`, else the default order; id breaks ties."""
    if sort is None:
        return [
            Tag.id.asc(),
        ]
    column = SORT_COLUMNS[sort.removeprefix("-")]
    return [column.desc() if sort.startswith("-") else column.asc(), Tag.id.asc()]


async def list_tags(
    db: AsyncSession,
    *,
    page: int = 1,
    page_size: int = PAGE_SIZE,
    sort: TagSort | None = None,
    q: str | None = None,
    filters: TagFilters | None = None,
) -> Page[Tag]:
    """One page of tags matching `filters` and the search `q`.

    A page past the end is empty, not an error.
    """
    conditions = _conditions(filters or TagFilters(), q)
    total = await _count(db, conditions)
    rows = await db.scalars(
        select(Tag)
        .where(*conditions)
        .options(*_loaded())
        .order_by(*_order_by(sort))
        .limit(page_size)
        .offset((page - 1) * page_size)
    )
    return Page(items=list(rows), total=total, page=page, page_size=page_size)


async def list_tag_reads(
    db: AsyncSession,
    *,
    page: int = 1,
    page_size: int = PAGE_SIZE,
    sort: TagSort | None = None,
    q: str | None = None,
    filters: TagFilters | None = None,
) -> Page[TagRead]:
    """The page `list_tags` gives, read straight into what the API returns, in one query.

    Plain columns rather than ORM objects (no identity map, no relationship to load);
    the total comes from a subquery beside each row, so a page past the end, having no
    row to carry it, costs a second query.
    """
    conditions = _conditions(filters or TagFilters(), q)
    # correlate(None): count the matching rows of the table, not just the outer query's row.
    total = select(func.count()).select_from(Tag).where(*conditions).correlate(None)
    result = await db.execute(
        select(*READ_COLUMNS, total.scalar_subquery().label("_total"))
        .where(*conditions)
        .order_by(*_order_by(sort))
        .limit(page_size)
        .offset((page - 1) * page_size)
    )
    rows = result.mappings().all()
    # Each row's "_total" key is not a field of TagRead, which ignores it; no field
    # starts with `_`, so it never hides a column (a field may well be named `total`).
    items = [TagRead.model_validate(row) for row in rows]
    count = int(rows[0]["_total"]) if rows else await _count(db, conditions)
    return Page(items=items, total=count, page=page, page_size=page_size)


async def _count(db: AsyncSession, conditions: Sequence[ColumnElement[bool]]) -> int:
    """How many rows match `conditions`, on all pages."""
    return await db.scalar(select(func.count()).select_from(Tag).where(*conditions)) or 0


async def get_tag(db: AsyncSession, tag_id: int) -> Tag:
    """The tag with this id, relationships loaded.

    NotFoundError if there is none (an id out of range is not even looked up).
    """
    if not is_id(tag_id):
        raise NotFoundError(f"No tag with id {tag_id}.")
    tag = await db.scalar(
        select(Tag)
        .where(Tag.id == tag_id)
        .options(*_loaded())
        .execution_options(populate_existing=True)
    )
    if tag is None:
        raise NotFoundError(f"No tag with id {tag_id}.")
    return tag


async def create_tag(db: AsyncSession, data: TagCreate) -> Tag:
    """Save a new tag.

    ConflictError if a unique value is taken or a referenced row is missing.
    """
    values = data.model_dump()
    await _check_rules(db, values)
    tag = Tag(**values)
    db.add(tag)
    await _commit(db)
    return await get_tag(db, tag.id)


async def update_tag(db: AsyncSession, tag: Tag, data: TagUpdate) -> Tag:
    """Change the fields set in `data` (PATCH); `tag` comes from `get_tag`.

    ConflictError like `create_tag`.
    """
    values = data.model_dump(exclude_unset=True)
    await _check_rules(db, values, tag.id)
    for name, value in values.items():
        setattr(tag, name, value)
    await _commit(db)
    return await get_tag(db, tag.id)


async def delete_tag(db: AsyncSession, tag: Tag) -> None:
    """Delete a tag from `get_tag`.

    Rows referring to it follow their `on_delete`; ConflictError, naming them, when one
    forbids it (`deletion_effects`), or when the database refuses.
    """
    effects = await deletion_effects(db, [tag.id])
    if effects.protected:
        raise ConflictError(effects.refusal("the tag \u201c" + str(tag) + "”"))
    await db.delete(tag)
    await _commit(db, deleting=True)


async def delete_tags(db: AsyncSession, ids: Sequence[int]) -> int:
    """Delete the tags with these ids (all or none); returns how many."""
    wanted = [value for value in ids if is_id(value)]
    effects = await deletion_effects(db, wanted)
    if effects.protected:
        raise ConflictError(effects.refusal("these tags"))
    rows = (await db.scalars(select(Tag).where(Tag.id.in_(wanted)).options(*_loaded()))).all()
    for tag in rows:
        await db.delete(tag)
    await _commit(db, deleting=True)
    return len(rows)


async def deletion_effects(db: AsyncSession, ids: Sequence[int]) -> DeletionEffects:
    """What deleting the tags with these ids does to the rows referring to them.

    One query per field of the spec that refers to tags (declared
    here when scaffold generated this file), each with its `on_delete`.
    """
    wanted = [value for value in ids if is_id(value)]
    groups = [
        await find_referrers(
            db,
            select(Post)
            .join(posts_tags, posts_tags.c.post_id == Post.id)
            .where(posts_tags.c.tag_id.in_(wanted))
            .order_by(Post.id),
            label="post",
            plural_label="posts",
            field="tags",
            effect="unlink",
        ),
    ]
    return DeletionEffects(tuple(groups))


async def tag_choices(
    db: AsyncSession, *, q: str | None = None, limit: int = 100
) -> list[tuple[int, str]]:
    """(id, label) pairs for select widgets, in the default order, searched like lists."""
    rows = await db.scalars(
        select(Tag).where(*_conditions(TagFilters(), q)).order_by(*_order_by(None)).limit(limit)
    )
    return [(row.id, str(row)) for row in rows]


async def _check_rules(
    db: AsyncSession, values: Mapping[str, Any], tag_id: int | None = None
) -> None:
    """Refuse, naming the field, what the database would: taken unique values, missing rows.

    The database still has the last word (two requests can race): `_commit` turns its
    refusal into a ConflictError too.
    """
    if values.get("name") is not None and await _taken(db, Tag.name, values["name"], tag_id):
        raise ConflictError("A tag with this name already exists.", "name")


async def _taken(
    db: AsyncSession, column: InstrumentedAttribute[Any], value: object, tag_id: int | None
) -> bool:
    """Whether another row already has `value` in this unique column."""
    query = select(Tag.id).where(column == value)
    if tag_id is not None:
        query = query.where(Tag.id != tag_id)
    return await db.scalar(query.limit(1)) is not None


async def _commit(db: AsyncSession, *, deleting: bool = False) -> None:
    """Commit, turning the database's refusal (unique value, foreign key) into a ConflictError."""
    try:
        await db.commit()
    except IntegrityError as error:
        await db.rollback()
        if deleting:
            message = "Other rows still refer to this tag."
        else:
            message = "This conflicts with existing data (a unique value or a referenced row)."
        raise ConflictError(message) from error
