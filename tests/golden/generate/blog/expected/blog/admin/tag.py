"""Admin screens for tags: list, search, filters, add, change, delete.

Staff only: the router requires staff (anonymous visitors are sent to /login, other
users get 403). The project includes this router under /admin. Validation is the
schemas' job and storage the tag service's, as for the site's pages.
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
from blog.models.tag import Tag
from blog.schemas.tag import TagCreate, TagUpdate
from blog.services import tag as tag_service
from blog.templating import render

router = APIRouter(
    prefix="/tags",
    tags=["admin"],
    dependencies=[Depends(require_staff)],
    include_in_schema=False,
)

URL = "/admin/tags/"
#: Rows per list page.
PAGE_SIZE = 50
#: Options a select of related rows lists before it gets a search box.
CHOICES_LIMIT = 100
#: Query parameters of the filters sidebar (`admin.filters`).
FILTERS = ()
_filters_adapter = TypeAdapter(tag_service.TagFilters)


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
    """The change list: search, filters, sortable columns, pages, and bulk delete.

    A page past the last shows the last one (as Django's admin does).
    """
    sort_key = _sort_key(sort)
    filters, applied = read_filters(_filters_adapter, request.query_params, FILTERS)
    results = await tag_service.list_tags(
        db, page=page, page_size=PAGE_SIZE, sort=sort_key, q=q, filters=filters
    )
    if page > results.pages:
        page = results.pages
        results = await tag_service.list_tags(
            db, page=page, page_size=PAGE_SIZE, sort=sort_key, q=q, filters=filters
        )
    list_state = ListQuery(path=URL, q=q, sort=sort_key or "", page=page, filters=applied)
    context: dict[str, object] = {"results": results, "list_state": list_state}
    # Caches must not answer a full-page request with a fragment, or the reverse.
    headers = {"Vary": "HX-Request"}
    if wants_fragment(request):
        return render(request, "admin/tag/_results.html", context, headers=headers)
    context["notice"] = pop_notice(request)
    return render(request, "admin/tag/list.html", context, headers=headers)


@router.get("/add", response_class=HTMLResponse)
async def add_tag(request: Request, db: DbSession) -> HTMLResponse:
    """The empty add form."""
    return await _form_page(request, db, None, _new_values(), {})


@router.post("/add", response_class=HTMLResponse)
async def create_tag(request: Request, db: DbSession) -> Response:
    """Create from the submitted form, or show it again with what is wrong (422)."""
    reader = _read_form(await request.form(), adding=True)
    data = reader.validate(TagCreate)
    if data is not None:
        try:
            tag = await tag_service.create_tag(db, data)
        except ConflictError as exc:
            reader.add_error(exc.field, exc.message)
        else:
            set_notice(request, f"The tag “{tag}” was added.")
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
        set_notice(request, "Select the tags to delete first.")
        return RedirectResponse(URL, status.HTTP_303_SEE_OTHER)
    if form.get("confirm") == "yes":
        try:
            deleted = await tag_service.delete_tags(db, ids)
        except ConflictError as exc:
            set_notice(request, f"Nothing was deleted: {exc.message}")
        else:
            set_notice(request, f"Deleted {deleted} tag(s).")
        return RedirectResponse(URL, status.HTTP_303_SEE_OTHER)
    selected: list[Tag] = []
    for tag_id in ids:
        tag = await _get_or_none(db, tag_id)
        if tag is not None:
            selected.append(tag)
    ids = [tag.id for tag in selected]
    effects = await tag_service.deletion_effects(db, ids)
    context = {"selected": selected, "ids": ids, "effects": effects}
    return render(request, "admin/tag/confirm_delete_selected.html", context)


@router.get("/{tag_id}/", response_class=HTMLResponse)
async def change_tag(request: Request, db: DbSession, tag_id: int) -> HTMLResponse:
    """The change form, filled with the stored values."""
    tag = await _get_or_404(db, tag_id)
    return await _form_page(request, db, tag, _values_of(tag), {})


@router.post("/{tag_id}/", response_class=HTMLResponse)
async def update_tag(request: Request, db: DbSession, tag_id: int) -> Response:
    """Save the submitted form, or show it again with what is wrong (422)."""
    tag = await _get_or_404(db, tag_id)
    reader = _read_form(await request.form(), adding=False)
    data = reader.validate(TagUpdate)
    if data is not None:
        try:
            await tag_service.update_tag(db, tag, data)
        except ConflictError as exc:
            reader.add_error(exc.field, exc.message)
        else:
            set_notice(request, f"The tag “{tag}” was changed.")
            return RedirectResponse(URL, status.HTTP_303_SEE_OTHER)
    return await _form_page(
        request, db, tag, reader.values, reader.errors, status.HTTP_422_UNPROCESSABLE_CONTENT
    )


@router.get("/{tag_id}/delete", response_class=HTMLResponse)
async def confirm_delete_tag(request: Request, db: DbSession, tag_id: int) -> HTMLResponse:
    """Ask before deleting, listing what blocks it or goes with it: a GET changes nothing."""
    tag = await _get_or_404(db, tag_id)
    return await _confirm_delete_page(request, db, tag)


@router.post("/{tag_id}/delete", response_class=HTMLResponse)
async def delete_tag(request: Request, db: DbSession, tag_id: int) -> Response:
    """Delete and go back to the list; if other rows still need it, say so (409)."""
    tag = await _get_or_404(db, tag_id)
    label = str(tag)
    try:
        await tag_service.delete_tag(db, tag)
    except ConflictError as exc:
        # Read again: a refusal by the database rolled the session back.
        tag = await _get_or_404(db, tag_id)
        return await _confirm_delete_page(request, db, tag, exc.message, status.HTTP_409_CONFLICT)
    set_notice(request, f"The tag “{label}” was deleted.")
    return RedirectResponse(URL, status.HTTP_303_SEE_OTHER)


async def _confirm_delete_page(
    request: Request,
    db: AsyncSession,
    tag: Tag,
    error: str = "",
    status_code: int = status.HTTP_200_OK,
) -> HTMLResponse:
    """The confirmation page: the rows that forbid the deletion, or those it deletes or changes."""
    effects = await tag_service.deletion_effects(db, [tag.id])
    context = {"tag": tag, "error": error, "effects": effects}
    return render(request, "admin/tag/confirm_delete.html", context, status_code)


async def _get_or_404(db: AsyncSession, tag_id: int) -> Tag:
    tag = await _get_or_none(db, tag_id)
    if tag is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "No such tag.")
    return tag


async def _get_or_none(db: AsyncSession, tag_id: int) -> Tag | None:
    try:
        return await tag_service.get_tag(db, tag_id)
    except NotFoundError:
        return None


async def _form_page(
    request: Request,
    db: AsyncSession,
    tag: Tag | None,
    values: dict[str, FormValue],
    errors: FormErrors,
    status_code: int = status.HTTP_200_OK,
) -> HTMLResponse:
    """The add form (tag is None) or the change form, with values and error messages."""
    choices: dict[str, list[SelectOption]] = {}
    more: dict[str, bool] = {}
    context = {
        "tag": tag,
        "values": values,
        "errors": errors,
        "choices": choices,
        "choices_more": more,
    }
    return render(request, "admin/tag/form.html", context, status_code)


def _read_form(form: FormData, *, adding: bool) -> FormReader:
    """The submitted form, input by input (input names are the schemas' field names).

    Read-only fields of the admin (`admin.readonly`) are set when adding, never changed.
    """
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
