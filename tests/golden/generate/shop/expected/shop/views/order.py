"""Web pages for orders: list, detail, create, edit and delete.

Anyone may read; creating, editing and deleting need a logged-in user (anonymous
visitors are sent to /login). Every form carries the session's CSRF token, which
`CSRFMiddleware` checks before these functions run. What is valid is decided by
`OrderCreate` / `OrderUpdate` and storage by the order service: these views
only translate between HTML forms and those two.
"""

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query, Request, status
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy import select
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
from shop.models import User
from shop.models.order import Order
from shop.schemas.order import OrderCreate, OrderUpdate
from shop.services import order as order_service
from shop.templating import render

# The session user is loaded for every page, so templates know who is logged in.
router = APIRouter(
    prefix="/orders",
    tags=["orders"],
    dependencies=[Depends(get_session_user)],
    include_in_schema=False,
)

#: How many options a select of related rows lists at most (the chosen ones are always there).
CHOICES_LIMIT = 1000


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
    """The list, searchable and sortable; htmx gets only the results when it asks.

    A page past the last shows the last one.
    """
    sort_key = _sort_key(sort)
    results = await order_service.list_orders(db, page=page, sort=sort_key, q=q)
    if page > results.pages:
        page = results.pages
        results = await order_service.list_orders(db, page=page, sort=sort_key, q=q)
    context = {
        "results": results,
        "list_state": ListQuery(path=request.url.path, q=q, sort=sort_key or "", page=page),
    }
    template = "order/_results.html" if wants_fragment(request) else "order/list.html"
    # Caches must not answer a full-page request with a fragment, or the reverse.
    return render(request, template, context, headers={"Vary": "HX-Request"})


@router.get("/new", response_class=HTMLResponse)
async def new_order(request: Request, db: DbSession, user: LoggedInUser) -> HTMLResponse:
    """The empty create form."""
    return await _form_page(request, db, None, _new_values(), {})


@router.post("/new", response_class=HTMLResponse)
async def create_order(request: Request, db: DbSession, user: LoggedInUser) -> Response:
    """Create from the submitted form, or show it again with what is wrong (422)."""
    reader = _read_form(await request.form())
    data = reader.validate(OrderCreate)
    if data is not None:
        try:
            order = await order_service.create_order(db, data)
        except ConflictError as exc:
            reader.add_error(exc.field, exc.message)
        else:
            return RedirectResponse(f"/orders/{order.id}", status.HTTP_303_SEE_OTHER)
    return await _form_page(
        request, db, None, reader.values, reader.errors, status.HTTP_422_UNPROCESSABLE_CONTENT
    )


@router.get("/{order_id}", response_class=HTMLResponse)
async def show_order(request: Request, db: DbSession, order_id: int) -> HTMLResponse:
    """One order, every field."""
    order = await _get_or_404(db, order_id)
    return render(request, "order/detail.html", {"order": order})


@router.get("/{order_id}/edit", response_class=HTMLResponse)
async def edit_order(
    request: Request, db: DbSession, user: LoggedInUser, order_id: int
) -> HTMLResponse:
    """The edit form, filled with the stored values."""
    order = await _get_or_404(db, order_id)
    return await _form_page(request, db, order, _values_of(order), {})


@router.post("/{order_id}/edit", response_class=HTMLResponse)
async def update_order(
    request: Request, db: DbSession, user: LoggedInUser, order_id: int
) -> Response:
    """Save the submitted form, or show it again with what is wrong (422)."""
    order = await _get_or_404(db, order_id)
    reader = _read_form(await request.form())
    data = reader.validate(OrderUpdate)
    if data is not None:
        try:
            await order_service.update_order(db, order, data)
        except ConflictError as exc:
            reader.add_error(exc.field, exc.message)
        else:
            return RedirectResponse(f"/orders/{order.id}", status.HTTP_303_SEE_OTHER)
    return await _form_page(
        request, db, order, reader.values, reader.errors, status.HTTP_422_UNPROCESSABLE_CONTENT
    )


@router.get("/{order_id}/delete", response_class=HTMLResponse)
async def confirm_delete_order(
    request: Request, db: DbSession, user: LoggedInUser, order_id: int
) -> HTMLResponse:
    """Ask before deleting (or say what forbids it): a GET never changes anything."""
    order = await _get_or_404(db, order_id)
    return await _confirm_delete_page(request, db, order)


@router.post("/{order_id}/delete", response_class=HTMLResponse)
async def delete_order(
    request: Request, db: DbSession, user: LoggedInUser, order_id: int
) -> Response:
    """Delete, then go back to the list; if other rows still need it, say so (409)."""
    order = await _get_or_404(db, order_id)
    try:
        await order_service.delete_order(db, order)
    except ConflictError as exc:
        # Read again: a refusal by the database rolled the session back.
        order = await _get_or_404(db, order_id)
        return await _confirm_delete_page(request, db, order, exc.message, status.HTTP_409_CONFLICT)
    return RedirectResponse("/orders/", status.HTTP_303_SEE_OTHER)


async def _confirm_delete_page(
    request: Request,
    db: AsyncSession,
    order: Order,
    error: str = "",
    status_code: int = status.HTTP_200_OK,
) -> HTMLResponse:
    """The confirmation page; while other rows forbid the deletion, it says which instead."""
    effects = await order_service.deletion_effects(db, [order.id])
    if effects.protected and not error:
        error = effects.refusal("the order \u201c" + str(order) + "”")
    context = {"order": order, "error": error, "effects": effects}
    return render(request, "order/confirm_delete.html", context, status_code)


async def _get_or_404(db: AsyncSession, order_id: int) -> Order:
    try:
        return await order_service.get_order(db, order_id)
    except NotFoundError as exc:
        raise HTTPException(status.HTTP_404_NOT_FOUND, exc.message) from exc


async def _form_page(
    request: Request,
    db: AsyncSession,
    order: Order | None,
    values: dict[str, FormValue],
    errors: FormErrors,
    status_code: int = status.HTTP_200_OK,
) -> HTMLResponse:
    """The create form (order is None) or the edit form, with values and error messages."""
    context = {
        "order": order,
        "values": values,
        "errors": errors,
        "choices": await _choices(db, values),
    }
    return render(request, "order/form.html", context, status_code)


def _read_form(form: FormData) -> FormReader:
    """The submitted form, input by input (input names are the schemas' field names)."""
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


async def _choices(db: AsyncSession, values: dict[str, FormValue]) -> dict[str, list[SelectOption]]:
    """The options of each select of related rows."""
    return {
        "customer_id": await with_chosen(
            await _user_choices(db, CHOICES_LIMIT),
            values["customer_id"],
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
