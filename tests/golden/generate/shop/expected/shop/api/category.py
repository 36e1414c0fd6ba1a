"""The JSON API of categories at /api/categories: the list is here, the other endpoints are the
kit's."""

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from shop.db import DbSession
from shop.kit.api import Endpoints, Filters
from shop.kit.listing import ListParams
from shop.kit.schemas import MAX_INT, SafeStr
from shop.models.category import Category
from shop.schemas.category import CategoryCreate, CategoryPage, CategoryRead, CategoryUpdate
from shop.services.category import categories

router = APIRouter(prefix="/categories", tags=["Categories"])

#: The endpoints' status codes, token and documented errors, and all but the list (`kit.api`).
api = Endpoints(
    router, categories, "category", create=CategoryCreate, update=CategoryUpdate, read=CategoryRead
)
#: For endpoints added here: the documented 404, and the category the path's id names.
NOT_FOUND = api.not_found
CategoryFromPath = Annotated[Category, Depends(api.row)]
#: The columns the list reads for `CategoryRead`; the kit adds the id and timestamps.
READS = api.reads(
    Category.name,
    Category.parent_id,
)


async def category_filters(
    name: Annotated[SafeStr, Query(max_length=80)] | None = None,
    parent_id: Annotated[int, Query(ge=1, le=MAX_INT)] | None = None,
) -> Filters:
    """The list's filters (`api.filters`): each one's value, None where not asked for."""
    return {"name": name, "parent_id": parent_id}


@api.index(operation_id="list_categories", summary="List categories")
async def list_categories(
    db: DbSession, params: Annotated[ListParams, Depends(api.list_params(filters=category_filters))]
) -> CategoryPage:
    """Categories, a page at a time, sorted, filtered and searched."""
    return CategoryPage.model_validate(
        await categories.read_page(db, params, READS), from_attributes=True
    )


api.add_crud()
