"""Admin screens for orders: list, search, filters, add, change, delete.

Staff only: the router requires staff (anonymous visitors are sent to /login, other
users get 403). The project includes this router under /admin. Validation is the
schemas' job and storage the order service's, as for the site's pages.
"""

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query, Request, status
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import TypeAdapter
from sqlalchemy import select
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
from shop.models import User
from shop.models.order import Order
from shop.schemas.order import OrderCreate, OrderUpdate
from shop.services import order as order_service
from shop.templating import render

router = APIRouter(
    prefix="/orders",
    tags=["admin"],
    dependencies=[Depends(require_staff)],
    include_in_schema=False,
)

URL = "/admin/orders/"
#: Rows per list page.
PAGE_SIZE = 50
#: Options a select of related rows lists before it gets a search box.
CHOICES_LIMIT = 100
#: Query parameters of the filters sidebar (`admin.filters`).
FILTERS = ("customer_id", "status")
_filters_adapter = TypeAdapter(order_service.OrderFilters)


def _sort_key(sort: str) -> order_service.OrderSort | None:
    """The service's sort key named by the query string, None (default order) if unknown."""
    return next((key for key in order_service.SORT_KEYS if key == sort), None)


@router.get("/", response_class=HTMLResponse)
async def list_orders(
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
    results = await order_service.list_orders(
        db, page=page, page_size=PAGE_SIZE, sort=sort_key, q=q, filters=filters
    )
    if page > results.pages:
        page = results.pages
        results = await order_service.list_orders(
            db, page=page, page_size=PAGE_SIZE, sort=sort_key, q=q, filters=filters
        )
    list_state = ListQuery(path=URL, q=q, sort=sort_key or "", page=page, filters=applied)
    context: dict[str, object] = {"results": results, "list_state": list_state}
    # Caches must not answer a full-page request with a fragment, or the reverse.
    headers = {"Vary": "HX-Request"}
    if wants_fragment(request):
        return render(request, "admin/order/_results.html", context, headers=headers)
    context["notice"] = pop_notice(request)
    context["filter_choices"] = await _filter_choices(db, list_state)
    return render(request, "admin/order/list.html", context, headers=headers)


@router.get("/add", response_class=HTMLResponse)
async def add_order(request: Request, db: DbSession) -> HTMLResponse:
    """The empty add form."""
    return await _form_page(request, db, None, _new_values(), {})


@router.post("/add", response_class=HTMLResponse)
async def create_order(request: Request, db: DbSession) -> Response:
    """Create from the submitted form, or show it again with what is wrong (422)."""
    reader = _read_form(await request.form(), adding=True)
    data = reader.validate(OrderCreate)
    if data is not None:
        try:
            order = await order_service.create_order(db, data)
        except ConflictError as exc:
            reader.add_error(exc.field, exc.message)
        else:
            set_notice(request, f"The order “{order}” was added.")
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
        set_notice(request, "Select the orders to delete first.")
        return RedirectResponse(URL, status.HTTP_303_SEE_OTHER)
    if form.get("confirm") == "yes":
        try:
            deleted = await order_service.delete_orders(db, ids)
        except ConflictError as exc:
            set_notice(request, f"Nothing was deleted: {exc.message}")
        else:
            set_notice(request, f"Deleted {deleted} order(s).")
        return RedirectResponse(URL, status.HTTP_303_SEE_OTHER)
    selected: list[Order] = []
    for order_id in ids:
        order = await _get_or_none(db, order_id)
        if order is not None:
            selected.append(order)
    ids = [order.id for order in selected]
    effects = await order_service.deletion_effects(db, ids)
    context = {"selected": selected, "ids": ids, "effects": effects}
    return render(request, "admin/order/confirm_delete_selected.html", context)


@router.get("/{order_id}/", response_class=HTMLResponse)
async def change_order(request: Request, db: DbSession, order_id: int) -> HTMLResponse:
    """The change form, filled with the stored values."""
    order = await _get_or_404(db, order_id)
    return await _form_page(request, db, order, _values_of(order), {})


@router.post("/{order_id}/", response_class=HTMLResponse)
async def update_order(request: Request, db: DbSession, order_id: int) -> Response:
    """Save the submitted form, or show it again with what is wrong (422)."""
    order = await _get_or_404(db, order_id)
    reader = _read_form(await request.form(), adding=False)
    data = reader.validate(OrderUpdate)
    if data is not None:
        try:
            await order_service.update_order(db, order, data)
        except ConflictError as exc:
            reader.add_error(exc.field, exc.message)
        else:
            set_notice(request, f"The order “{order}” was changed.")
            return RedirectResponse(URL, status.HTTP_303_SEE_OTHER)
    return await _form_page(
        request, db, order, reader.values, reader.errors, status.HTTP_422_UNPROCESSABLE_CONTENT
    )


@router.get("/{order_id}/delete", response_class=HTMLResponse)
async def confirm_delete_order(request: Request, db: DbSession, order_id: int) -> HTMLResponse:
    """Ask before deleting, listing what blocks it or goes with it: a GET changes nothing."""
    order = await _get_or_404(db, order_id)
    return await _confirm_delete_page(request, db, order)


@router.post("/{order_id}/delete", response_class=HTMLResponse)
async def delete_order(request: Request, db: DbSession, order_id: int) -> Response:
    """Delete and go back to the list; if other rows still need it, say so (409)."""
    order = await _get_or_404(db, order_id)
    label = str(order)
    try:
        await order_service.delete_order(db, order)
    except ConflictError as exc:
        # Read again: a refusal by the database rolled the session back.
        order = await _get_or_404(db, order_id)
        return await _confirm_delete_page(request, db, order, exc.message, status.HTTP_409_CONFLICT)
    set_notice(request, f"The order “{label}” was deleted.")
    return RedirectResponse(URL, status.HTTP_303_SEE_OTHER)


async def _confirm_delete_page(
    request: Request,
    db: AsyncSession,
    order: Order,
    error: str = "",
    status_code: int = status.HTTP_200_OK,
) -> HTMLResponse:
    """The confirmation page: the rows that forbid the deletion, or those it deletes or changes."""
    effects = await order_service.deletion_effects(db, [order.id])
    context = {"order": order, "error": error, "effects": effects}
    return render(request, "admin/order/confirm_delete.html", context, status_code)


@router.get("/choices/customer_id", response_class=HTMLResponse)
async def customer_id_choices(request: Request, db: DbSession, q: str = "") -> HTMLResponse:
    """Options of the `customer_id` select matching `q` (its search box asks as you type)."""
    chosen = request.query_params.getlist("customer_id")
    options = await with_chosen(
        await _user_choices(db, CHOICES_LIMIT, q),
        chosen,
        lambda row_id: _user_label(db, row_id),
    )
    context = {"options": options, "chosen": chosen, "blank": "Choose…"}
    return render(request, "admin/order/_options.html", context)


async def _get_or_404(db: AsyncSession, order_id: int) -> Order:
    order = await _get_or_none(db, order_id)
    if order is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "No such order.")
    return order


async def _get_or_none(db: AsyncSession, order_id: int) -> Order | None:
    try:
        return await order_service.get_order(db, order_id)
    except NotFoundError:
        return None


async def _form_page(
    request: Request,
    db: AsyncSession,
    order: Order | None,
    values: dict[str, FormValue],
    errors: FormErrors,
    status_code: int = status.HTTP_200_OK,
) -> HTMLResponse:
    """The add form (order is None) or the change form, with values and error messages."""
    choices, more = await _choices(db, values)
    context = {
        "order": order,
        "values": values,
        "errors": errors,
        "choices": choices,
        "choices_more": more,
    }
    return render(request, "admin/order/form.html", context, status_code)


def _read_form(form: FormData, *, adding: bool) -> FormReader:
    """The submitted form, input by input (input names are the schemas' field names).

    Read-only fields of the admin (`admin.readonly`) are set when adding, never changed.
    """
    reader = FormReader(form)
    reader.text("number", required=True)
    reader.text("customer_id", required=True)
    reader.text("status", required=True)
    reader.datetime("placed_at", required=True)
    reader.text("note", required=False)
    return reader


def _new_values() -> dict[str, FormValue]:
    """What the create form starts with: the spec's defaults, else blank."""
    return {
        "number": "",
        "customer_id": "",
        "status": "new",
        "placed_at": "",
        "note": "",
    }


def _values_of(order: Order) -> dict[str, FormValue]:
    """What the edit form starts with: the stored values, written as inputs show them."""
    return {
        "number": input_value(order.number),
        "customer_id": input_value(order.customer_id),
        "status": input_value(order.status),
        "placed_at": input_value(order.placed_at),
        "note": input_value(order.note),
    }


async def _choices(
    db: AsyncSession, values: dict[str, FormValue]
) -> tuple[dict[str, list[SelectOption]], dict[str, bool]]:
    """The options of each select of related rows, and whether more exist than are listed."""
    choices: dict[str, list[SelectOption]] = {}
    more: dict[str, bool] = {}
    options = await _user_choices(db, CHOICES_LIMIT + 1)
    more["customer_id"] = len(options) > CHOICES_LIMIT
    choices["customer_id"] = await with_chosen(
        options[:CHOICES_LIMIT],
        values["customer_id"],
        lambda row_id: _user_label(db, row_id),
    )
    return choices, more


async def _filter_choices(db: AsyncSession, list_state: ListQuery) -> dict[str, list[SelectOption]]:
    """The rows listed in the filters sidebar for each filter on a related resource."""
    return {
        "customer_id": await with_chosen(
            await _user_choices(db, CHOICES_LIMIT),
            list_state.filter_value("customer_id"),
            lambda row_id: _user_label(db, row_id),
        ),
    }


async def _user_choices(db: AsyncSession, limit: int, q: str = "") -> list[SelectOption]:
    """Users for selects, by email (User is built in: it has no generated service)."""
    query = select(User).order_by(User.email).limit(limit)
    if q.strip():
        query = query.where(User.email.icontains(q.strip(), autoescape=True))
    return [(user.id, str(user)) for user in await db.scalars(query)]


async def _user_label(db: AsyncSession, user_id: int) -> str | None:
    """How a chosen user reads in a select (None if they no longer exist)."""
    user = await db.get(User, user_id)
    return None if user is None else str(user)
