"""Web pages for categories: list, detail, create, edit and delete.

Anyone may read; creating, editing and deleting need a logged-in user (anonymous
visitors are sent to /login). Every form carries the session's CSRF token, which
`CSRFMiddleware` checks before these functions run. What is valid is decided by
`CategoryCreate` / `CategoryUpdate` and storage by the category service: these views
only translate between HTML forms and those two.
"""

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query, Request, status
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.datastructures import FormData

from shop.auth.dependencies import LoggedInUser, get_session_user
from shop.db import DbSession
from shop.kit.errors import ConflictError, NotFoundError
from shop.kit.forms import (
    FormErrors,
    FormReader,
    FormValue,
    SelectOption,
    input_value,
    with_chosen,
)
from shop.kit.ids import MAX_ID
from shop.kit.listing import ListQuery, wants_fragment
from shop.models.category import Category
from shop.schemas.category import CategoryCreate, CategoryUpdate
from shop.services import category as category_service
from shop.templating import render

# The session user is loaded for every page, so templates know who is logged in.
router = APIRouter(
    prefix="/categories",
    tags=["categories"],
    dependencies=[Depends(get_session_user)],
    include_in_schema=False,
)

#: How many options a select of related rows lists at most (the chosen ones are always there).
CHOICES_LIMIT = 1000


def _sort_key(sort: str) -> category_service.CategorySort | None:
    """The service's sort key named by the query string, None (default order) if unknown."""
    return next((key for key in category_service.SORT_KEYS if key == sort), None)


@router.get("/", response_class=HTMLResponse)
async def list_categories(
    request: Request,
    db: DbSession,
    q: str = "",
    sort: str = "",
    page: Annotated[int, Query(ge=1, le=MAX_ID)] = 1,
) -> HTMLResponse:
    """The list, searchable and sortable; htmx gets only the results when it asks.

    A page past the last shows the last one.
    """
    sort_key = _sort_key(sort)
    results = await category_service.list_categories(db, page=page, sort=sort_key, q=q)
    if page > results.pages:
        page = results.pages
        results = await category_service.list_categories(db, page=page, sort=sort_key, q=q)
    context = {
        "results": results,
        "list_state": ListQuery(path=request.url.path, q=q, sort=sort_key or "", page=page),
    }
    template = "category/_results.html" if wants_fragment(request) else "category/list.html"
    # Caches must not answer a full-page request with a fragment, or the reverse.
    return render(request, template, context, headers={"Vary": "HX-Request"})


@router.get("/new", response_class=HTMLResponse)
async def new_category(request: Request, db: DbSession, user: LoggedInUser) -> HTMLResponse:
    """The empty create form."""
    return await _form_page(request, db, None, _new_values(), {})


@router.post("/new", response_class=HTMLResponse)
async def create_category(request: Request, db: DbSession, user: LoggedInUser) -> Response:
    """Create from the submitted form, or show it again with what is wrong (422)."""
    reader = _read_form(await request.form())
    data = reader.validate(CategoryCreate)
    if data is not None:
        try:
            category = await category_service.create_category(db, data)
        except ConflictError as exc:
            reader.add_error(exc.field, exc.message)
        else:
            return RedirectResponse(f"/categories/{category.id}", status.HTTP_303_SEE_OTHER)
    return await _form_page(
        request, db, None, reader.values, reader.errors, status.HTTP_422_UNPROCESSABLE_CONTENT
    )


@router.get("/{category_id}", response_class=HTMLResponse)
async def show_category(request: Request, db: DbSession, category_id: int) -> HTMLResponse:
    """One category, every field."""
    category = await _get_or_404(db, category_id)
    return render(request, "category/detail.html", {"category": category})


@router.get("/{category_id}/edit", response_class=HTMLResponse)
async def edit_category(
    request: Request, db: DbSession, user: LoggedInUser, category_id: int
) -> HTMLResponse:
    """The edit form, filled with the stored values."""
    category = await _get_or_404(db, category_id)
    return await _form_page(request, db, category, _values_of(category), {})


@router.post("/{category_id}/edit", response_class=HTMLResponse)
async def update_category(
    request: Request, db: DbSession, user: LoggedInUser, category_id: int
) -> Response:
    """Save the submitted form, or show it again with what is wrong (422)."""
    category = await _get_or_404(db, category_id)
    reader = _read_form(await request.form())
    data = reader.validate(CategoryUpdate)
    if data is not None:
        try:
            await category_service.update_category(db, category, data)
        except ConflictError as exc:
            reader.add_error(exc.field, exc.message)
        else:
            return RedirectResponse(f"/categories/{category.id}", status.HTTP_303_SEE_OTHER)
    return await _form_page(
        request, db, category, reader.values, reader.errors, status.HTTP_422_UNPROCESSABLE_CONTENT
    )


@router.get("/{category_id}/delete", response_class=HTMLResponse)
async def confirm_delete_category(
    request: Request, db: DbSession, user: LoggedInUser, category_id: int
) -> HTMLResponse:
    """Ask before deleting (or say what forbids it): a GET never changes anything."""
    category = await _get_or_404(db, category_id)
    return await _confirm_delete_page(request, db, category)


@router.post("/{category_id}/delete", response_class=HTMLResponse)
async def delete_category(
    request: Request, db: DbSession, user: LoggedInUser, category_id: int
) -> Response:
    """Delete, then go back to the list; if other rows still need it, say so (409)."""
    category = await _get_or_404(db, category_id)
    try:
        await category_service.delete_category(db, category)
    except ConflictError as exc:
        # Read again: a refusal by the database rolled the session back.
        category = await _get_or_404(db, category_id)
        return await _confirm_delete_page(
            request, db, category, exc.message, status.HTTP_409_CONFLICT
        )
    return RedirectResponse("/categories/", status.HTTP_303_SEE_OTHER)


async def _confirm_delete_page(
    request: Request,
    db: AsyncSession,
    category: Category,
    error: str = "",
    status_code: int = status.HTTP_200_OK,
) -> HTMLResponse:
    """The confirmation page; while other rows forbid the deletion, it says which instead."""
    effects = await category_service.deletion_effects(db, [category.id])
    if effects.protected and not error:
        error = effects.refusal("the category \u201c" + str(category) + "”")
    context = {"category": category, "error": error, "effects": effects}
    return render(request, "category/confirm_delete.html", context, status_code)


async def _get_or_404(db: AsyncSession, category_id: int) -> Category:
    try:
        return await category_service.get_category(db, category_id)
    except NotFoundError as exc:
        raise HTTPException(status.HTTP_404_NOT_FOUND, exc.message) from exc


async def _form_page(
    request: Request,
    db: AsyncSession,
    category: Category | None,
    values: dict[str, FormValue],
    errors: FormErrors,
    status_code: int = status.HTTP_200_OK,
) -> HTMLResponse:
    """The create form (category is None) or the edit form, with values and error messages."""
    context = {
        "category": category,
        "values": values,
        "errors": errors,
        "choices": await _choices(db, values),
    }
    return render(request, "category/form.html", context, status_code)


def _read_form(form: FormData) -> FormReader:
    """The submitted form, input by input (input names are the schemas' field names)."""
    reader = FormReader(form)
    reader.text("name", required=True)
    reader.text("parent_id", required=False)
    return reader


def _new_values() -> dict[str, FormValue]:
    """What the create form starts with: the spec's defaults, else blank."""
    return {
        "name": "",
        "parent_id": "",
    }


def _values_of(category: Category) -> dict[str, FormValue]:
    """What the edit form starts with: the stored values, written as inputs show them."""
    return {
        "name": input_value(category.name),
        "parent_id": input_value(category.parent_id),
    }


async def _choices(db: AsyncSession, values: dict[str, FormValue]) -> dict[str, list[SelectOption]]:
    """The options of each select of related rows."""
    return {
        "parent_id": await with_chosen(
            await category_service.category_choices(db, limit=CHOICES_LIMIT),
            values["parent_id"],
            lambda row_id: _category_label(db, row_id),
        ),
    }


async def _category_label(db: AsyncSession, category_id: int) -> str | None:
    """How a chosen category reads in a select (None if it no longer exists)."""
    try:
        return str(await category_service.get_category(db, category_id))
    except NotFoundError:
        return None
