"""The JSON API of authors at /api/authors: the list is here, the other endpoints are the kit's."""

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from blog.db import DbSession
from blog.kit.api import Endpoints, Filters
from blog.kit.listing import ListParams
from blog.kit.schemas import SafeStr
from blog.models.author import Author
from blog.schemas.author import AuthorCreate, AuthorPage, AuthorRead, AuthorUpdate
from blog.services.author import authors

router = APIRouter(prefix="/authors", tags=["Authors"])

#: The endpoints' status codes, token and documented errors, and all but the list (`kit.api`).
api = Endpoints(
    router, authors, "author", create=AuthorCreate, update=AuthorUpdate, read=AuthorRead
)
#: For endpoints added here: the documented 404, and the author the path's id names.
NOT_FOUND = api.not_found
AuthorFromPath = Annotated[Author, Depends(api.row)]
#: The columns the list reads for `AuthorRead`; the kit adds the id and timestamps.
READS = api.reads(
    Author.name,
    Author.email,
    Author.bio,
    Author.website,
)


async def author_filters(
    name: Annotated[SafeStr, Query(max_length=120)] | None = None,
    email: Annotated[SafeStr, Query(max_length=254)] | None = None,
    website: Annotated[SafeStr, Query(max_length=2048)] | None = None,
) -> Filters:
    """The list's filters (`api.filters`): each one's value, None where not asked for."""
    return {"name": name, "email": email, "website": website}


@api.index(operation_id="list_authors", summary="List authors")
async def list_authors(
    db: DbSession, params: Annotated[ListParams, Depends(api.list_params(filters=author_filters))]
) -> AuthorPage:
    """Authors, a page at a time, sorted, filtered and searched."""
    return AuthorPage.model_validate(
        await authors.read_page(db, params, READS), from_attributes=True
    )


api.add_crud()
