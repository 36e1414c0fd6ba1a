"""Admin screens for order lines: list, search, filters, add, change, delete.

Staff only: the router requires staff (anonymous visitors are sent to /login, other
users get 403). The project includes this router under /admin. Validation is the
schemas' job and storage the order line service's, as for the site's pages.
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
from shop.models.order_line import OrderLine
from shop.schemas.order_line import OrderLineCreate, OrderLineUpdate
from shop.services import order as order_service
from shop.services import order_line as order_line_service
from shop.services import product as product_service
from shop.templating import render

router = APIRouter(
    prefix="/order-lines",
    tags=["admin"],
    dependencies=[Depends(require_staff)],
    include_in_schema=False,
)

URL = "/admin/order-lines/"
#: Rows per list page.
PAGE_SIZE = 50
#: Options a select of related rows lists before it gets a search box.
CHOICES_LIMIT = 100
#: Query parameters of the filters sidebar (`admin.filters`).
FILTERS = ("order_id", "product_id")
_filters_adapter = TypeAdapter(order_line_service.OrderLineFilters)


def _sort_key(sort: str) -> order_line_service.OrderLineSort | None:
    """The service's sort key named by the query string, None (default order) if unknown."""
    return next((key for key in order_line_service.SORT_KEYS if key == sort), None)


@router.get("/", response_class=HTMLResponse)
async def list_order_lines(
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
    results = await order_line_service.list_order_lines(
        db, page=page, page_size=PAGE_SIZE, sort=sort_key, q=q, filters=filters
    )
    if page > results.pages:
        page = results.pages
        results = await order_line_service.list_order_lines(
            db, page=page, page_size=PAGE_SIZE, sort=sort_key, q=q, filters=filters
        )
    list_state = ListQuery(path=URL, q=q, sort=sort_key or "", page=page, filters=applied)
    context: dict[str, object] = {"results": results, "list_state": list_state}
    # Caches must not answer a full-page request with a fragment, or the reverse.
    headers = {"Vary": "HX-Request"}
    if wants_fragment(request):
        return render(request, "admin/order_line/_results.html", context, headers=headers)
    context["notice"] = pop_notice(request)
    context["filter_choices"] = await _filter_choices(db, list_state)
    return render(request, "admin/order_line/list.html", context, headers=headers)


@router.get("/add", response_class=HTMLResponse)
async def add_order_line(request: Request, db: DbSession) -> HTMLResponse:
    """The empty add form."""
    return await _form_page(request, db, None, _new_values(), {})


@router.post("/add", response_class=HTMLResponse)
async def create_order_line(request: Request, db: DbSession) -> Response:
    """Create from the submitted form, or show it again with what is wrong (422)."""
    reader = _read_form(await request.form(), adding=True)
    data = reader.validate(OrderLineCreate)
    if data is not None:
        try:
            order_line = await order_line_service.create_order_line(db, data)
        except ConflictError as exc:
            reader.add_error(exc.field, exc.message)
        else:
            set_notice(request, f"The order line “{order_line}” was added.")
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
        set_notice(request, "Select the order lines to delete first.")
        return RedirectResponse(URL, status.HTTP_303_SEE_OTHER)
    if form.get("confirm") == "yes":
        try:
            deleted = await order_line_service.delete_order_lines(db, ids)
        except ConflictError as exc:
            set_notice(request, f"Nothing was deleted: {exc.message}")
        else:
            set_notice(request, f"Deleted {deleted} order line(s).")
        return RedirectResponse(URL, status.HTTP_303_SEE_OTHER)
    selected: list[OrderLine] = []
    for order_line_id in ids:
        order_line = await _get_or_none(db, order_line_id)
        if order_line is not None:
            selected.append(order_line)
    ids = [order_line.id for order_line in selected]
    effects = await order_line_service.deletion_effects(db, ids)
    context = {"selected": selected, "ids": ids, "effects": effects}
    return render(request, "admin/order_line/confirm_delete_selected.html", context)


@router.get("/{order_line_id}/", response_class=HTMLResponse)
async def change_order_line(request: Request, db: DbSession, order_line_id: int) -> HTMLResponse:
    """The change form, filled with the stored values."""
    order_line = await _get_or_404(db, order_line_id)
    return await _form_page(request, db, order_line, _values_of(order_line), {})


@router.post("/{order_line_id}/", response_class=HTMLResponse)
async def update_order_line(request: Request, db: DbSession, order_line_id: int) -> Response:
    """Save the submitted form, or show it again with what is wrong (422)."""
    order_line = await _get_or_404(db, order_line_id)
    reader = _read_form(await request.form(), adding=False)
    data = reader.validate(OrderLineUpdate)
    if data is not None:
        try:
            await order_line_service.update_order_line(db, order_line, data)
        except ConflictError as exc:
            reader.add_error(exc.field, exc.message)
        else:
            set_notice(request, f"The order line “{order_line}” was changed.")
            return RedirectResponse(URL, status.HTTP_303_SEE_OTHER)
    return await _form_page(
        request, db, order_line, reader.values, reader.errors, status.HTTP_422_UNPROCESSABLE_CONTENT
    )


@router.get("/{order_line_id}/delete", response_class=HTMLResponse)
async def confirm_delete_order_line(
    request: Request, db: DbSession, order_line_id: int
) -> HTMLResponse:
    """Ask before deleting, listing what blocks it or goes with it: a GET changes nothing."""
    order_line = await _get_or_404(db, order_line_id)
    return await _confirm_delete_page(request, db, order_line)


@router.post("/{order_line_id}/delete", response_class=HTMLResponse)
async def delete_order_line(request: Request, db: DbSession, order_line_id: int) -> Response:
    """Delete and go back to the list; if other rows still need it, say so (409)."""
    order_line = await _get_or_404(db, order_line_id)
    label = str(order_line)
    try:
        await order_line_service.delete_order_line(db, order_line)
    except ConflictError as exc:
        # Read again: a refusal by the database rolled the session back.
        order_line = await _get_or_404(db, order_line_id)
        return await _confirm_delete_page(
            request, db, order_line, exc.message, status.HTTP_409_CONFLICT
        )
    set_notice(request, f"The order line “{label}” was deleted.")
    return RedirectResponse(URL, status.HTTP_303_SEE_OTHER)


async def _confirm_delete_page(
    request: Request,
    db: AsyncSession,
    order_line: OrderLine,
    error: str = "",
    status_code: int = status.HTTP_200_OK,
) -> HTMLResponse:
    """The confirmation page: the rows that forbid the deletion, or those it deletes or changes."""
    effects = await order_line_service.deletion_effects(db, [order_line.id])
    context = {"order_line": order_line, "error": error, "effects": effects}
    return render(request, "admin/order_line/confirm_delete.html", context, status_code)


@router.get("/choices/order_id", response_class=HTMLResponse)
async def order_id_choices(request: Request, db: DbSession, q: str = "") -> HTMLResponse:
    """Options of the `order_id` select matching `q` (its search box asks as you type)."""
    chosen = request.query_params.getlist("order_id")
    options = await with_chosen(
        await order_service.order_choices(db, q=q, limit=CHOICES_LIMIT),
        chosen,
        lambda row_id: _order_label(db, row_id),
    )
    context = {"options": options, "chosen": chosen, "blank": "Choose…"}
    return render(request, "admin/order_line/_options.html", context)


@router.get("/choices/product_id", response_class=HTMLResponse)
async def product_id_choices(request: Request, db: DbSession, q: str = "") -> HTMLResponse:
    """Options of the `product_id` select matching `q` (its search box asks as you type)."""
    chosen = request.query_params.getlist("product_id")
    options = await with_chosen(
        await product_service.product_choices(db, q=q, limit=CHOICES_LIMIT),
        chosen,
        lambda row_id: _product_label(db, row_id),
    )
    context = {"options": options, "chosen": chosen, "blank": "Choose…"}
    return render(request, "admin/order_line/_options.html", context)


async def _get_or_404(db: AsyncSession, order_line_id: int) -> OrderLine:
    order_line = await _get_or_none(db, order_line_id)
    if order_line is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "No such order line.")
    return order_line


async def _get_or_none(db: AsyncSession, order_line_id: int) -> OrderLine | None:
    try:
        return await order_line_service.get_order_line(db, order_line_id)
    except NotFoundError:
        return None


async def _form_page(
    request: Request,
    db: AsyncSession,
    order_line: OrderLine | None,
    values: dict[str, FormValue],
    errors: FormErrors,
    status_code: int = status.HTTP_200_OK,
) -> HTMLResponse:
    """The add form (order_line is None) or the change form, with values and error messages."""
    choices, more = await _choices(db, values)
    context = {
        "order_line": order_line,
        "values": values,
        "errors": errors,
        "choices": choices,
        "choices_more": more,
    }
    return render(request, "admin/order_line/form.html", context, status_code)


def _read_form(form: FormData, *, adding: bool) -> FormReader:
    """The submitted form, input by input (input names are the schemas' field names).

    Read-only fields of the admin (`admin.readonly`) are set when adding, never changed.
    """
    reader = FormReader(form)
    reader.text("order_id", required=True)
    reader.text("product_id", required=True)
    reader.text("quantity", required=True)
    reader.text("unit_price", required=True)
    return reader


def _new_values() -> dict[str, FormValue]:
    """What the create form starts with: the spec's defaults, else blank."""
    return {
        "order_id": "",
        "product_id": "",
        "quantity": "",
        "unit_price": "",
    }


def _values_of(order_line: OrderLine) -> dict[str, FormValue]:
    """What the edit form starts with: the stored values, written as inputs show them."""
    return {
        "order_id": input_value(order_line.order_id),
        "product_id": input_value(order_line.product_id),
        "quantity": input_value(order_line.quantity),
        "unit_price": input_value(order_line.unit_price),
    }


async def _choices(
    db: AsyncSession, values: dict[str, FormValue]
) -> tuple[dict[str, list[SelectOption]], dict[str, bool]]:
    """The options of each select of related rows, and whether more exist than are listed."""
    choices: dict[str, list[SelectOption]] = {}
    more: dict[str, bool] = {}
    options = await order_service.order_choices(db, limit=CHOICES_LIMIT + 1)
    more["order_id"] = len(options) > CHOICES_LIMIT
    choices["order_id"] = await with_chosen(
        options[:CHOICES_LIMIT],
        values["order_id"],
        lambda row_id: _order_label(db, row_id),
    )
    options = await product_service.product_choices(db, limit=CHOICES_LIMIT + 1)
    more["product_id"] = len(options) > CHOICES_LIMIT
    choices["product_id"] = await with_chosen(
        options[:CHOICES_LIMIT],
        values["product_id"],
        lambda row_id: _product_label(db, row_id),
    )
    return choices, more


async def _filter_choices(db: AsyncSession, list_state: ListQuery) -> dict[str, list[SelectOption]]:
    """The rows listed in the filters sidebar for each filter on a related resource."""
    return {
        "order_id": await with_chosen(
            await order_service.order_choices(db, limit=CHOICES_LIMIT),
            list_state.filter_value("order_id"),
            lambda row_id: _order_label(db, row_id),
        ),
        "product_id": await with_chosen(
            await product_service.product_choices(db, limit=CHOICES_LIMIT),
            list_state.filter_value("product_id"),
            lambda row_id: _product_label(db, row_id),
        ),
    }


async def _order_label(db: AsyncSession, order_id: int) -> str | None:
    """How a chosen order reads in a select (None if it no longer exists)."""
    try:
        return str(await order_service.get_order(db, order_id))
    except NotFoundError:
        return None


async def _product_label(db: AsyncSession, product_id: int) -> str | None:
    """How a chosen product reads in a select (None if it no longer exists)."""
    try:
        return str(await product_service.get_product(db, product_id))
    except NotFoundError:
        return None
