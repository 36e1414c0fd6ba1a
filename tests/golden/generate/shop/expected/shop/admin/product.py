"""Admin screens for products: list, search, filters, add, change, delete.

Staff only: the router requires staff (anonymous visitors are sent to /login, other
users get 403). The project includes this router under /admin. Validation is the
schemas' job and storage the product service's, as for the site's pages.
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
    checkbox_value,
    input_value,
    json_text,
    with_chosen,
)
from shop.kit.ids import MAX_ID, parse_id
from shop.kit.listing import ListQuery, pop_notice, read_filters, set_notice, wants_fragment
from shop.models.product import Product
from shop.schemas.product import ProductCreate, ProductUpdate
from shop.services import category as category_service
from shop.services import product as product_service
from shop.templating import render

router = APIRouter(
    prefix="/products",
    tags=["admin"],
    dependencies=[Depends(require_staff)],
    include_in_schema=False,
)

URL = "/admin/products/"
#: Rows per list page.
PAGE_SIZE = 50
#: Options a select of related rows lists before it gets a search box.
CHOICES_LIMIT = 100
#: Query parameters of the filters sidebar (`admin.filters`).
FILTERS = ("active", "category_id")
_filters_adapter = TypeAdapter(product_service.ProductFilters)


def _sort_key(sort: str) -> product_service.ProductSort | None:
    """The service's sort key named by the query string, None (default order) if unknown."""
    return next((key for key in product_service.SORT_KEYS if key == sort), None)


@router.get("/", response_class=HTMLResponse)
async def list_products(
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
    results = await product_service.list_products(
        db, page=page, page_size=PAGE_SIZE, sort=sort_key, q=q, filters=filters
    )
    if page > results.pages:
        page = results.pages
        results = await product_service.list_products(
            db, page=page, page_size=PAGE_SIZE, sort=sort_key, q=q, filters=filters
        )
    list_state = ListQuery(path=URL, q=q, sort=sort_key or "", page=page, filters=applied)
    context: dict[str, object] = {"results": results, "list_state": list_state}
    # Caches must not answer a full-page request with a fragment, or the reverse.
    headers = {"Vary": "HX-Request"}
    if wants_fragment(request):
        return render(request, "admin/product/_results.html", context, headers=headers)
    context["notice"] = pop_notice(request)
    context["filter_choices"] = await _filter_choices(db, list_state)
    return render(request, "admin/product/list.html", context, headers=headers)


@router.get("/add", response_class=HTMLResponse)
async def add_product(request: Request, db: DbSession) -> HTMLResponse:
    """The empty add form."""
    return await _form_page(request, db, None, _new_values(), {})


@router.post("/add", response_class=HTMLResponse)
async def create_product(request: Request, db: DbSession) -> Response:
    """Create from the submitted form, or show it again with what is wrong (422)."""
    reader = _read_form(await request.form(), adding=True)
    data = reader.validate(ProductCreate)
    if data is not None:
        try:
            product = await product_service.create_product(db, data)
        except ConflictError as exc:
            reader.add_error(exc.field, exc.message)
        else:
            set_notice(request, f"The product “{product}” was added.")
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
        set_notice(request, "Select the products to delete first.")
        return RedirectResponse(URL, status.HTTP_303_SEE_OTHER)
    if form.get("confirm") == "yes":
        try:
            deleted = await product_service.delete_products(db, ids)
        except ConflictError as exc:
            set_notice(request, f"Nothing was deleted: {exc.message}")
        else:
            set_notice(request, f"Deleted {deleted} product(s).")
        return RedirectResponse(URL, status.HTTP_303_SEE_OTHER)
    selected: list[Product] = []
    for product_id in ids:
        product = await _get_or_none(db, product_id)
        if product is not None:
            selected.append(product)
    ids = [product.id for product in selected]
    effects = await product_service.deletion_effects(db, ids)
    context = {"selected": selected, "ids": ids, "effects": effects}
    return render(request, "admin/product/confirm_delete_selected.html", context)


@router.get("/{product_id}/", response_class=HTMLResponse)
async def change_product(request: Request, db: DbSession, product_id: int) -> HTMLResponse:
    """The change form, filled with the stored values."""
    product = await _get_or_404(db, product_id)
    return await _form_page(request, db, product, _values_of(product), {})


@router.post("/{product_id}/", response_class=HTMLResponse)
async def update_product(request: Request, db: DbSession, product_id: int) -> Response:
    """Save the submitted form, or show it again with what is wrong (422)."""
    product = await _get_or_404(db, product_id)
    reader = _read_form(await request.form(), adding=False)
    data = reader.validate(ProductUpdate)
    if data is not None:
        try:
            await product_service.update_product(db, product, data)
        except ConflictError as exc:
            reader.add_error(exc.field, exc.message)
        else:
            set_notice(request, f"The product “{product}” was changed.")
            return RedirectResponse(URL, status.HTTP_303_SEE_OTHER)
    return await _form_page(
        request, db, product, reader.values, reader.errors, status.HTTP_422_UNPROCESSABLE_CONTENT
    )


@router.get("/{product_id}/delete", response_class=HTMLResponse)
async def confirm_delete_product(request: Request, db: DbSession, product_id: int) -> HTMLResponse:
    """Ask before deleting, listing what blocks it or goes with it: a GET changes nothing."""
    product = await _get_or_404(db, product_id)
    return await _confirm_delete_page(request, db, product)


@router.post("/{product_id}/delete", response_class=HTMLResponse)
async def delete_product(request: Request, db: DbSession, product_id: int) -> Response:
    """Delete and go back to the list; if other rows still need it, say so (409)."""
    product = await _get_or_404(db, product_id)
    label = str(product)
    try:
        await product_service.delete_product(db, product)
    except ConflictError as exc:
        # Read again: a refusal by the database rolled the session back.
        product = await _get_or_404(db, product_id)
        return await _confirm_delete_page(
            request, db, product, exc.message, status.HTTP_409_CONFLICT
        )
    set_notice(request, f"The product “{label}” was deleted.")
    return RedirectResponse(URL, status.HTTP_303_SEE_OTHER)


async def _confirm_delete_page(
    request: Request,
    db: AsyncSession,
    product: Product,
    error: str = "",
    status_code: int = status.HTTP_200_OK,
) -> HTMLResponse:
    """The confirmation page: the rows that forbid the deletion, or those it deletes or changes."""
    effects = await product_service.deletion_effects(db, [product.id])
    context = {"product": product, "error": error, "effects": effects}
    return render(request, "admin/product/confirm_delete.html", context, status_code)


@router.get("/choices/category_id", response_class=HTMLResponse)
async def category_id_choices(request: Request, db: DbSession, q: str = "") -> HTMLResponse:
    """Options of the `category_id` select matching `q` (its search box asks as you type)."""
    chosen = request.query_params.getlist("category_id")
    options = await with_chosen(
        await category_service.category_choices(db, q=q, limit=CHOICES_LIMIT),
        chosen,
        lambda row_id: _category_label(db, row_id),
    )
    context = {"options": options, "chosen": chosen, "blank": "Choose…"}
    return render(request, "admin/product/_options.html", context)


async def _get_or_404(db: AsyncSession, product_id: int) -> Product:
    product = await _get_or_none(db, product_id)
    if product is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "No such product.")
    return product


async def _get_or_none(db: AsyncSession, product_id: int) -> Product | None:
    try:
        return await product_service.get_product(db, product_id)
    except NotFoundError:
        return None


async def _form_page(
    request: Request,
    db: AsyncSession,
    product: Product | None,
    values: dict[str, FormValue],
    errors: FormErrors,
    status_code: int = status.HTTP_200_OK,
) -> HTMLResponse:
    """The add form (product is None) or the change form, with values and error messages."""
    choices, more = await _choices(db, values)
    context = {
        "product": product,
        "values": values,
        "errors": errors,
        "choices": choices,
        "choices_more": more,
    }
    return render(request, "admin/product/form.html", context, status_code)


def _read_form(form: FormData, *, adding: bool) -> FormReader:
    """The submitted form, input by input (input names are the schemas' field names).

    Read-only fields of the admin (`admin.readonly`) are set when adding, never changed.
    """
    reader = FormReader(form)
    reader.text("sku", required=True)
    reader.text("name", required=True)
    reader.text("description", required=False)
    reader.text("price", required=True)
    reader.text("stock", required=True)
    reader.checkbox("active")
    reader.text("category_id", required=True)
    reader.json("attributes", required=False)
    reader.text("launched_on", required=False)
    return reader


def _new_values() -> dict[str, FormValue]:
    """What the create form starts with: the spec's defaults, else blank."""
    return {
        "sku": "",
        "name": "",
        "description": "",
        "price": "",
        "stock": "0",
        "active": "on",
        "category_id": "",
        "attributes": "",
        "launched_on": "",
    }


def _values_of(product: Product) -> dict[str, FormValue]:
    """What the edit form starts with: the stored values, written as inputs show them."""
    return {
        "sku": input_value(product.sku),
        "name": input_value(product.name),
        "description": input_value(product.description),
        "price": input_value(product.price),
        "stock": input_value(product.stock),
        "active": checkbox_value(product.active),
        "category_id": input_value(product.category_id),
        "attributes": json_text(product.attributes),
        "launched_on": input_value(product.launched_on),
    }


async def _choices(
    db: AsyncSession, values: dict[str, FormValue]
) -> tuple[dict[str, list[SelectOption]], dict[str, bool]]:
    """The options of each select of related rows, and whether more exist than are listed."""
    choices: dict[str, list[SelectOption]] = {}
    more: dict[str, bool] = {}
    options = await category_service.category_choices(db, limit=CHOICES_LIMIT + 1)
    more["category_id"] = len(options) > CHOICES_LIMIT
    choices["category_id"] = await with_chosen(
        options[:CHOICES_LIMIT],
        values["category_id"],
        lambda row_id: _category_label(db, row_id),
    )
    return choices, more


async def _filter_choices(db: AsyncSession, list_state: ListQuery) -> dict[str, list[SelectOption]]:
    """The rows listed in the filters sidebar for each filter on a related resource."""
    return {
        "category_id": await with_chosen(
            await category_service.category_choices(db, limit=CHOICES_LIMIT),
            list_state.filter_value("category_id"),
            lambda row_id: _category_label(db, row_id),
        ),
    }


async def _category_label(db: AsyncSession, category_id: int) -> str | None:
    """How a chosen category reads in a select (None if it no longer exists)."""
    try:
        return str(await category_service.get_category(db, category_id))
    except NotFoundError:
        return None
