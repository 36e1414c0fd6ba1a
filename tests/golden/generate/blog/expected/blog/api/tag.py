"""The JSON API of tags, mounted at /api/tags.

Anyone may read; writing needs a bearer token (`POST /api/auth/token`).
"""

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Response, status

from blog.db import DbSession
from blog.kit.api import Endpoints, PageNumber, not_found, page_size_query, search_query, sort_query
from blog.kit.crud import Reads
from blog.kit.listing import ListParams
from blog.kit.schemas import MAX_INT, SafeStr
from blog.models.tag import Tag
from blog.schemas.tag import TagCreate, TagPage, TagRead, TagUpdate
from blog.services.tag import tags

router = APIRouter(prefix="/tags", tags=["Tags"])

NOT_FOUND = not_found("tag")
#: The five endpoints' status codes, token and documented errors (`kit.api`).
api = Endpoints(router, "/{tag_id}", NOT_FOUND)
#: What `sort` accepts (`api.sort`): one of these columns, `-` before it for descending.
SORT = sort_query(Tag.id, Tag.created_at, Tag.updated_at, Tag.name)
#: What `TagRead` shows, read as plain columns by the list (the kit's fast read path).
READS = Reads(
    TagRead,
    columns=(
        Tag.id,
        Tag.name,
        Tag.created_at,
        Tag.updated_at,
    ),
)
TagId = Annotated[int, Path(ge=1, le=MAX_INT, description="The tag's id.")]


async def get_tag_or_404(db: DbSession, tag_id: TagId) -> Tag:
    """The tag named in the path (a 404 answer if there is none: `kit.api`)."""
    return await tags.get(db, tag_id)


TagFromPath = Annotated[Tag, Depends(get_tag_or_404)]


@api.index(operation_id="list_tags", summary="List tags")
async def list_tags(
    db: DbSession,
    page: PageNumber = 1,
    page_size: Annotated[int, page_size_query(tags)] = tags.page_size,
    sort: Annotated[str | None, SORT] = None,
    q: Annotated[SafeStr | None, search_query(tags)] = None,
    name: Annotated[SafeStr, Query(max_length=50)] | None = None,
) -> TagPage:
    """Tags, a page at a time, sorted, filtered and searched."""
    filters = {"name": name}
    params = ListParams(page=page, page_size=page_size, sort=sort, q=q, filters=filters)
    return TagPage.model_validate(await tags.read_page(db, params, READS), from_attributes=True)


@api.create(operation_id="create_tag", summary="Create a tag")
async def create_tag(db: DbSession, data: TagCreate) -> TagRead:
    """Create a tag; 409 if a unique value is taken or a referenced row is missing."""
    return TagRead.model_validate(await tags.create(db, data))


@api.show(operation_id="get_tag", summary="Get a tag")
async def get_tag(tag: TagFromPath) -> TagRead:
    """One tag by id."""
    return TagRead.model_validate(tag)


@api.update(operation_id="update_tag", summary="Update a tag")
async def update_tag(db: DbSession, tag: TagFromPath, data: TagUpdate) -> TagRead:
    """Change the fields sent, keep the others."""
    return TagRead.model_validate(await tags.update(db, tag, data))


@api.delete(operation_id="delete_tag", summary="Delete a tag")
async def delete_tag(db: DbSession, tag: TagFromPath) -> Response:
    """Delete a tag; 409 while other rows must keep referring to it."""
    await tags.delete(db, tag)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
