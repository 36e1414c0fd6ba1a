"""The JSON API of tags at /api/tags: the list is here, the other endpoints are the kit's."""

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from blog.db import DbSession
from blog.kit.api import Endpoints, Filters
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
#: The columns the list reads for `TagRead`; the kit adds the id and timestamps.
READS = api.reads(
    Tag.name,
)


async def tag_filters(
    name: Annotated[SafeStr, Query(max_length=50)] | None = None,
) -> Filters:
    """The list's filters (`api.filters`): each one's value, None where not asked for."""
    return {"name": name}


@api.index(operation_id="list_tags", summary="List tags")
async def list_tags(
    db: DbSession, params: Annotated[ListParams, Depends(api.list_params(filters=tag_filters))]
) -> TagPage:
    """Tags, a page at a time, sorted, filtered and searched."""
    return TagPage.model_validate(await tags.read_page(db, params, READS), from_attributes=True)


api.add_crud()
