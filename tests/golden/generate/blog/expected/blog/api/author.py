"""The JSON API of authors, mounted at /api/authors.

Anyone may read; writing needs a bearer token (`POST /api/auth/token`).
"""

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Response, status

from blog.db import DbSession
from blog.kit.api import Endpoints, PageNumber, not_found, page_size_query, search_query, sort_query
from blog.kit.crud import Reads
from blog.kit.listing import ListParams
from blog.kit.schemas import MAX_INT, SafeStr
from blog.models.author import Author
from blog.schemas.author import AuthorCreate, AuthorPage, AuthorRead, AuthorUpdate
from blog.services.author import authors

router = APIRouter(prefix="/authors", tags=["Authors"])

NOT_FOUND = not_found("author")
#: The five endpoints' status codes, token and documented errors (`kit.api`).
api = Endpoints(router, "/{author_id}", NOT_FOUND)
#: What `sort` accepts (`api.sort`): one of these columns, `-` before it for descending.
SORT = sort_query(
    Author.id, Author.created_at, Author.updated_at, Author.name, Author.email, Author.website
)
#: What `AuthorRead` shows, read as plain columns by the list (the kit's fast read path).
READS = Reads(
    AuthorRead,
    columns=(
        Author.id,
        Author.name,
        Author.email,
        Author.bio,
        Author.website,
        Author.created_at,
        Author.updated_at,
    ),
)
AuthorId = Annotated[int, Path(ge=1, le=MAX_INT, description="The author's id.")]


async def get_author_or_404(db: DbSession, author_id: AuthorId) -> Author:
    """The author named in the path (a 404 answer if there is none: `kit.api`)."""
    return await authors.get(db, author_id)


AuthorFromPath = Annotated[Author, Depends(get_author_or_404)]


@api.index(operation_id="list_authors", summary="List authors")
async def list_authors(
    db: DbSession,
    page: PageNumber = 1,
    page_size: Annotated[int, page_size_query(authors)] = authors.page_size,
    sort: Annotated[str | None, SORT] = None,
    q: Annotated[SafeStr | None, search_query(authors)] = None,
    name: Annotated[SafeStr, Query(max_length=120)] | None = None,
    email: Annotated[SafeStr, Query(max_length=254)] | None = None,
    website: Annotated[SafeStr, Query(max_length=2048)] | None = None,
) -> AuthorPage:
    """Authors, a page at a time, sorted, filtered and searched."""
    filters = {"name": name, "email": email, "website": website}
    params = ListParams(page=page, page_size=page_size, sort=sort, q=q, filters=filters)
    return AuthorPage.model_validate(
        await authors.read_page(db, params, READS), from_attributes=True
    )


@api.create(operation_id="create_author", summary="Create an author")
async def create_author(db: DbSession, data: AuthorCreate) -> AuthorRead:
    """Create an author; 409 if a unique value is taken or a referenced row is missing."""
    return AuthorRead.model_validate(await authors.create(db, data))


@api.show(operation_id="get_author", summary="Get an author")
async def get_author(author: AuthorFromPath) -> AuthorRead:
    """One author by id."""
    return AuthorRead.model_validate(author)


@api.update(operation_id="update_author", summary="Update an author")
async def update_author(db: DbSession, author: AuthorFromPath, data: AuthorUpdate) -> AuthorRead:
    """Change the fields sent, keep the others."""
    return AuthorRead.model_validate(await authors.update(db, author, data))


@api.delete(operation_id="delete_author", summary="Delete an author")
async def delete_author(db: DbSession, author: AuthorFromPath) -> Response:
    """Delete an author; 409 while other rows must keep referring to it."""
    await authors.delete(db, author)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
