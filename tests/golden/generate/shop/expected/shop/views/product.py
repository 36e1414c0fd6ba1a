"""Web pages for products: list, detail, create, edit and delete.

Anyone may read; creating, editing and deleting need a logged-in user (anonymous
visitors are sent to /login). Every form carries the session's CSRF token, which
`CSRFMiddleware` checks before these functions run. What is valid is decided by
`ProductCreate` / `ProductUpdate` and storage by the product service: these views
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
    checkbox_value,
    input_value,
    json_text,
    with_chosen,
)
from shop.kit.ids import MAX_ID
from shop.kit.listing import ListQuery, wants_fragment
from shop.models.product import Product
from shop.schemas.product import ProductCreate, ProductUpdate
from shop.services import category as category_service
from shop.services import product as product_service
from shop.templating import render

# The session user is loaded for every page, so templates know who is logged in.
router = APIRouter(
    prefix="/products",
    tags=["products"],
    dependencies=[Depends(get_session_user)],
    include_in_schema=False,
)

#: How many options a select of related rows lists at most (the chosen ones are always there).
CHOICES_LIMIT = 1000


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
    """The list, searchable and sortable; htmx gets only the results when it asks.

    A page past the last shows the last one.
    """
    sort_key = _sort_key(sort)
    results = await product_service.list_products(db, page=page, sort=sort_key, q=q)
    if page > results.pages:
        page = results.pages
        results = await product_service.list_products(db, page=page, sort=sort_key, q=q)
    context = {
        "results": results,
        "list_state": ListQuery(path=request.url.path, q=q, sort=sort_key or "", page=page),
    }
    template = "product/_results.html" if wants_fragment(request) else "product/list.html"
    # Caches must not answer a full-page request with a fragment, or the reverse.
    return render(request, template, context, headers={"Vary": "HX-Request"})


@router.get("/new", response_class=HTMLResponse)
async def new_product(request: Request, db: DbSession, user: LoggedInUser) -> HTMLResponse:
    """The empty create form."""
    return await _form_page(request, db, None, _new_values(), {})


@router.post("/new", response_class=HTMLResponse)
async def create_product(request: Request, db: DbSession, user: LoggedInUser) -> Response:
    """Create from the submitted form, or show it again with what is wrong (422)."""
    reader = _read_form(await request.form())
    data = reader.validate(ProductCreate)
    if data is not None:
        try:
            product = await product_service.create_product(db, data)
        except ConflictError as exc:
            reader.add_error(exc.field, exc.message)
        else:
            return RedirectResponse(f"/products/{product.id}", status.HTTP_303_SEE_OTHER)
    return await _form_page(
        request, db, None, reader.values, reader.errors, status.HTTP_422_UNPROCESSABLE_CONTENT
    )


@router.get("/{product_id}", response_class=HTMLResponse)
async def show_product(request: Request, db: DbSession, product_id: int) -> HTMLResponse:
    """One product, every field."""
    product = await _get_or_404(db, product_id)
    return render(request, "product/detail.html", {"product": product})


@router.get("/{product_id}/edit", response_class=HTMLResponse)
async def edit_product(
    request: Request, db: DbSession, user: LoggedInUser, product_id: int
) -> HTMLResponse:
    """The edit form, filled with the stored values."""
    product = await _get_or_404(db, product_id)
    return await _form_page(request, db, product, _values_of(product), {})


@router.post("/{product_id}/edit", response_class=HTMLResponse)
async def update_product(
    request: Request, db: DbSession, user: LoggedInUser, product_id: int
) -> Response:
    """Save the submitted form, or show it again with what is wrong (422)."""
    product = await _get_or_404(db, product_id)
    reader = _read_form(await request.form())
    data = reader.validate(ProductUpdate)
    if data is not None:
        try:
            await product_service.update_product(db, product, data)
        except ConflictError as exc:
            reader.add_error(exc.field, exc.message)
        else:
            return RedirectResponse(f"/products/{product.id}", status.HTTP_303_SEE_OTHER)
    return await _form_page(
        request, db, product, reader.values, reader.errors, status.HTTP_422_UNPROCESSABLE_CONTENT
    )


@router.get("/{product_id}/delete", response_class=HTMLResponse)
async def confirm_delete_product(
    request: Request, db: DbSession, user: LoggedInUser, product_id: int
) -> HTMLResponse:
    """Ask before deleting (or say what forbids it): a GET never changes anything."""
    product = await _get_or_404(db, product_id)
    return await _confirm_delete_page(request, db, product)


@router.post("/{product_id}/delete", response_class=HTMLResponse)
async def delete_product(
    request: Request, db: DbSession, user: LoggedInUser, product_id: int
) -> Response:
    """Delete, then go back to the list; if other rows still need it, say so (409)."""
    product = await _get_or_404(db, product_id)
    try:
        await product_service.delete_product(db, product)
    except ConflictError as exc:
        # Read again: a refusal by the database rolled the session back.
        product = await _get_or_404(db, product_id)
        return await _confirm_delete_page(
            request, db, product, exc.message, status.HTTP_409_CONFLICT
        )
    return RedirectResponse("/products/", status.HTTP_303_SEE_OTHER)


async def _confirm_delete_page(
    request: Request,
    db: AsyncSession,
    product: Product,
    error: str = "",
    status_code: int = status.HTTP_200_OK,
) -> HTMLResponse:
    """The confirmation page; while other rows forbid the deletion, it says which instead."""
    effects = await product_service.deletion_effects(db, [product.id])
    if effects.protected and not error:
        error = effects.refusal("the product \u201c" + str(product) + "”")
    context = {"product": product, "error": error, "effects": effects}
    return render(request, "product/confirm_delete.html", context, status_code)


async def _get_or_404(db: AsyncSession, product_id: int) -> Product:
    try:
        return await product_service.get_product(db, product_id)
    except NotFoundError as exc:
        raise HTTPException(status.HTTP_404_NOT_FOUND, exc.message) from exc


async def _form_page(
    request: Request,
    db: AsyncSession,
    product: Product | None,
    values: dict[str, FormValue],
    errors: FormErrors,
    status_code: int = status.HTTP_200_OK,
) -> HTMLResponse:
    """The create form (product is None) or the edit form, with values and error messages."""
    context = {
        "product": product,
        "values": values,
        "errors": errors,
        "choices": await _choices(db, values),
    }
    return render(request, "product/form.html", context, status_code)


def _read_form(form: FormData) -> FormReader:
    """The submitted form, input by input (input names are the schemas' field names)."""
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


async def _choices(db: AsyncSession, values: dict[str, FormValue]) -> dict[str, list[SelectOption]]:
    """The options of each select of related rows."""
    return {
        "category_id": await with_chosen(
            await category_service.category_choices(db, limit=CHOICES_LIMIT),
            values["category_id"],
            lambda row_id: _category_label(db, row_id),
        ),
    }


async def _category_label(db: AsyncSession, category_id: int) -> str | None:
    """How a chosen category reads in a select (None if it no longer exists)."""
    try:
        return str(await category_service.get_category(db, category_id))
    except NotFoundError:
        return None
