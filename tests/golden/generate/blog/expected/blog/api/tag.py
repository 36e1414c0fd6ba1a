"""The JSON API of tags, mounted at /api/tags.

Anyone may read; writing needs a bearer token (`POST /api/auth/token`).
"""

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Path, Query, Response, status

from blog.auth.dependencies import require_token_user
from blog.db import DbSession
from blog.kit.api import BAD_REQUEST, CONFLICT, UNAUTHORIZED, not_found
from blog.kit.crud import Reads
from blog.kit.listing import ListParams
from blog.kit.schemas import MAX_INT, SafeStr
from blog.models.tag import Tag
from blog.schemas.tag import TagCreate, TagPage, TagRead, TagUpdate
from blog.services.tag import tags

router = APIRouter(prefix="/tags", tags=["Tags"])

#: What `sort` accepts here (`api.sort`): a column, `-` for descending.
ApiSort = Literal[
    "id", "-id", "created_at", "-created_at", "updated_at", "-updated_at", "name", "-name"
]

NOT_FOUND = not_found("tag")
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
#: What `q` searches: one field name a line, so long names still fit.
SEARCH_DESCRIPTION = "Search in " + ", ".join(("name",)) + "."
TagId = Annotated[int, Path(ge=1, le=MAX_INT, description="The tag's id.")]


async def get_tag_or_404(db: DbSession, tag_id: TagId) -> Tag:
    """The tag named in the path (a 404 answer if there is none: `kit.api`)."""
    return await tags.get(db, tag_id)


TagFromPath = Annotated[Tag, Depends(get_tag_or_404)]


@router.get("", operation_id="list_tags", summary="List tags")
async def list_tags(
    db: DbSession,
    page: Annotated[
        int,
        Query(
            ge=1,
            le=MAX_INT,
            description="1-based page number; past the last page, `items` is empty.",
        ),
    ] = 1,
    page_size: Annotated[int, Query(ge=1, le=tags.max_page_size)] = tags.page_size,
    sort: Annotated[
        ApiSort | None, Query(description="Column to sort by; `-` prefix for descending.")
    ] = None,
    q: Annotated[SafeStr | None, Query(max_length=200, description=SEARCH_DESCRIPTION)] = None,
    name: Annotated[SafeStr, Query(max_length=50)] | None = None,
) -> TagPage:
    """Tags, a page at a time, sorted, filtered and searched."""
    filters = {"name": name}
    params = ListParams(page=page, page_size=page_size, sort=sort, q=q, filters=filters)
    return TagPage.model_validate(await tags.read_page(db, params, READS), from_attributes=True)


@router.post(
    "",
    operation_id="create_tag",
    summary="Create a tag",
    status_code=status.HTTP_201_CREATED,
    dependencies=[Depends(require_token_user)],
    responses={400: BAD_REQUEST, 401: UNAUTHORIZED, 409: CONFLICT},
)
async def create_tag(db: DbSession, data: TagCreate) -> TagRead:
    """Create a tag; 409 if a unique value is taken or a referenced row is missing."""
    return TagRead.model_validate(await tags.create(db, data))


@router.get("/{tag_id}", operation_id="get_tag", summary="Get a tag", responses={404: NOT_FOUND})
async def get_tag(tag: TagFromPath) -> TagRead:
    """One tag by id."""
    return TagRead.model_validate(tag)


@router.patch(
    "/{tag_id}",
    operation_id="update_tag",
    summary="Update a tag",
    dependencies=[Depends(require_token_user)],
    responses={400: BAD_REQUEST, 401: UNAUTHORIZED, 404: NOT_FOUND, 409: CONFLICT},
)
async def update_tag(db: DbSession, tag: TagFromPath, data: TagUpdate) -> TagRead:
    """Change the fields sent, keep the others."""
    return TagRead.model_validate(await tags.update(db, tag, data))


@router.delete(
    "/{tag_id}",
    operation_id="delete_tag",
    summary="Delete a tag",
    status_code=status.HTTP_204_NO_CONTENT,
    dependencies=[Depends(require_token_user)],
    responses={401: UNAUTHORIZED, 404: NOT_FOUND, 409: CONFLICT},
)
async def delete_tag(db: DbSession, tag: TagFromPath) -> Response:
    """Delete a tag; 409 while other rows must keep referring to it."""
    await tags.delete(db, tag)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
