"""Admin screens for categories: list, search, filters, add, change, delete.

Staff only: the router requires staff (anonymous visitors are sent to /login, other
users get 403). The project includes this router under /admin. Validation is the
schemas' job and storage the category service's, as for the site's pages.
"""

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query, Request, status
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import TypeAdapter
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.datastructures import FormData

from shop.auth.dependencies import require_staff
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
from shop.kit.ids import MAX_ID, parse_id
from shop.kit.listing import ListQuery, pop_notice, read_filters, set_notice, wants_fragment
from shop.models.category import Category
from shop.schemas.category import CategoryCreate, CategoryUpdate
from shop.services import category as category_service
from shop.templating import render

router = APIRouter(
    prefix="/categories",
    tags=["admin"],
    dependencies=[Depends(require_staff)],
    include_in_schema=False,
)

URL = "/admin/categories/"
#: Rows per list page.
PAGE_SIZE = 50
#: Options a select of related rows lists before it gets a search box.
CHOICES_LIMIT = 100
#: Query parameters of the filters sidebar (`admin.filters`).
FILTERS = ("parent_id",)
_filters_adapter = TypeAdapter(category_service.CategoryFilters)


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
    """The change list: search, filters, sortable columns, pages, and bulk delete.

    A page past the last shows the last one (as Django's admin does).
    """
    sort_key = _sort_key(sort)
    filters, applied = read_filters(_filters_adapter, request.query_params, FILTERS)
    results = await category_service.list_categories(
        db, page=page, page_size=PAGE_SIZE, sort=sort_key, q=q, filters=filters
    )
    if page > results.pages:
        page = results.pages
        results = await category_service.list_categories(
            db, page=page, page_size=PAGE_SIZE, sort=sort_key, q=q, filters=filters
        )
    list_state = ListQuery(path=URL, q=q, sort=sort_key or "", page=page, filters=applied)
    context: dict[str, object] = {"results": results, "list_state": list_state}
    # Caches must not answer a full-page request with a fragment, or the reverse.
    headers = {"Vary": "HX-Request"}
    if wants_fragment(request):
        return render(request, "admin/category/_results.html", context, headers=headers)
    context["notice"] = pop_notice(request)
    context["filter_choices"] = await _filter_choices(db, list_state)
    return render(request, "admin/category/list.html", context, headers=headers)


@router.get("/add", response_class=HTMLResponse)
async def add_category(request: Request, db: DbSession) -> HTMLResponse:
    """The empty add form."""
    return await _form_page(request, db, None, _new_values(), {})


@router.post("/add", response_class=HTMLResponse)
async def create_category(request: Request, db: DbSession) -> Response:
    """Create from the submitted form, or show it again with what is wrong (422)."""
    reader = _read_form(await request.form(), adding=True)
    data = reader.validate(CategoryCreate)
    if data is not None:
        try:
            category = await category_service.create_category(db, data)
        except ConflictError as exc:
            reader.add_error(exc.field, exc.message)
        else:
            set_notice(request, f"The category “{category}” was added.")
            return RedirectResponse(URL, status.HTTP_303_SEE_OTHER)
    return await _form_page(
        request, db, None, reader.values, reader.errors, status.HTTP_422_UNPROCESSABLE_CONTENT
    )


@router.post("/delete", response_class=HTMLResponse)
async def _delete_selected(request: Request, db: DbSession) -> Response:
    """Bulk delete: the first POST (from the list) asks, the second (`confirm`) deletes."""
    form = await request.form()
    ids = sorted({parse_id(v) or 0 for v in form.getlist("ids") if isinstance(v, str)} - {0})
    if not ids:
        set_notice(request, "Select the categories to delete first.")
        return RedirectResponse(URL, status.HTTP_303_SEE_OTHER)
    if form.get("confirm") == "yes":
        try:
            deleted = await category_service.delete_categories(db, ids)
        except ConflictError as exc:
            set_notice(request, f"Nothing was deleted: {exc.message}")
        else:
            set_notice(request, f"Deleted {deleted} category(s).")
        return RedirectResponse(URL, status.HTTP_303_SEE_OTHER)
    selected: list[Category] = []
    for category_id in ids:
        category = await _get_or_none(db, category_id)
        if category is not None:
            selected.append(category)
    ids = [category.id for category in selected]
    effects = await category_service.deletion_effects(db, ids)
    context = {"selected": selected, "ids": ids, "effects": effects}
    return render(request, "admin/category/confirm_delete_selected.html", context)


@router.get("/{category_id}/", response_class=HTMLResponse)
async def change_category(request: Request, db: DbSession, category_id: int) -> HTMLResponse:
    """The change form, filled with the stored values."""
    category = await _get_or_404(db, category_id)
    return await _form_page(request, db, category, _values_of(category), {})


@router.post("/{category_id}/", response_class=HTMLResponse)
async def update_category(request: Request, db: DbSession, category_id: int) -> Response:
    """Save the submitted form, or show it again with what is wrong (422)."""
    category = await _get_or_404(db, category_id)
    reader = _read_form(await request.form(), adding=False)
    data = reader.validate(CategoryUpdate)
    if data is not None:
        try:
            await category_service.update_category(db, category, data)
        except ConflictError as exc:
            reader.add_error(exc.field, exc.message)
        else:
            set_notice(request, f"The category “{category}” was changed.")
            return RedirectResponse(URL, status.HTTP_303_SEE_OTHER)
    return await _form_page(
        request, db, category, reader.values, reader.errors, status.HTTP_422_UNPROCESSABLE_CONTENT
    )


@router.get("/{category_id}/delete", response_class=HTMLResponse)
async def confirm_delete_category(
    request: Request, db: DbSession, category_id: int
) -> HTMLResponse:
    """Ask before deleting, listing what blocks it or goes with it: a GET changes nothing."""
    category = await _get_or_404(db, category_id)
    return await _confirm_delete_page(request, db, category)


@router.post("/{category_id}/delete", response_class=HTMLResponse)
async def delete_category(request: Request, db: DbSession, category_id: int) -> Response:
    """Delete and go back to the list; if other rows still need it, say so (409)."""
    category = await _get_or_404(db, category_id)
    label = str(category)
    try:
        await category_service.delete_category(db, category)
    except ConflictError as exc:
        # Read again: a refusal by the database rolled the session back.
        category = await _get_or_404(db, category_id)
        return await _confirm_delete_page(
            request, db, category, exc.message, status.HTTP_409_CONFLICT
        )
    set_notice(request, f"The category “{label}” was deleted.")
    return RedirectResponse(URL, status.HTTP_303_SEE_OTHER)


async def _confirm_delete_page(
    request: Request,
    db: AsyncSession,
    category: Category,
    error: str = "",
    status_code: int = status.HTTP_200_OK,
) -> HTMLResponse:
    """The confirmation page: the rows that forbid the deletion, or those it deletes or changes."""
    effects = await category_service.deletion_effects(db, [category.id])
    context = {"category": category, "error": error, "effects": effects}
    return render(request, "admin/category/confirm_delete.html", context, status_code)


@router.get("/choices/parent_id", response_class=HTMLResponse)
async def parent_id_choices(request: Request, db: DbSession, q: str = "") -> HTMLResponse:
    """Options of the `parent_id` select matching `q` (its search box asks as you type)."""
    chosen = request.query_params.getlist("parent_id")
    options = await with_chosen(
        await category_service.category_choices(db, q=q, limit=CHOICES_LIMIT),
        chosen,
        lambda row_id: _category_label(db, row_id),
    )
    context = {"options": options, "chosen": chosen, "blank": "—"}
    return render(request, "admin/category/_options.html", context)


async def _get_or_404(db: AsyncSession, category_id: int) -> Category:
    category = await _get_or_none(db, category_id)
    if category is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "No such category.")
    return category


async def _get_or_none(db: AsyncSession, category_id: int) -> Category | None:
    try:
        return await category_service.get_category(db, category_id)
    except NotFoundError:
        return None


async def _form_page(
    request: Request,
    db: AsyncSession,
    category: Category | None,
    values: dict[str, FormValue],
    errors: FormErrors,
    status_code: int = status.HTTP_200_OK,
) -> HTMLResponse:
    """The add form (category is None) or the change form, with values and error messages."""
    choices, more = await _choices(db, values)
    context = {
        "category": category,
        "values": values,
        "errors": errors,
        "choices": choices,
        "choices_more": more,
    }
    return render(request, "admin/category/form.html", context, status_code)


def _read_form(form: FormData, *, adding: bool) -> FormReader:
    """The submitted form, input by input (input names are the schemas' field names).

    Read-only fields of the admin (`admin.readonly`) are set when adding, never changed.
    """
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


async def _choices(
    db: AsyncSession, values: dict[str, FormValue]
) -> tuple[dict[str, list[SelectOption]], dict[str, bool]]:
    """The options of each select of related rows, and whether more exist than are listed."""
    choices: dict[str, list[SelectOption]] = {}
    more: dict[str, bool] = {}
    options = await category_service.category_choices(db, limit=CHOICES_LIMIT + 1)
    more["parent_id"] = len(options) > CHOICES_LIMIT
    choices["parent_id"] = await with_chosen(
        options[:CHOICES_LIMIT],
        values["parent_id"],
        lambda row_id: _category_label(db, row_id),
    )
    return choices, more


async def _filter_choices(db: AsyncSession, list_state: ListQuery) -> dict[str, list[SelectOption]]:
    """The rows listed in the filters sidebar for each filter on a related resource."""
    return {
        "parent_id": await with_chosen(
            await category_service.category_choices(db, limit=CHOICES_LIMIT),
            list_state.filter_value("parent_id"),
            lambda row_id: _category_label(db, row_id),
        ),
    }


async def _category_label(db: AsyncSession, category_id: int) -> str | None:
    """How a chosen category reads in a select (None if it no longer exists)."""
    try:
        return str(await category_service.get_category(db, category_id))
    except NotFoundError:
        return None
