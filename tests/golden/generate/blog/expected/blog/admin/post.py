"""Admin screens for posts: list, search, filters, add, change, delete.

Staff only: the router requires staff (anonymous visitors are sent to /login, other
users get 403). The project includes this router under /admin. Validation is the
schemas' job and storage the post service's, as for the site's pages.
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
    with_chosen,
)
from blog.kit.ids import MAX_ID, parse_id
from blog.kit.listing import ListQuery, pop_notice, read_filters, set_notice, wants_fragment
from blog.models.post import Post
from blog.schemas.post import PostCreate, PostUpdate
from blog.services import author as author_service
from blog.services import post as post_service
from blog.services import tag as tag_service
from blog.templating import render

router = APIRouter(
    prefix="/posts",
    tags=["admin"],
    dependencies=[Depends(require_staff)],
    include_in_schema=False,
)

URL = "/admin/posts/"
#: Rows per list page.
PAGE_SIZE = 50
#: Options a select of related rows lists before it gets a search box.
CHOICES_LIMIT = 100
#: Query parameters of the filters sidebar (`admin.filters`).
FILTERS = ("status", "author_id")
_filters_adapter = TypeAdapter(post_service.PostFilters)


def _sort_key(sort: str) -> post_service.PostSort | None:
    """The service's sort key named by the query string, None (default order) if unknown."""
    return next((key for key in post_service.SORT_KEYS if key == sort), None)


@router.get("/", response_class=HTMLResponse)
async def list_posts(
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
    results = await post_service.list_posts(
        db, page=page, page_size=PAGE_SIZE, sort=sort_key, q=q, filters=filters
    )
    if page > results.pages:
        page = results.pages
        results = await post_service.list_posts(
            db, page=page, page_size=PAGE_SIZE, sort=sort_key, q=q, filters=filters
        )
    list_state = ListQuery(path=URL, q=q, sort=sort_key or "", page=page, filters=applied)
    context: dict[str, object] = {"results": results, "list_state": list_state}
    # Caches must not answer a full-page request with a fragment, or the reverse.
    headers = {"Vary": "HX-Request"}
    if wants_fragment(request):
        return render(request, "admin/post/_results.html", context, headers=headers)
    context["notice"] = pop_notice(request)
    context["filter_choices"] = await _filter_choices(db, list_state)
    return render(request, "admin/post/list.html", context, headers=headers)


@router.get("/add", response_class=HTMLResponse)
async def add_post(request: Request, db: DbSession) -> HTMLResponse:
    """The empty add form."""
    return await _form_page(request, db, None, _new_values(), {})


@router.post("/add", response_class=HTMLResponse)
async def create_post(request: Request, db: DbSession) -> Response:
    """Create from the submitted form, or show it again with what is wrong (422)."""
    reader = _read_form(await request.form(), adding=True)
    data = reader.validate(PostCreate)
    if data is not None:
        try:
            post = await post_service.create_post(db, data)
        except ConflictError as exc:
            reader.add_error(exc.field, exc.message)
        else:
            set_notice(request, f"The post “{post}” was added.")
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
        set_notice(request, "Select the posts to delete first.")
        return RedirectResponse(URL, status.HTTP_303_SEE_OTHER)
    if form.get("confirm") == "yes":
        try:
            deleted = await post_service.delete_posts(db, ids)
        except ConflictError as exc:
            set_notice(request, f"Nothing was deleted: {exc.message}")
        else:
            set_notice(request, f"Deleted {deleted} post(s).")
        return RedirectResponse(URL, status.HTTP_303_SEE_OTHER)
    selected: list[Post] = []
    for post_id in ids:
        post = await _get_or_none(db, post_id)
        if post is not None:
            selected.append(post)
    ids = [post.id for post in selected]
    effects = await post_service.deletion_effects(db, ids)
    context = {"selected": selected, "ids": ids, "effects": effects}
    return render(request, "admin/post/confirm_delete_selected.html", context)


@router.get("/{post_id}/", response_class=HTMLResponse)
async def change_post(request: Request, db: DbSession, post_id: int) -> HTMLResponse:
    """The change form, filled with the stored values."""
    post = await _get_or_404(db, post_id)
    return await _form_page(request, db, post, _values_of(post), {})


@router.post("/{post_id}/", response_class=HTMLResponse)
async def update_post(request: Request, db: DbSession, post_id: int) -> Response:
    """Save the submitted form, or show it again with what is wrong (422)."""
    post = await _get_or_404(db, post_id)
    reader = _read_form(await request.form(), adding=False)
    data = reader.validate(PostUpdate)
    if data is not None:
        try:
            await post_service.update_post(db, post, data)
        except ConflictError as exc:
            reader.add_error(exc.field, exc.message)
        else:
            set_notice(request, f"The post “{post}” was changed.")
            return RedirectResponse(URL, status.HTTP_303_SEE_OTHER)
    return await _form_page(
        request, db, post, reader.values, reader.errors, status.HTTP_422_UNPROCESSABLE_CONTENT
    )


@router.get("/{post_id}/delete", response_class=HTMLResponse)
async def confirm_delete_post(request: Request, db: DbSession, post_id: int) -> HTMLResponse:
    """Ask before deleting, listing what blocks it or goes with it: a GET changes nothing."""
    post = await _get_or_404(db, post_id)
    return await _confirm_delete_page(request, db, post)


@router.post("/{post_id}/delete", response_class=HTMLResponse)
async def delete_post(request: Request, db: DbSession, post_id: int) -> Response:
    """Delete and go back to the list; if other rows still need it, say so (409)."""
    post = await _get_or_404(db, post_id)
    label = str(post)
    try:
        await post_service.delete_post(db, post)
    except ConflictError as exc:
        # Read again: a refusal by the database rolled the session back.
        post = await _get_or_404(db, post_id)
        return await _confirm_delete_page(request, db, post, exc.message, status.HTTP_409_CONFLICT)
    set_notice(request, f"The post “{label}” was deleted.")
    return RedirectResponse(URL, status.HTTP_303_SEE_OTHER)


async def _confirm_delete_page(
    request: Request,
    db: AsyncSession,
    post: Post,
    error: str = "",
    status_code: int = status.HTTP_200_OK,
) -> HTMLResponse:
    """The confirmation page: the rows that forbid the deletion, or those it deletes or changes."""
    effects = await post_service.deletion_effects(db, [post.id])
    context = {"post": post, "error": error, "effects": effects}
    return render(request, "admin/post/confirm_delete.html", context, status_code)


@router.get("/choices/author_id", response_class=HTMLResponse)
async def author_id_choices(request: Request, db: DbSession, q: str = "") -> HTMLResponse:
    """Options of the `author_id` select matching `q` (its search box asks as you type)."""
    chosen = request.query_params.getlist("author_id")
    options = await with_chosen(
        await author_service.author_choices(db, q=q, limit=CHOICES_LIMIT),
        chosen,
        lambda row_id: _author_label(db, row_id),
    )
    context = {"options": options, "chosen": chosen, "blank": "Choose…"}
    return render(request, "admin/post/_options.html", context)


@router.get("/choices/reviewer_id", response_class=HTMLResponse)
async def reviewer_id_choices(request: Request, db: DbSession, q: str = "") -> HTMLResponse:
    """Options of the `reviewer_id` select matching `q` (its search box asks as you type)."""
    chosen = request.query_params.getlist("reviewer_id")
    options = await with_chosen(
        await author_service.author_choices(db, q=q, limit=CHOICES_LIMIT),
        chosen,
        lambda row_id: _author_label(db, row_id),
    )
    context = {"options": options, "chosen": chosen, "blank": "—"}
    return render(request, "admin/post/_options.html", context)


@router.get("/choices/tag_ids", response_class=HTMLResponse)
async def tag_ids_choices(request: Request, db: DbSession, q: str = "") -> HTMLResponse:
    """Options of the `tag_ids` select matching `q` (its search box asks as you type)."""
    chosen = request.query_params.getlist("tag_ids")
    options = await with_chosen(
        await tag_service.tag_choices(db, q=q, limit=CHOICES_LIMIT),
        chosen,
        lambda row_id: _tag_label(db, row_id),
    )
    context = {"options": options, "chosen": chosen, "blank": ""}
    return render(request, "admin/post/_options.html", context)


async def _get_or_404(db: AsyncSession, post_id: int) -> Post:
    post = await _get_or_none(db, post_id)
    if post is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "No such post.")
    return post


async def _get_or_none(db: AsyncSession, post_id: int) -> Post | None:
    try:
        return await post_service.get_post(db, post_id)
    except NotFoundError:
        return None


async def _form_page(
    request: Request,
    db: AsyncSession,
    post: Post | None,
    values: dict[str, FormValue],
    errors: FormErrors,
    status_code: int = status.HTTP_200_OK,
) -> HTMLResponse:
    """The add form (post is None) or the change form, with values and error messages."""
    choices, more = await _choices(db, values)
    context = {
        "post": post,
        "values": values,
        "errors": errors,
        "choices": choices,
        "choices_more": more,
    }
    return render(request, "admin/post/form.html", context, status_code)


def _read_form(form: FormData, *, adding: bool) -> FormReader:
    """The submitted form, input by input (input names are the schemas' field names).

    Read-only fields of the admin (`admin.readonly`) are set when adding, never changed.
    """
    reader = FormReader(form)
    reader.text("title", required=True)
    reader.text("slug", required=True)
    reader.text("body", required=True)
    reader.text("status", required=True)
    reader.datetime("published_at", required=False)
    reader.text("views", required=True)
    reader.text("author_id", required=True)
    reader.text("reviewer_id", required=False)
    reader.choices("tag_ids")
    return reader


def _new_values() -> dict[str, FormValue]:
    """What the create form starts with: the spec's defaults, else blank."""
    return {
        "title": "",
        "slug": "",
        "body": "",
        "status": "draft",
        "published_at": "",
        "views": "0",
        "author_id": "",
        "reviewer_id": "",
        "tag_ids": [],
    }


def _values_of(post: Post) -> dict[str, FormValue]:
    """What the edit form starts with: the stored values, written as inputs show them."""
    return {
        "title": input_value(post.title),
        "slug": input_value(post.slug),
        "body": input_value(post.body),
        "status": input_value(post.status),
        "published_at": input_value(post.published_at),
        "views": input_value(post.views),
        "author_id": input_value(post.author_id),
        "reviewer_id": input_value(post.reviewer_id),
        "tag_ids": [str(related.id) for related in post.tags],
    }


async def _choices(
    db: AsyncSession, values: dict[str, FormValue]
) -> tuple[dict[str, list[SelectOption]], dict[str, bool]]:
    """The options of each select of related rows, and whether more exist than are listed."""
    choices: dict[str, list[SelectOption]] = {}
    more: dict[str, bool] = {}
    options = await author_service.author_choices(db, limit=CHOICES_LIMIT + 1)
    more["author_id"] = len(options) > CHOICES_LIMIT
    choices["author_id"] = await with_chosen(
        options[:CHOICES_LIMIT],
        values["author_id"],
        lambda row_id: _author_label(db, row_id),
    )
    options = await author_service.author_choices(db, limit=CHOICES_LIMIT + 1)
    more["reviewer_id"] = len(options) > CHOICES_LIMIT
    choices["reviewer_id"] = await with_chosen(
        options[:CHOICES_LIMIT],
        values["reviewer_id"],
        lambda row_id: _author_label(db, row_id),
    )
    options = await tag_service.tag_choices(db, limit=CHOICES_LIMIT + 1)
    more["tag_ids"] = len(options) > CHOICES_LIMIT
    choices["tag_ids"] = await with_chosen(
        options[:CHOICES_LIMIT],
        values["tag_ids"],
        lambda row_id: _tag_label(db, row_id),
    )
    return choices, more


async def _filter_choices(db: AsyncSession, list_state: ListQuery) -> dict[str, list[SelectOption]]:
    """The rows listed in the filters sidebar for each filter on a related resource."""
    return {
        "author_id": await with_chosen(
            await author_service.author_choices(db, limit=CHOICES_LIMIT),
            list_state.filter_value("author_id"),
            lambda row_id: _author_label(db, row_id),
        ),
    }


async def _author_label(db: AsyncSession, author_id: int) -> str | None:
    """How a chosen author reads in a select (None if it no longer exists)."""
    try:
        return str(await author_service.get_author(db, author_id))
    except NotFoundError:
        return None


async def _tag_label(db: AsyncSession, tag_id: int) -> str | None:
    """How a chosen tag reads in a select (None if it no longer exists)."""
    try:
        return str(await tag_service.get_tag(db, tag_id))
    except NotFoundError:
        return None
