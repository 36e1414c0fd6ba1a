"""The JSON API of categories, mounted at /api/categories.

Anyone may read; writing needs a bearer token (`POST /api/auth/token`).
"""

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Response, status

from shop.auth.dependencies import require_token_user
from shop.db import DbSession
from shop.kit.errors import ConflictError, NotFoundError
from shop.models.category import Category
from shop.schemas.category import CategoryCreate, CategoryPage, CategoryRead, CategoryUpdate
from shop.schemas.common import MAX_INT, ErrorMessage, SafeStr
from shop.services import category as category_service

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

NOT_FOUND: dict[str, Any] = {"model": ErrorMessage, "description": "No category has this id."}
CONFLICT: dict[str, Any] = {
    "model": ErrorMessage,
    "description": "A unique value is taken, or a referenced row is missing or still in use.",
}
BAD_REQUEST: dict[str, Any] = {"model": ErrorMessage, "description": "The body could not be read."}
UNAUTHORIZED: dict[str, Any] = {"model": ErrorMessage, "description": "No valid bearer token."}
#: What `q` searches: one field name a line, so long names still fit.
SEARCH_DESCRIPTION = "Search in " + ", ".join(("name",)) + "."
CategoryId = Annotated[int, Path(ge=1, le=MAX_INT, description="The category's id.")]


async def get_category_or_404(db: DbSession, category_id: CategoryId) -> Category:
    """The category named in the path, or a 404 answer."""
    try:
        return await category_service.get_category(db, category_id)
    except NotFoundError as error:
        raise HTTPException(status.HTTP_404_NOT_FOUND, error.message) from error


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
    page_size: Annotated[
        int, Query(ge=1, le=category_service.MAX_PAGE_SIZE)
    ] = category_service.PAGE_SIZE,
    sort: Annotated[
        ApiSort | None, Query(description="Column to sort by; `-` prefix for descending.")
    ] = None,
    q: Annotated[SafeStr | None, Query(max_length=200, description=SEARCH_DESCRIPTION)] = None,
    name: Annotated[SafeStr, Query(max_length=80)] | None = None,
    parent_id: Annotated[int, Query(ge=1, le=MAX_INT)] | None = None,
) -> CategoryPage:
    """Categories, a page at a time, sorted, filtered and searched."""
    filters = category_service.CategoryFilters(
        name=name,
        parent_id=parent_id,
    )
    result = await category_service.list_category_reads(
        db, page=page, page_size=page_size, sort=sort, q=q, filters=filters
    )
    return CategoryPage.model_validate(result, from_attributes=True)


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
    try:
        category = await category_service.create_category(db, data)
    except ConflictError as error:
        raise HTTPException(status.HTTP_409_CONFLICT, error.message) from error
    return CategoryRead.model_validate(category)


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
    try:
        category = await category_service.update_category(db, category, data)
    except ConflictError as error:
        raise HTTPException(status.HTTP_409_CONFLICT, error.message) from error
    return CategoryRead.model_validate(category)


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
    try:
        await category_service.delete_category(db, category)
    except ConflictError as error:
        raise HTTPException(status.HTTP_409_CONFLICT, error.message) from error
    return Response(status_code=status.HTTP_204_NO_CONTENT)
