"""Web pages for tags: list, detail, create, edit and delete.

Anyone may read; creating, editing and deleting need a logged-in user (anonymous
visitors are sent to /login). Every form carries the session's CSRF token, which
`CSRFMiddleware` checks before these functions run. What is valid is decided by
`TagCreate` / `TagUpdate` and storage by the tag service: these views
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
from blog.models.tag import Tag
from blog.schemas.tag import TagCreate, TagUpdate
from blog.services import tag as tag_service
from blog.templating import render

# The session user is loaded for every page, so templates know who is logged in.
router = APIRouter(
    prefix="/tags",
    tags=["tags"],
    dependencies=[Depends(get_session_user)],
    include_in_schema=False,
)

#: How many options a select of related rows lists at most (the chosen ones are always there).
CHOICES_LIMIT = 1000


def _sort_key(sort: str) -> tag_service.TagSort | None:
    """The service's sort key named by the query string, None (default order) if unknown."""
    return next((key for key in tag_service.SORT_KEYS if key == sort), None)


@router.get("/", response_class=HTMLResponse)
async def list_tags(
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
    results = await tag_service.list_tags(db, page=page, sort=sort_key, q=q)
    if page > results.pages:
        page = results.pages
        results = await tag_service.list_tags(db, page=page, sort=sort_key, q=q)
    context = {
        "results": results,
        "list_state": ListQuery(path=request.url.path, q=q, sort=sort_key or "", page=page),
    }
    template = "tag/_results.html" if wants_fragment(request) else "tag/list.html"
    # Caches must not answer a full-page request with a fragment, or the reverse.
    return render(request, template, context, headers={"Vary": "HX-Request"})


@router.get("/new", response_class=HTMLResponse)
async def new_tag(request: Request, db: DbSession, user: LoggedInUser) -> HTMLResponse:
    """The empty create form."""
    return await _form_page(request, db, None, _new_values(), {})


@router.post("/new", response_class=HTMLResponse)
async def create_tag(request: Request, db: DbSession, user: LoggedInUser) -> Response:
    """Create from the submitted form, or show it again with what is wrong (422)."""
    reader = _read_form(await request.form())
    data = reader.validate(TagCreate)
    if data is not None:
        try:
            tag = await tag_service.create_tag(db, data)
        except ConflictError as exc:
            reader.add_error(exc.field, exc.message)
        else:
            return RedirectResponse(f"/tags/{tag.id}", status.HTTP_303_SEE_OTHER)
    return await _form_page(
        request, db, None, reader.values, reader.errors, status.HTTP_422_UNPROCESSABLE_CONTENT
    )


@router.get("/{tag_id}", response_class=HTMLResponse)
async def show_tag(request: Request, db: DbSession, tag_id: int) -> HTMLResponse:
    """One tag, every field."""
    tag = await _get_or_404(db, tag_id)
    return render(request, "tag/detail.html", {"tag": tag})


@router.get("/{tag_id}/edit", response_class=HTMLResponse)
async def edit_tag(
    request: Request, db: DbSession, user: LoggedInUser, tag_id: int
) -> HTMLResponse:
    """The edit form, filled with the stored values."""
    tag = await _get_or_404(db, tag_id)
    return await _form_page(request, db, tag, _values_of(tag), {})


@router.post("/{tag_id}/edit", response_class=HTMLResponse)
async def update_tag(request: Request, db: DbSession, user: LoggedInUser, tag_id: int) -> Response:
    """Save the submitted form, or show it again with what is wrong (422)."""
    tag = await _get_or_404(db, tag_id)
    reader = _read_form(await request.form())
    data = reader.validate(TagUpdate)
    if data is not None:
        try:
            await tag_service.update_tag(db, tag, data)
        except ConflictError as exc:
            reader.add_error(exc.field, exc.message)
        else:
            return RedirectResponse(f"/tags/{tag.id}", status.HTTP_303_SEE_OTHER)
    return await _form_page(
        request, db, tag, reader.values, reader.errors, status.HTTP_422_UNPROCESSABLE_CONTENT
    )


@router.get("/{tag_id}/delete", response_class=HTMLResponse)
async def confirm_delete_tag(
    request: Request, db: DbSession, user: LoggedInUser, tag_id: int
) -> HTMLResponse:
    """Ask before deleting (or say what forbids it): a GET never changes anything."""
    tag = await _get_or_404(db, tag_id)
    return await _confirm_delete_page(request, db, tag)


@router.post("/{tag_id}/delete", response_class=HTMLResponse)
async def delete_tag(request: Request, db: DbSession, user: LoggedInUser, tag_id: int) -> Response:
    """Delete, then go back to the list; if other rows still need it, say so (409)."""
    tag = await _get_or_404(db, tag_id)
    try:
        await tag_service.delete_tag(db, tag)
    except ConflictError as exc:
        # Read again: a refusal by the database rolled the session back.
        tag = await _get_or_404(db, tag_id)
        return await _confirm_delete_page(request, db, tag, exc.message, status.HTTP_409_CONFLICT)
    return RedirectResponse("/tags/", status.HTTP_303_SEE_OTHER)


async def _confirm_delete_page(
    request: Request,
    db: AsyncSession,
    tag: Tag,
    error: str = "",
    status_code: int = status.HTTP_200_OK,
) -> HTMLResponse:
    """The confirmation page; while other rows forbid the deletion, it says which instead."""
    effects = await tag_service.deletion_effects(db, [tag.id])
    if effects.protected and not error:
        error = effects.refusal("the tag \u201c" + str(tag) + "”")
    context = {"tag": tag, "error": error, "effects": effects}
    return render(request, "tag/confirm_delete.html", context, status_code)


async def _get_or_404(db: AsyncSession, tag_id: int) -> Tag:
    try:
        return await tag_service.get_tag(db, tag_id)
    except NotFoundError as exc:
        raise HTTPException(status.HTTP_404_NOT_FOUND, exc.message) from exc


async def _form_page(
    request: Request,
    db: AsyncSession,
    tag: Tag | None,
    values: dict[str, FormValue],
    errors: FormErrors,
    status_code: int = status.HTTP_200_OK,
) -> HTMLResponse:
    """The create form (tag is None) or the edit form, with values and error messages."""
    context = {
        "tag": tag,
        "values": values,
        "errors": errors,
        "choices": {},
    }
    return render(request, "tag/form.html", context, status_code)


def _read_form(form: FormData) -> FormReader:
    """The submitted form, input by input (input names are the schemas' field names)."""
    reader = FormReader(form)
    reader.text("name", required=True)
    return reader


def _new_values() -> dict[str, FormValue]:
    """What the create form starts with: the spec's defaults, else blank."""
    return {
        "name": "",
    }


def _values_of(tag: Tag) -> dict[str, FormValue]:
    """What the edit form starts with: the stored values, written as inputs show them."""
    return {
        "name": input_value(tag.name),
    }
