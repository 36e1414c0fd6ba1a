"""Admin screens for comments: list, search, filters, add, change, delete.

Staff only: the router requires staff (anonymous visitors are sent to /login, other
users get 403). The project includes this router under /admin. Validation is the
schemas' job and storage the comment service's, as for the site's pages.
"""

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query, Request, status
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import TypeAdapter
from sqlalchemy import select
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
    checkbox_value,
    input_value,
    with_chosen,
)
from blog.kit.ids import MAX_ID, parse_id
from blog.kit.listing import ListQuery, pop_notice, read_filters, set_notice, wants_fragment
from blog.models import User
from blog.models.comment import Comment
from blog.schemas.comment import CommentCreate, CommentUpdate
from blog.services import comment as comment_service
from blog.services import post as post_service
from blog.templating import render

router = APIRouter(
    prefix="/comments",
    tags=["admin"],
    dependencies=[Depends(require_staff)],
    include_in_schema=False,
)

URL = "/admin/comments/"
#: Rows per list page.
PAGE_SIZE = 50
#: Options a select of related rows lists before it gets a search box.
CHOICES_LIMIT = 100
#: Query parameters of the filters sidebar (`admin.filters`).
FILTERS = ("post_id", "user_id", "approved")
_filters_adapter = TypeAdapter(comment_service.CommentFilters)


def _sort_key(sort: str) -> comment_service.CommentSort | None:
    """The service's sort key named by the query string, None (default order) if unknown."""
    return next((key for key in comment_service.SORT_KEYS if key == sort), None)


@router.get("/", response_class=HTMLResponse)
async def list_comments(
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
    results = await comment_service.list_comments(
        db, page=page, page_size=PAGE_SIZE, sort=sort_key, q=q, filters=filters
    )
    if page > results.pages:
        page = results.pages
        results = await comment_service.list_comments(
            db, page=page, page_size=PAGE_SIZE, sort=sort_key, q=q, filters=filters
        )
    list_state = ListQuery(path=URL, q=q, sort=sort_key or "", page=page, filters=applied)
    context: dict[str, object] = {"results": results, "list_state": list_state}
    # Caches must not answer a full-page request with a fragment, or the reverse.
    headers = {"Vary": "HX-Request"}
    if wants_fragment(request):
        return render(request, "admin/comment/_results.html", context, headers=headers)
    context["notice"] = pop_notice(request)
    context["filter_choices"] = await _filter_choices(db, list_state)
    return render(request, "admin/comment/list.html", context, headers=headers)


@router.get("/add", response_class=HTMLResponse)
async def add_comment(request: Request, db: DbSession) -> HTMLResponse:
    """The empty add form."""
    return await _form_page(request, db, None, _new_values(), {})


@router.post("/add", response_class=HTMLResponse)
async def create_comment(request: Request, db: DbSession) -> Response:
    """Create from the submitted form, or show it again with what is wrong (422)."""
    reader = _read_form(await request.form(), adding=True)
    data = reader.validate(CommentCreate)
    if data is not None:
        try:
            comment = await comment_service.create_comment(db, data)
        except ConflictError as exc:
            reader.add_error(exc.field, exc.message)
        else:
            set_notice(request, f"The comment “{comment}” was added.")
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
        set_notice(request, "Select the comments to delete first.")
        return RedirectResponse(URL, status.HTTP_303_SEE_OTHER)
    if form.get("confirm") == "yes":
        try:
            deleted = await comment_service.delete_comments(db, ids)
        except ConflictError as exc:
            set_notice(request, f"Nothing was deleted: {exc.message}")
        else:
            set_notice(request, f"Deleted {deleted} comment(s).")
        return RedirectResponse(URL, status.HTTP_303_SEE_OTHER)
    selected: list[Comment] = []
    for comment_id in ids:
        comment = await _get_or_none(db, comment_id)
        if comment is not None:
            selected.append(comment)
    ids = [comment.id for comment in selected]
    effects = await comment_service.deletion_effects(db, ids)
    context = {"selected": selected, "ids": ids, "effects": effects}
    return render(request, "admin/comment/confirm_delete_selected.html", context)


@router.get("/{comment_id}/", response_class=HTMLResponse)
async def change_comment(request: Request, db: DbSession, comment_id: int) -> HTMLResponse:
    """The change form, filled with the stored values."""
    comment = await _get_or_404(db, comment_id)
    return await _form_page(request, db, comment, _values_of(comment), {})


@router.post("/{comment_id}/", response_class=HTMLResponse)
async def update_comment(request: Request, db: DbSession, comment_id: int) -> Response:
    """Save the submitted form, or show it again with what is wrong (422)."""
    comment = await _get_or_404(db, comment_id)
    reader = _read_form(await request.form(), adding=False)
    data = reader.validate(CommentUpdate)
    if data is not None:
        try:
            await comment_service.update_comment(db, comment, data)
        except ConflictError as exc:
            reader.add_error(exc.field, exc.message)
        else:
            set_notice(request, f"The comment “{comment}” was changed.")
            return RedirectResponse(URL, status.HTTP_303_SEE_OTHER)
    return await _form_page(
        request, db, comment, reader.values, reader.errors, status.HTTP_422_UNPROCESSABLE_CONTENT
    )


@router.get("/{comment_id}/delete", response_class=HTMLResponse)
async def confirm_delete_comment(request: Request, db: DbSession, comment_id: int) -> HTMLResponse:
    """Ask before deleting, listing what blocks it or goes with it: a GET changes nothing."""
    comment = await _get_or_404(db, comment_id)
    return await _confirm_delete_page(request, db, comment)


@router.post("/{comment_id}/delete", response_class=HTMLResponse)
async def delete_comment(request: Request, db: DbSession, comment_id: int) -> Response:
    """Delete and go back to the list; if other rows still need it, say so (409)."""
    comment = await _get_or_404(db, comment_id)
    label = str(comment)
    try:
        await comment_service.delete_comment(db, comment)
    except ConflictError as exc:
        # Read again: a refusal by the database rolled the session back.
        comment = await _get_or_404(db, comment_id)
        return await _confirm_delete_page(
            request, db, comment, exc.message, status.HTTP_409_CONFLICT
        )
    set_notice(request, f"The comment “{label}” was deleted.")
    return RedirectResponse(URL, status.HTTP_303_SEE_OTHER)


async def _confirm_delete_page(
    request: Request,
    db: AsyncSession,
    comment: Comment,
    error: str = "",
    status_code: int = status.HTTP_200_OK,
) -> HTMLResponse:
    """The confirmation page: the rows that forbid the deletion, or those it deletes or changes."""
    effects = await comment_service.deletion_effects(db, [comment.id])
    context = {"comment": comment, "error": error, "effects": effects}
    return render(request, "admin/comment/confirm_delete.html", context, status_code)


@router.get("/choices/post_id", response_class=HTMLResponse)
async def post_id_choices(request: Request, db: DbSession, q: str = "") -> HTMLResponse:
    """Options of the `post_id` select matching `q` (its search box asks as you type)."""
    chosen = request.query_params.getlist("post_id")
    options = await with_chosen(
        await post_service.post_choices(db, q=q, limit=CHOICES_LIMIT),
        chosen,
        lambda row_id: _post_label(db, row_id),
    )
    context = {"options": options, "chosen": chosen, "blank": "Choose…"}
    return render(request, "admin/comment/_options.html", context)


@router.get("/choices/user_id", response_class=HTMLResponse)
async def user_id_choices(request: Request, db: DbSession, q: str = "") -> HTMLResponse:
    """Options of the `user_id` select matching `q` (its search box asks as you type)."""
    chosen = request.query_params.getlist("user_id")
    options = await with_chosen(
        await _user_choices(db, CHOICES_LIMIT, q),
        chosen,
        lambda row_id: _user_label(db, row_id),
    )
    context = {"options": options, "chosen": chosen, "blank": "Choose…"}
    return render(request, "admin/comment/_options.html", context)


async def _get_or_404(db: AsyncSession, comment_id: int) -> Comment:
    comment = await _get_or_none(db, comment_id)
    if comment is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "No such comment.")
    return comment


async def _get_or_none(db: AsyncSession, comment_id: int) -> Comment | None:
    try:
        return await comment_service.get_comment(db, comment_id)
    except NotFoundError:
        return None


async def _form_page(
    request: Request,
    db: AsyncSession,
    comment: Comment | None,
    values: dict[str, FormValue],
    errors: FormErrors,
    status_code: int = status.HTTP_200_OK,
) -> HTMLResponse:
    """The add form (comment is None) or the change form, with values and error messages."""
    choices, more = await _choices(db, values)
    context = {
        "comment": comment,
        "values": values,
        "errors": errors,
        "choices": choices,
        "choices_more": more,
    }
    return render(request, "admin/comment/form.html", context, status_code)


def _read_form(form: FormData, *, adding: bool) -> FormReader:
    """The submitted form, input by input (input names are the schemas' field names).

    Read-only fields of the admin (`admin.readonly`) are set when adding, never changed.
    """
    reader = FormReader(form)
    reader.text("post_id", required=True)
    reader.text("user_id", required=True)
    reader.text("body", required=True)
    reader.checkbox("approved")
    return reader


def _new_values() -> dict[str, FormValue]:
    """What the create form starts with: the spec's defaults, else blank."""
    return {
        "post_id": "",
        "user_id": "",
        "body": "",
        "approved": "",
    }


def _values_of(comment: Comment) -> dict[str, FormValue]:
    """What the edit form starts with: the stored values, written as inputs show them."""
    return {
        "post_id": input_value(comment.post_id),
        "user_id": input_value(comment.user_id),
        "body": input_value(comment.body),
        "approved": checkbox_value(comment.approved),
    }


async def _choices(
    db: AsyncSession, values: dict[str, FormValue]
) -> tuple[dict[str, list[SelectOption]], dict[str, bool]]:
    """The options of each select of related rows, and whether more exist than are listed."""
    choices: dict[str, list[SelectOption]] = {}
    more: dict[str, bool] = {}
    options = await post_service.post_choices(db, limit=CHOICES_LIMIT + 1)
    more["post_id"] = len(options) > CHOICES_LIMIT
    choices["post_id"] = await with_chosen(
        options[:CHOICES_LIMIT],
        values["post_id"],
        lambda row_id: _post_label(db, row_id),
    )
    options = await _user_choices(db, CHOICES_LIMIT + 1)
    more["user_id"] = len(options) > CHOICES_LIMIT
    choices["user_id"] = await with_chosen(
        options[:CHOICES_LIMIT],
        values["user_id"],
        lambda row_id: _user_label(db, row_id),
    )
    return choices, more


async def _filter_choices(db: AsyncSession, list_state: ListQuery) -> dict[str, list[SelectOption]]:
    """The rows listed in the filters sidebar for each filter on a related resource."""
    return {
        "post_id": await with_chosen(
            await post_service.post_choices(db, limit=CHOICES_LIMIT),
            list_state.filter_value("post_id"),
            lambda row_id: _post_label(db, row_id),
        ),
        "user_id": await with_chosen(
            await _user_choices(db, CHOICES_LIMIT),
            list_state.filter_value("user_id"),
            lambda row_id: _user_label(db, row_id),
        ),
    }


async def _post_label(db: AsyncSession, post_id: int) -> str | None:
    """How a chosen post reads in a select (None if it no longer exists)."""
    try:
        return str(await post_service.get_post(db, post_id))
    except NotFoundError:
        return None


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
