"""Database operations on authors, shared by the API, the HTML views and the admin.

Every function takes the request's session and commits its own writes. Failures are
`NotFoundError` and `ConflictError` (never HTTP errors): each caller answers them its
own way. Rows come back with every relationship loaded, since the model refuses lazy
loads (`lazy="raise"`): a page of any size costs the same few queries.
The API's lists skip ORM objects altogether and read the columns they return
(`list_author_reads`).
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
from blog.models.author import Author
from blog.models.post import Post
from blog.schemas.author import AuthorCreate, AuthorRead, AuthorUpdate

#: Rows per page when the caller does not say (`api.page_size`).
PAGE_SIZE = 20
#: Largest page the API serves (`api.max_page_size`); callers check it, not this module.
MAX_PAGE_SIZE = 100

#: A column to sort by, `-` for descending.
AuthorSort = Literal[
    "id",
    "-id",
    "created_at",
    "-created_at",
    "updated_at",
    "-updated_at",
    "name",
    "-name",
    "email",
    "-email",
    "bio",
    "-bio",
    "website",
    "-website",
]
#: The same keys at runtime, e.g. to check a query string.
SORT_KEYS: tuple[AuthorSort, ...] = get_args(AuthorSort)

#: The column each sort key orders by (keyed by attribute name: a key is the name once,
#: so a long field name still fits a line).
SORT_COLUMNS: dict[str, InstrumentedAttribute[Any]] = {
    column.key: column
    for column in (
        Author.id,
        Author.created_at,
        Author.updated_at,
        Author.name,
        Author.email,
        Author.bio,
        Author.website,
    )
}

#: What `AuthorRead` shows, selected as plain columns for the API's lists.
READ_COLUMNS = (
    Author.id,
    Author.name,
    Author.email,
    Author.bio,
    Author.website,
    Author.created_at,
    Author.updated_at,
)


@dataclass(frozen=True)
class AuthorFilters:
    """Exact-match filters of a list; None leaves a field unfiltered."""

    name: str | None = None
    email: str | None = None
    website: str | None = None


def _loaded() -> list[LoaderOption]:
    """Loader options giving every row its relationships, in a fixed number of queries."""
    return []


def _conditions(filters: AuthorFilters, q: str | None) -> list[ColumnElement[bool]]:
    """WHERE conditions of a list: `filters`, and `q` searched in name, email, website."""
    conditions: list[ColumnElement[bool]] = []
    if filters.name is not None:
        conditions.append(Author.name == filters.name)
    if filters.email is not None:
        conditions.append(Author.email == filters.email)
    if filters.website is not None:
        conditions.append(Author.website == filters.website)
    if q is not None and q.strip():
        pattern = f"%{escape_like(q.strip())}%"
        conditions.append(
            or_(
                Author.name.ilike(pattern, escape="\\"),
                Author.email.ilike(pattern, escape="\\"),
                Author.website.ilike(pattern, escape="\\"),
            )
        )
    return conditions


def _order_by(sort: AuthorSort | None) -> list[ColumnElement[Any]]:
    """ORDER BY of a list: `sort`, else the default order; id breaks ties."""
    if sort is None:
        return [
            Author.id.asc(),
        ]
    column = SORT_COLUMNS[sort.removeprefix("-")]
    return [column.desc() if sort.startswith("-") else column.asc(), Author.id.asc()]


async def list_authors(
    db: AsyncSession,
    *,
    page: int = 1,
    page_size: int = PAGE_SIZE,
    sort: AuthorSort | None = None,
    q: str | None = None,
    filters: AuthorFilters | None = None,
) -> Page[Author]:
    """One page of authors matching `filters` and the search `q`.

    A page past the end is empty, not an error.
    """
    conditions = _conditions(filters or AuthorFilters(), q)
    total = await _count(db, conditions)
    rows = await db.scalars(
        select(Author)
        .where(*conditions)
        .options(*_loaded())
        .order_by(*_order_by(sort))
        .limit(page_size)
        .offset((page - 1) * page_size)
    )
    return Page(items=list(rows), total=total, page=page, page_size=page_size)


async def list_author_reads(
    db: AsyncSession,
    *,
    page: int = 1,
    page_size: int = PAGE_SIZE,
    sort: AuthorSort | None = None,
    q: str | None = None,
    filters: AuthorFilters | None = None,
) -> Page[AuthorRead]:
    """The page `list_authors` gives, read straight into what the API returns, in one query.

    Plain columns rather than ORM objects (no identity map, no relationship to load);
    the total comes from a subquery beside each row, so a page past the end, having no
    row to carry it, costs a second query.
    """
    conditions = _conditions(filters or AuthorFilters(), q)
    # correlate(None): count the matching rows of the table, not just the outer query's row.
    total = select(func.count()).select_from(Author).where(*conditions).correlate(None)
    result = await db.execute(
        select(*READ_COLUMNS, total.scalar_subquery().label("_total"))
        .where(*conditions)
        .order_by(*_order_by(sort))
        .limit(page_size)
        .offset((page - 1) * page_size)
    )
    rows = result.mappings().all()
    # Each row's "_total" key is not a field of AuthorRead, which ignores it; no field
    # starts with `_`, so it never hides a column (a field may well be named `total`).
    items = [AuthorRead.model_validate(row) for row in rows]
    count = int(rows[0]["_total"]) if rows else await _count(db, conditions)
    return Page(items=items, total=count, page=page, page_size=page_size)


async def _count(db: AsyncSession, conditions: Sequence[ColumnElement[bool]]) -> int:
    """How many rows match `conditions`, on all pages."""
    return await db.scalar(select(func.count()).select_from(Author).where(*conditions)) or 0


async def get_author(db: AsyncSession, author_id: int) -> Author:
    """The author with this id, relationships loaded.

    NotFoundError if there is none (an id out of range is not even looked up).
    """
    if not is_id(author_id):
        raise NotFoundError(f"No author with id {author_id}.")
    author = await db.scalar(
        select(Author)
        .where(Author.id == author_id)
        .options(*_loaded())
        .execution_options(populate_existing=True)
    )
    if author is None:
        raise NotFoundError(f"No author with id {author_id}.")
    return author


async def create_author(db: AsyncSession, data: AuthorCreate) -> Author:
    """Save a new author.

    ConflictError if a unique value is taken or a referenced row is missing.
    """
    values = data.model_dump()
    await _check_rules(db, values)
    author = Author(**values)
    db.add(author)
    await _commit(db)
    return await get_author(db, author.id)


async def update_author(db: AsyncSession, author: Author, data: AuthorUpdate) -> Author:
    """Change the fields set in `data` (PATCH); `author` comes from `get_author`.

    ConflictError like `create_author`.
    """
    values = data.model_dump(exclude_unset=True)
    await _check_rules(db, values, author.id)
    for name, value in values.items():
        setattr(author, name, value)
    await _commit(db)
    return await get_author(db, author.id)


async def delete_author(db: AsyncSession, author: Author) -> None:
    """Delete an author from `get_author`.

    Rows referring to it follow their `on_delete`; ConflictError, naming them, when one
    forbids it (`deletion_effects`), or when the database refuses.
    """
    effects = await deletion_effects(db, [author.id])
    if effects.protected:
        raise ConflictError(effects.refusal("the author \u201c" + str(author) + "”"))
    await db.delete(author)
    await _commit(db, deleting=True)


async def delete_authors(db: AsyncSession, ids: Sequence[int]) -> int:
    """Delete the authors with these ids (all or none); returns how many."""
    wanted = [value for value in ids if is_id(value)]
    effects = await deletion_effects(db, wanted)
    if effects.protected:
        raise ConflictError(effects.refusal("these authors"))
    rows = (await db.scalars(select(Author).where(Author.id.in_(wanted)).options(*_loaded()))).all()
    for author in rows:
        await db.delete(author)
    await _commit(db, deleting=True)
    return len(rows)


async def deletion_effects(db: AsyncSession, ids: Sequence[int]) -> DeletionEffects:
    """What deleting the authors with these ids does to the rows referring to them.

    One query per field of the spec that refers to authors (declared
    here when scaffold generated this file), each with its `on_delete`.
    """
    wanted = [value for value in ids if is_id(value)]
    groups = [
        await find_referrers(
            db,
            select(Post).where(Post.author_id.in_(wanted)).order_by(Post.id),
            label="post",
            plural_label="posts",
            field="author",
            effect="restrict",
        ),
        await find_referrers(
            db,
            select(Post).where(Post.reviewer_id.in_(wanted)).order_by(Post.id),
            label="post",
            plural_label="posts",
            field="reviewer",
            effect="set_null",
        ),
    ]
    return DeletionEffects(tuple(groups))


async def author_choices(
    db: AsyncSession, *, q: str | None = None, limit: int = 100
) -> list[tuple[int, str]]:
    """(id, label) pairs for select widgets, in the default order, searched like lists."""
    rows = await db.scalars(
        select(Author)
        .where(*_conditions(AuthorFilters(), q))
        .order_by(*_order_by(None))
        .limit(limit)
    )
    return [(row.id, str(row)) for row in rows]


async def _check_rules(
    db: AsyncSession, values: Mapping[str, Any], author_id: int | None = None
) -> None:
    """Refuse, naming the field, what the database would: taken unique values, missing rows.

    The database still has the last word (two requests can race): `_commit` turns its
    refusal into a ConflictError too.
    """
    if values.get("email") is not None and await _taken(
        db, Author.email, values["email"], author_id
    ):
        raise ConflictError("An author with this email already exists.", "email")


async def _taken(
    db: AsyncSession, column: InstrumentedAttribute[Any], value: object, author_id: int | None
) -> bool:
    """Whether another row already has `value` in this unique column."""
    query = select(Author.id).where(column == value)
    if author_id is not None:
        query = query.where(Author.id != author_id)
    return await db.scalar(query.limit(1)) is not None


async def _commit(db: AsyncSession, *, deleting: bool = False) -> None:
    """Commit, turning the database's refusal (unique value, foreign key) into a ConflictError."""
    try:
        await db.commit()
    except IntegrityError as error:
        await db.rollback()
        if deleting:
            message = "Other rows still refer to this author."
        else:
            message = "This conflicts with existing data (a unique value or a referenced row)."
        raise ConflictError(message) from error
