"""Admin screens for authors: list, search, filters, add, change, delete.

Staff only: the router requires staff (anonymous visitors are sent to /login, other
users get 403). The project includes this router under /admin. Validation is the
schemas' job and storage the author service's, as for the site's pages.
"""

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query, Request, status
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import TypeAdapter
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.datastructures import FormData

from blog.auth.dependencies import require_staff
from blog.db import DbSession
from blog.kit.errors import ConflictError, NotFoundError
from blog.kit.forms import (
    FormErrors,
    FormReader,
    FormValue,
    SelectOption,
    input_value,
)
from blog.kit.ids import MAX_ID, parse_id
from blog.kit.listing import ListQuery, pop_notice, read_filters, set_notice, wants_fragment
from blog.models.author import Author
from blog.schemas.author import AuthorCreate, AuthorUpdate
from blog.services import author as author_service
from blog.templating import render

router = APIRouter(
    prefix="/authors",
    tags=["admin"],
    dependencies=[Depends(require_staff)],
    include_in_schema=False,
)

URL = "/admin/authors/"
#: Rows per list page.
PAGE_SIZE = 50
#: Options a select of related rows lists before it gets a search box.
CHOICES_LIMIT = 100
#: Query parameters of the filters sidebar (`admin.filters`).
FILTERS = ()
_filters_adapter = TypeAdapter(author_service.AuthorFilters)


def _sort_key(sort: str) -> author_service.AuthorSort | None:
    """The service's sort key named by the query string, None (default order) if unknown."""
    return next((key for key in author_service.SORT_KEYS if key == sort), None)


@router.get("/", response_class=HTMLResponse)
async def list_authors(
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
    results = await author_service.list_authors(
        db, page=page, page_size=PAGE_SIZE, sort=sort_key, q=q, filters=filters
    )
    if page > results.pages:
        page = results.pages
        results = await author_service.list_authors(
            db, page=page, page_size=PAGE_SIZE, sort=sort_key, q=q, filters=filters
        )
    list_state = ListQuery(path=URL, q=q, sort=sort_key or "", page=page, filters=applied)
    context: dict[str, object] = {"results": results, "list_state": list_state}
    # Caches must not answer a full-page request with a fragment, or the reverse.
    headers = {"Vary": "HX-Request"}
    if wants_fragment(request):
        return render(request, "admin/author/_results.html", context, headers=headers)
    context["notice"] = pop_notice(request)
    return render(request, "admin/author/list.html", context, headers=headers)


@router.get("/add", response_class=HTMLResponse)
async def add_author(request: Request, db: DbSession) -> HTMLResponse:
    """The empty add form."""
    return await _form_page(request, db, None, _new_values(), {})


@router.post("/add", response_class=HTMLResponse)
async def create_author(request: Request, db: DbSession) -> Response:
    """Create from the submitted form, or show it again with what is wrong (422)."""
    reader = _read_form(await request.form(), adding=True)
    data = reader.validate(AuthorCreate)
    if data is not None:
        try:
            author = await author_service.create_author(db, data)
        except ConflictError as exc:
            reader.add_error(exc.field, exc.message)
        else:
            set_notice(request, f"The author “{author}” was added.")
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
        set_notice(request, "Select the authors to delete first.")
        return RedirectResponse(URL, status.HTTP_303_SEE_OTHER)
    if form.get("confirm") == "yes":
        try:
            deleted = await author_service.delete_authors(db, ids)
        except ConflictError as exc:
            set_notice(request, f"Nothing was deleted: {exc.message}")
        else:
            set_notice(request, f"Deleted {deleted} author(s).")
        return RedirectResponse(URL, status.HTTP_303_SEE_OTHER)
    selected: list[Author] = []
    for author_id in ids:
        author = await _get_or_none(db, author_id)
        if author is not None:
            selected.append(author)
    ids = [author.id for author in selected]
    effects = await author_service.deletion_effects(db, ids)
    context = {"selected": selected, "ids": ids, "effects": effects}
    return render(request, "admin/author/confirm_delete_selected.html", context)


@router.get("/{author_id}/", response_class=HTMLResponse)
async def change_author(request: Request, db: DbSession, author_id: int) -> HTMLResponse:
    """The change form, filled with the stored values."""
    author = await _get_or_404(db, author_id)
    return await _form_page(request, db, author, _values_of(author), {})


@router.post("/{author_id}/", response_class=HTMLResponse)
async def update_author(request: Request, db: DbSession, author_id: int) -> Response:
    """Save the submitted form, or show it again with what is wrong (422)."""
    author = await _get_or_404(db, author_id)
    reader = _read_form(await request.form(), adding=False)
    data = reader.validate(AuthorUpdate)
    if data is not None:
        try:
            await author_service.update_author(db, author, data)
        except ConflictError as exc:
            reader.add_error(exc.field, exc.message)
        else:
            set_notice(request, f"The author “{author}” was changed.")
            return RedirectResponse(URL, status.HTTP_303_SEE_OTHER)
    return await _form_page(
        request, db, author, reader.values, reader.errors, status.HTTP_422_UNPROCESSABLE_CONTENT
    )


@router.get("/{author_id}/delete", response_class=HTMLResponse)
async def confirm_delete_author(request: Request, db: DbSession, author_id: int) -> HTMLResponse:
    """Ask before deleting, listing what blocks it or goes with it: a GET changes nothing."""
    author = await _get_or_404(db, author_id)
    return await _confirm_delete_page(request, db, author)


@router.post("/{author_id}/delete", response_class=HTMLResponse)
async def delete_author(request: Request, db: DbSession, author_id: int) -> Response:
    """Delete and go back to the list; if other rows still need it, say so (409)."""
    author = await _get_or_404(db, author_id)
    label = str(author)
    try:
        await author_service.delete_author(db, author)
    except ConflictError as exc:
        # Read again: a refusal by the database rolled the session back.
        author = await _get_or_404(db, author_id)
        return await _confirm_delete_page(
            request, db, author, exc.message, status.HTTP_409_CONFLICT
        )
    set_notice(request, f"The author “{label}” was deleted.")
    return RedirectResponse(URL, status.HTTP_303_SEE_OTHER)


async def _confirm_delete_page(
    request: Request,
    db: AsyncSession,
    author: Author,
    error: str = "",
    status_code: int = status.HTTP_200_OK,
) -> HTMLResponse:
    """The confirmation page: the rows that forbid the deletion, or those it deletes or changes."""
    effects = await author_service.deletion_effects(db, [author.id])
    context = {"author": author, "error": error, "effects": effects}
    return render(request, "admin/author/confirm_delete.html", context, status_code)


async def _get_or_404(db: AsyncSession, author_id: int) -> Author:
    author = await _get_or_none(db, author_id)
    if author is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "No such author.")
    return author


async def _get_or_none(db: AsyncSession, author_id: int) -> Author | None:
    try:
        return await author_service.get_author(db, author_id)
    except NotFoundError:
        return None


async def _form_page(
    request: Request,
    db: AsyncSession,
    author: Author | None,
    values: dict[str, FormValue],
    errors: FormErrors,
    status_code: int = status.HTTP_200_OK,
) -> HTMLResponse:
    """The add form (author is None) or the change form, with values and error messages."""
    choices: dict[str, list[SelectOption]] = {}
    more: dict[str, bool] = {}
    context = {
        "author": author,
        "values": values,
        "errors": errors,
        "choices": choices,
        "choices_more": more,
    }
    return render(request, "admin/author/form.html", context, status_code)


def _read_form(form: FormData, *, adding: bool) -> FormReader:
    """The submitted form, input by input (input names are the schemas' field names).

    Read-only fields of the admin (`admin.readonly`) are set when adding, never changed.
    """
    reader = FormReader(form)
    reader.text("name", required=True)
    reader.text("email", required=True)
    reader.text("bio", required=False)
    reader.text("website", required=False)
    return reader


def _new_values() -> dict[str, FormValue]:
    """What the create form starts with: the spec's defaults, else blank."""
    return {
        "name": "",
        "email": "",
        "bio": "",
        "website": "",
    }


def _values_of(author: Author) -> dict[str, FormValue]:
    """What the edit form starts with: the stored values, written as inputs show them."""
    return {
        "name": input_value(author.name),
        "email": input_value(author.email),
        "bio": input_value(author.bio),
        "website": input_value(author.website),
    }
