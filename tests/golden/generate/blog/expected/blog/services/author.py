"""Database operations on authors, shared by the API, the HTML views and the admin.

`authors` is the kit's `Crud` (kit/crud.py) declared for authors: what a
list searches, sorts and filters, which values are unique, which rows must exist, what
deleting does to the rows referring to them. Change behaviour here, by declaration, or
subclass `Crud` and override a method.
"""

from dataclasses import dataclass
from typing import Literal, get_args

from sqlalchemy.ext.asyncio import AsyncSession

from blog.kit.crud import Crud, Unique
from blog.kit.deletion import Referrer
from blog.kit.errors import Label
from blog.kit.listing import ListParams, Page
from blog.models.author import Author
from blog.models.post import Post

#: Rows per page when the caller does not say (`api.page_size`).
PAGE_SIZE = 20
#: Largest page the API serves (`api.max_page_size`).
MAX_PAGE_SIZE = 100

authors = Crud(
    Author,
    label=Label("author", "authors"),
    load=(),
    search=(
        Author.name,
        Author.email,
        Author.website,
    ),
    sort=(
        Author.id,
        Author.created_at,
        Author.updated_at,
        Author.name,
        Author.email,
        Author.bio,
        Author.website,
    ),
    order=(Author.id.asc(),),
    filters=(
        Author.name,
        Author.email,
        Author.website,
    ),
    unique=(Unique(Author.email, "An author with this email already exists."),),
    refs=(),
    manys=(),
    referrers=(
        Referrer(Post, Post.author_id, Label("post", "posts"), "author", "restrict"),
        Referrer(Post, Post.reviewer_id, Label("post", "posts"), "reviewer", "set_null"),
    ),
    page_size=PAGE_SIZE,
    max_page_size=MAX_PAGE_SIZE,
)


# Compatibility with the functions this module had before the kit, for the pages and the
# admin until they call `authors` themselves.
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
get_author = authors.get
create_author = authors.create
update_author = authors.update
delete_author = authors.delete
delete_authors = authors.delete_many
deletion_effects = authors.deletion_effects
author_choices = authors.choices


@dataclass(frozen=True)
class AuthorFilters:
    """Exact-match filters of a list, typed for reading them from a query string; None
    leaves a field unfiltered. Numbers are bounded like their columns: a value no column
    holds names no row (PostgreSQL refuses it as a parameter)."""

    name: str | None = None
    email: str | None = None
    website: str | None = None


async def list_authors(
    db: AsyncSession,
    *,
    page: int = 1,
    page_size: int = PAGE_SIZE,
    sort: AuthorSort | None = None,
    q: str | None = None,
    filters: AuthorFilters | None = None,
) -> Page[Author]:
    """One page of authors (`authors.page`)."""
    wanted = filters or AuthorFilters()
    values: dict[str, object] = {
        "name": wanted.name,
        "email": wanted.email,
        "website": wanted.website,
    }
    params = ListParams(page=page, page_size=page_size, sort=sort, q=q, filters=values)
    return await authors.page(db, params)
