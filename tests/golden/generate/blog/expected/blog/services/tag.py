"""Database operations on tags, shared by the API, the HTML views and the admin.

`tags` is the kit's `Crud` (kit/crud.py) declared for tags: what a
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
from blog.models.post import Post, posts_tags
from blog.models.tag import Tag

#: Rows per page when the caller does not say (`api.page_size`).
PAGE_SIZE = 20
#: Largest page the API serves (`api.max_page_size`).
MAX_PAGE_SIZE = 100

tags = Crud(
    Tag,
    label=Label("tag", "tags"),
    load=(),
    search=(Tag.name,),
    sort=(
        Tag.id,
        Tag.created_at,
        Tag.updated_at,
        Tag.name,
    ),
    order=(Tag.id.asc(),),
    filters=(Tag.name,),
    unique=(Unique(Tag.name, "A tag with this name already exists."),),
    refs=(),
    manys=(),
    referrers=(
        Referrer(
            Post,
            posts_tags.c.tag_id,
            Label("post", "posts"),
            "tags",
            "unlink",
            link=posts_tags.c.post_id,
        ),
    ),
    page_size=PAGE_SIZE,
    max_page_size=MAX_PAGE_SIZE,
)


# Compatibility with the functions this module had before the kit, for the pages and the
# admin until they call `tags` themselves.
#: A column to sort by, `-` for descending.
TagSort = Literal[
    "id", "-id", "created_at", "-created_at", "updated_at", "-updated_at", "name", "-name"
]
#: The same keys at runtime, e.g. to check a query string.
SORT_KEYS: tuple[TagSort, ...] = get_args(TagSort)
get_tag = tags.get
create_tag = tags.create
update_tag = tags.update
delete_tag = tags.delete
delete_tags = tags.delete_many
deletion_effects = tags.deletion_effects
tag_choices = tags.choices


@dataclass(frozen=True)
class TagFilters:
    """Exact-match filters of a list, typed for reading them from a query string; None
    leaves a field unfiltered. Numbers are bounded like their columns: a value no column
    holds names no row (PostgreSQL refuses it as a parameter)."""

    name: str | None = None


async def list_tags(
    db: AsyncSession,
    *,
    page: int = 1,
    page_size: int = PAGE_SIZE,
    sort: TagSort | None = None,
    q: str | None = None,
    filters: TagFilters | None = None,
) -> Page[Tag]:
    """One page of tags (`tags.page`)."""
    wanted = filters or TagFilters()
    values: dict[str, object] = {"name": wanted.name}
    params = ListParams(page=page, page_size=page_size, sort=sort, q=q, filters=values)
    return await tags.page(db, params)
