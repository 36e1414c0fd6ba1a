"""The JSON API of authors, mounted at /api/authors.

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
from blog.models.author import Author
from blog.schemas.author import AuthorCreate, AuthorPage, AuthorRead, AuthorUpdate
from blog.services.author import authors

router = APIRouter(prefix="/authors", tags=["Authors"])

#: What `sort` accepts here (`api.sort`): a column, `-` for descending.
ApiSort = Literal[
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
    "website",
    "-website",
]

NOT_FOUND = not_found("author")
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
#: What `q` searches: one field name a line, so long names still fit.
SEARCH_DESCRIPTION = "Search in " + ", ".join(("name", "email", "website")) + "."
AuthorId = Annotated[int, Path(ge=1, le=MAX_INT, description="The author's id.")]


async def get_author_or_404(db: DbSession, author_id: AuthorId) -> Author:
    """The author named in the path (a 404 answer if there is none: `kit.api`)."""
    return await authors.get(db, author_id)


AuthorFromPath = Annotated[Author, Depends(get_author_or_404)]


@router.get("", operation_id="list_authors", summary="List authors")
async def list_authors(
    db: DbSession,
    page: Annotated[
        int,
        Query(
            ge=1,
            le=MAX_INT,
            description="1-based page number; past the last page, `items` is empty.",
        ),
    ] = 1,
    page_size: Annotated[int, Query(ge=1, le=authors.max_page_size)] = authors.page_size,
    sort: Annotated[
        ApiSort | None, Query(description="Column to sort by; `-` prefix for descending.")
    ] = None,
    q: Annotated[SafeStr | None, Query(max_length=200, description=SEARCH_DESCRIPTION)] = None,
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


@router.post(
    "",
    operation_id="create_author",
    summary="Create an author",
    status_code=status.HTTP_201_CREATED,
    dependencies=[Depends(require_token_user)],
    responses={400: BAD_REQUEST, 401: UNAUTHORIZED, 409: CONFLICT},
)
async def create_author(db: DbSession, data: AuthorCreate) -> AuthorRead:
    """Create an author; 409 if a unique value is taken or a referenced row is missing."""
    return AuthorRead.model_validate(await authors.create(db, data))


@router.get(
    "/{author_id}", operation_id="get_author", summary="Get an author", responses={404: NOT_FOUND}
)
async def get_author(author: AuthorFromPath) -> AuthorRead:
    """One author by id."""
    return AuthorRead.model_validate(author)


@router.patch(
    "/{author_id}",
    operation_id="update_author",
    summary="Update an author",
    dependencies=[Depends(require_token_user)],
    responses={400: BAD_REQUEST, 401: UNAUTHORIZED, 404: NOT_FOUND, 409: CONFLICT},
)
async def update_author(db: DbSession, author: AuthorFromPath, data: AuthorUpdate) -> AuthorRead:
    """Change the fields sent, keep the others."""
    return AuthorRead.model_validate(await authors.update(db, author, data))


@router.delete(
    "/{author_id}",
    operation_id="delete_author",
    summary="Delete an author",
    status_code=status.HTTP_204_NO_CONTENT,
    dependencies=[Depends(require_token_user)],
    responses={401: UNAUTHORIZED, 404: NOT_FOUND, 409: CONFLICT},
)
async def delete_author(db: DbSession, author: AuthorFromPath) -> Response:
    """Delete an author; 409 while other rows must keep referring to it."""
    await authors.delete(db, author)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
