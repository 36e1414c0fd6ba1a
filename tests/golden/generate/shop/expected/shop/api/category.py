"""The JSON API of categories, mounted at /api/categories.

Anyone may read; writing needs a bearer token (`POST /api/auth/token`).
"""

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Response, status

from shop.db import DbSession
from shop.kit.api import Endpoints, PageNumber, not_found, page_size_query, search_query, sort_query
from shop.kit.crud import Reads
from shop.kit.listing import ListParams
from shop.kit.schemas import MAX_INT, SafeStr
from shop.models.category import Category
from shop.schemas.category import CategoryCreate, CategoryPage, CategoryRead, CategoryUpdate
from shop.services.category import categories

router = APIRouter(prefix="/categories", tags=["Categories"])

NOT_FOUND = not_found("category")
#: The five endpoints' status codes, token and documented errors (`kit.api`).
api = Endpoints(router, "/{category_id}", NOT_FOUND)
#: What `sort` accepts (`api.sort`): one of these columns, `-` before it for descending.
SORT = sort_query(
    Category.id, Category.created_at, Category.updated_at, Category.name, Category.parent_id
)
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
CategoryId = Annotated[int, Path(ge=1, le=MAX_INT, description="The category's id.")]


async def get_category_or_404(db: DbSession, category_id: CategoryId) -> Category:
    """The category named in the path (a 404 answer if there is none: `kit.api`)."""
    return await categories.get(db, category_id)


CategoryFromPath = Annotated[Category, Depends(get_category_or_404)]


@api.index(operation_id="list_categories", summary="List categories")
async def list_categories(
    db: DbSession,
    page: PageNumber = 1,
    page_size: Annotated[int, page_size_query(categories)] = categories.page_size,
    sort: Annotated[str | None, SORT] = None,
    q: Annotated[SafeStr | None, search_query(categories)] = None,
    name: Annotated[SafeStr, Query(max_length=80)] | None = None,
    parent_id: Annotated[int, Query(ge=1, le=MAX_INT)] | None = None,
) -> CategoryPage:
    """Categories, a page at a time, sorted, filtered and searched."""
    filters = {"name": name, "parent_id": parent_id}
    params = ListParams(page=page, page_size=page_size, sort=sort, q=q, filters=filters)
    return CategoryPage.model_validate(
        await categories.read_page(db, params, READS), from_attributes=True
    )


@api.create(operation_id="create_category", summary="Create a category")
async def create_category(db: DbSession, data: CategoryCreate) -> CategoryRead:
    """Create a category; 409 if a unique value is taken or a referenced row is missing."""
    return CategoryRead.model_validate(await categories.create(db, data))


@api.show(operation_id="get_category", summary="Get a category")
async def get_category(category: CategoryFromPath) -> CategoryRead:
    """One category by id."""
    return CategoryRead.model_validate(category)


@api.update(operation_id="update_category", summary="Update a category")
async def update_category(
    db: DbSession, category: CategoryFromPath, data: CategoryUpdate
) -> CategoryRead:
    """Change the fields sent, keep the others."""
    return CategoryRead.model_validate(await categories.update(db, category, data))


@api.delete(operation_id="delete_category", summary="Delete a category")
async def delete_category(db: DbSession, category: CategoryFromPath) -> Response:
    """Delete a category; 409 while other rows must keep referring to it."""
    await categories.delete(db, category)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
