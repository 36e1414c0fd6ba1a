"""The JSON API of tags at /api/tags: the list is here, the other endpoints are the kit's."""

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from blog.db import DbSession
from blog.kit.api import Endpoints, PageNumber, page_size_query, search_query, sort_query
from blog.kit.crud import Reads
from blog.kit.listing import ListParams
from blog.kit.schemas import SafeStr
from blog.models.tag import Tag
from blog.schemas.tag import TagCreate, TagPage, TagRead, TagUpdate
from blog.services.tag import tags

router = APIRouter(prefix="/tags", tags=["Tags"])

#: The endpoints' status codes, token and documented errors, and all but the list (`kit.api`).
api = Endpoints(router, tags, "tag", create=TagCreate, update=TagUpdate, read=TagRead)
#: For endpoints added here: the documented 404, and the tag the path's id names.
NOT_FOUND = api.not_found
TagFromPath = Annotated[Tag, Depends(api.row)]
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


api.add_crud()
