"""The JSON API of categories, mounted at /api/categories.

Anyone may read; writing needs a bearer token (`POST /api/auth/token`).
"""

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Path, Query, Response, status

from shop.auth.dependencies import require_token_user
from shop.db import DbSession
from shop.kit.api import BAD_REQUEST, CONFLICT, UNAUTHORIZED, not_found
from shop.kit.crud import Reads
from shop.kit.listing import ListParams
from shop.kit.schemas import MAX_INT, SafeStr
from shop.models.category import Category
from shop.schemas.category import CategoryCreate, CategoryPage, CategoryRead, CategoryUpdate
from shop.services.category import categories

router = APIRouter(prefix="/categories", tags=["Categories"])

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
    "parent_id",
    "-parent_id",
]

NOT_FOUND = not_found("category")
#: What `CategoryRead` shows, read as plain columns by the list (the kit's fast read path).
READS = Reads(
    CategoryRead,
    columns=(
        Category.id,
        Category.name,
        Category.parent_id,
        Category.created_at,
        Category.updated_at,
    ),
)
#: What `q` searches: one field name a line, so long names still fit.
SEARCH_DESCRIPTION = "Search in " + ", ".join(("name",)) + "."
CategoryId = Annotated[int, Path(ge=1, le=MAX_INT, description="The category's id.")]


async def get_category_or_404(db: DbSession, category_id: CategoryId) -> Category:
    """The category named in the path (a 404 answer if there is none: `kit.api`)."""
    return await categories.get(db, category_id)


CategoryFromPath = Annotated[Category, Depends(get_category_or_404)]


@router.get("", operation_id="list_categories", summary="List categories")
async def list_categories(
    db: DbSession,
    page: Annotated[
        int,
        Query(
            ge=1,
            le=MAX_INT,
            description="1-based page number; past the last page, `items` is empty.",
        ),
    ] = 1,
    page_size: Annotated[int, Query(ge=1, le=categories.max_page_size)] = categories.page_size,
    sort: Annotated[
        ApiSort | None, Query(description="Column to sort by; `-` prefix for descending.")
    ] = None,
    q: Annotated[SafeStr | None, Query(max_length=200, description=SEARCH_DESCRIPTION)] = None,
    name: Annotated[SafeStr, Query(max_length=80)] | None = None,
    parent_id: Annotated[int, Query(ge=1, le=MAX_INT)] | None = None,
) -> CategoryPage:
    """Categories, a page at a time, sorted, filtered and searched."""
    filters = {"name": name, "parent_id": parent_id}
    params = ListParams(page=page, page_size=page_size, sort=sort, q=q, filters=filters)
    return CategoryPage.model_validate(
        await categories.read_page(db, params, READS), from_attributes=True
    )


@router.post(
    "",
    operation_id="create_category",
    summary="Create a category",
    status_code=status.HTTP_201_CREATED,
    dependencies=[Depends(require_token_user)],
    responses={400: BAD_REQUEST, 401: UNAUTHORIZED, 409: CONFLICT},
)
async def create_category(db: DbSession, data: CategoryCreate) -> CategoryRead:
    """Create a category; 409 if a unique value is taken or a referenced row is missing."""
    return CategoryRead.model_validate(await categories.create(db, data))


@router.get(
    "/{category_id}",
    operation_id="get_category",
    summary="Get a category",
    responses={404: NOT_FOUND},
)
async def get_category(category: CategoryFromPath) -> CategoryRead:
    """One category by id."""
    return CategoryRead.model_validate(category)


@router.patch(
    "/{category_id}",
    operation_id="update_category",
    summary="Update a category",
    dependencies=[Depends(require_token_user)],
    responses={400: BAD_REQUEST, 401: UNAUTHORIZED, 404: NOT_FOUND, 409: CONFLICT},
)
async def update_category(
    db: DbSession, category: CategoryFromPath, data: CategoryUpdate
) -> CategoryRead:
    """Change the fields sent, keep the others."""
    return CategoryRead.model_validate(await categories.update(db, category, data))


@router.delete(
    "/{category_id}",
    operation_id="delete_category",
    summary="Delete a category",
    status_code=status.HTTP_204_NO_CONTENT,
    dependencies=[Depends(require_token_user)],
    responses={401: UNAUTHORIZED, 404: NOT_FOUND, 409: CONFLICT},
)
async def delete_category(db: DbSession, category: CategoryFromPath) -> Response:
    """Delete a category; 409 while other rows must keep referring to it."""
    await categories.delete(db, category)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
