"""Web pages for authors: list, detail, create, edit and delete.

Anyone may read; creating, editing and deleting need a logged-in user (anonymous
visitors are sent to /login). Every form carries the session's CSRF token, which
`CSRFMiddleware` checks before these functions run. What is valid is decided by
`AuthorCreate` / `AuthorUpdate` and storage by the author service: these views
only translate between HTML forms and those two.
"""

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query, Request, status
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.datastructures import FormData

from blog.auth.dependencies import LoggedInUser, get_session_user
from blog.db import DbSession
from blog.kit.errors import ConflictError, NotFoundError
from blog.kit.forms import (
    FormErrors,
    FormReader,
    FormValue,
    input_value,
)
from blog.kit.ids import MAX_ID
from blog.kit.listing import ListQuery, wants_fragment
from blog.models.author import Author
from blog.schemas.author import AuthorCreate, AuthorUpdate
from blog.services import author as author_service
from blog.templating import render

# The session user is loaded for every page, so templates know who is logged in.
router = APIRouter(
    prefix="/authors",
    tags=["authors"],
    dependencies=[Depends(get_session_user)],
    include_in_schema=False,
)

#: How many options a select of related rows lists at most (the chosen ones are always there).
CHOICES_LIMIT = 1000


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
    """The list, searchable and sortable; htmx gets only the results when it asks.

    A page past the last shows the last one.
    """
    sort_key = _sort_key(sort)
    results = await author_service.list_authors(db, page=page, sort=sort_key, q=q)
    if page > results.pages:
        page = results.pages
        results = await author_service.list_authors(db, page=page, sort=sort_key, q=q)
    context = {
        "results": results,
        "list_state": ListQuery(path=request.url.path, q=q, sort=sort_key or "", page=page),
    }
    template = "author/_results.html" if wants_fragment(request) else "author/list.html"
    # Caches must not answer a full-page request with a fragment, or the reverse.
    return render(request, template, context, headers={"Vary": "HX-Request"})


@router.get("/new", response_class=HTMLResponse)
async def new_author(request: Request, db: DbSession, user: LoggedInUser) -> HTMLResponse:
    """The empty create form."""
    return await _form_page(request, db, None, _new_values(), {})


@router.post("/new", response_class=HTMLResponse)
async def create_author(request: Request, db: DbSession, user: LoggedInUser) -> Response:
    """Create from the submitted form, or show it again with what is wrong (422)."""
    reader = _read_form(await request.form())
    data = reader.validate(AuthorCreate)
    if data is not None:
        try:
            author = await author_service.create_author(db, data)
        except ConflictError as exc:
            reader.add_error(exc.field, exc.message)
        else:
            return RedirectResponse(f"/authors/{author.id}", status.HTTP_303_SEE_OTHER)
    return await _form_page(
        request, db, None, reader.values, reader.errors, status.HTTP_422_UNPROCESSABLE_CONTENT
    )


@router.get("/{author_id}", response_class=HTMLResponse)
async def show_author(request: Request, db: DbSession, author_id: int) -> HTMLResponse:
    """One author, every field."""
    author = await _get_or_404(db, author_id)
    return render(request, "author/detail.html", {"author": author})


@router.get("/{author_id}/edit", response_class=HTMLResponse)
async def edit_author(
    request: Request, db: DbSession, user: LoggedInUser, author_id: int
) -> HTMLResponse:
    """The edit form, filled with the stored values."""
    author = await _get_or_404(db, author_id)
    return await _form_page(request, db, author, _values_of(author), {})


@router.post("/{author_id}/edit", response_class=HTMLResponse)
async def update_author(
    request: Request, db: DbSession, user: LoggedInUser, author_id: int
) -> Response:
    """Save the submitted form, or show it again with what is wrong (422)."""
    author = await _get_or_404(db, author_id)
    reader = _read_form(await request.form())
    data = reader.validate(AuthorUpdate)
    if data is not None:
        try:
            await author_service.update_author(db, author, data)
        except ConflictError as exc:
            reader.add_error(exc.field, exc.message)
        else:
            return RedirectResponse(f"/authors/{author.id}", status.HTTP_303_SEE_OTHER)
    return await _form_page(
        request, db, author, reader.values, reader.errors, status.HTTP_422_UNPROCESSABLE_CONTENT
    )


@router.get("/{author_id}/delete", response_class=HTMLResponse)
async def confirm_delete_author(
    request: Request, db: DbSession, user: LoggedInUser, author_id: int
) -> HTMLResponse:
    """Ask before deleting (or say what forbids it): a GET never changes anything."""
    author = await _get_or_404(db, author_id)
    return await _confirm_delete_page(request, db, author)


@router.post("/{author_id}/delete", response_class=HTMLResponse)
async def delete_author(
    request: Request, db: DbSession, user: LoggedInUser, author_id: int
) -> Response:
    """Delete, then go back to the list; if other rows still need it, say so (409)."""
    author = await _get_or_404(db, author_id)
    try:
        await author_service.delete_author(db, author)
    except ConflictError as exc:
        # Read again: a refusal by the database rolled the session back.
        author = await _get_or_404(db, author_id)
        return await _confirm_delete_page(
            request, db, author, exc.message, status.HTTP_409_CONFLICT
        )
    return RedirectResponse("/authors/", status.HTTP_303_SEE_OTHER)


async def _confirm_delete_page(
    request: Request,
    db: AsyncSession,
    author: Author,
    error: str = "",
    status_code: int = status.HTTP_200_OK,
) -> HTMLResponse:
    """The confirmation page; while other rows forbid the deletion, it says which instead."""
    effects = await author_service.deletion_effects(db, [author.id])
    if effects.protected and not error:
        error = effects.refusal("the author \u201c" + str(author) + "”")
    context = {"author": author, "error": error, "effects": effects}
    return render(request, "author/confirm_delete.html", context, status_code)


async def _get_or_404(db: AsyncSession, author_id: int) -> Author:
    try:
        return await author_service.get_author(db, author_id)
    except NotFoundError as exc:
        raise HTTPException(status.HTTP_404_NOT_FOUND, exc.message) from exc


async def _form_page(
    request: Request,
    db: AsyncSession,
    author: Author | None,
    values: dict[str, FormValue],
    errors: FormErrors,
    status_code: int = status.HTTP_200_OK,
) -> HTMLResponse:
    """The create form (author is None) or the edit form, with values and error messages."""
    context = {
        "author": author,
        "values": values,
        "errors": errors,
        "choices": {},
    }
    return render(request, "author/form.html", context, status_code)


def _read_form(form: FormData) -> FormReader:
    """The submitted form, input by input (input names are the schemas' field names)."""
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
