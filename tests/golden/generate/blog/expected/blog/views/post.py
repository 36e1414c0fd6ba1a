"""Web pages for posts: list, detail, create, edit and delete.

Anyone may read; creating, editing and deleting need a logged-in user (anonymous
visitors are sent to /login). Every form carries the session's CSRF token, which
`CSRFMiddleware` checks before these functions run. What is valid is decided by
`PostCreate` / `PostUpdate` and storage by the post service: these views
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
    SelectOption,
    input_value,
    with_chosen,
)
from blog.kit.ids import MAX_ID
from blog.kit.listing import ListQuery, wants_fragment
from blog.models.post import Post
from blog.schemas.post import PostCreate, PostUpdate
from blog.services import author as author_service
from blog.services import post as post_service
from blog.services import tag as tag_service
from blog.templating import render

# The session user is loaded for every page, so templates know who is logged in.
router = APIRouter(
    prefix="/posts",
    tags=["posts"],
    dependencies=[Depends(get_session_user)],
    include_in_schema=False,
)

#: How many options a select of related rows lists at most (the chosen ones are always there).
CHOICES_LIMIT = 1000


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
    """The list, searchable and sortable; htmx gets only the results when it asks.

    A page past the last shows the last one.
    """
    sort_key = _sort_key(sort)
    results = await post_service.list_posts(db, page=page, sort=sort_key, q=q)
    if page > results.pages:
        page = results.pages
        results = await post_service.list_posts(db, page=page, sort=sort_key, q=q)
    context = {
        "results": results,
        "list_state": ListQuery(path=request.url.path, q=q, sort=sort_key or "", page=page),
    }
    template = "post/_results.html" if wants_fragment(request) else "post/list.html"
    # Caches must not answer a full-page request with a fragment, or the reverse.
    return render(request, template, context, headers={"Vary": "HX-Request"})


@router.get("/new", response_class=HTMLResponse)
async def new_post(request: Request, db: DbSession, user: LoggedInUser) -> HTMLResponse:
    """The empty create form."""
    return await _form_page(request, db, None, _new_values(), {})


@router.post("/new", response_class=HTMLResponse)
async def create_post(request: Request, db: DbSession, user: LoggedInUser) -> Response:
    """Create from the submitted form, or show it again with what is wrong (422)."""
    reader = _read_form(await request.form())
    data = reader.validate(PostCreate)
    if data is not None:
        try:
            post = await post_service.create_post(db, data)
        except ConflictError as exc:
            reader.add_error(exc.field, exc.message)
        else:
            return RedirectResponse(f"/posts/{post.id}", status.HTTP_303_SEE_OTHER)
    return await _form_page(
        request, db, None, reader.values, reader.errors, status.HTTP_422_UNPROCESSABLE_CONTENT
    )


@router.get("/{post_id}", response_class=HTMLResponse)
async def show_post(request: Request, db: DbSession, post_id: int) -> HTMLResponse:
    """One post, every field."""
    post = await _get_or_404(db, post_id)
    return render(request, "post/detail.html", {"post": post})


@router.get("/{post_id}/edit", response_class=HTMLResponse)
async def edit_post(
    request: Request, db: DbSession, user: LoggedInUser, post_id: int
) -> HTMLResponse:
    """The edit form, filled with the stored values."""
    post = await _get_or_404(db, post_id)
    return await _form_page(request, db, post, _values_of(post), {})


@router.post("/{post_id}/edit", response_class=HTMLResponse)
async def update_post(
    request: Request, db: DbSession, user: LoggedInUser, post_id: int
) -> Response:
    """Save the submitted form, or show it again with what is wrong (422)."""
    post = await _get_or_404(db, post_id)
    reader = _read_form(await request.form())
    data = reader.validate(PostUpdate)
    if data is not None:
        try:
            await post_service.update_post(db, post, data)
        except ConflictError as exc:
            reader.add_error(exc.field, exc.message)
        else:
            return RedirectResponse(f"/posts/{post.id}", status.HTTP_303_SEE_OTHER)
    return await _form_page(
        request, db, post, reader.values, reader.errors, status.HTTP_422_UNPROCESSABLE_CONTENT
    )


@router.get("/{post_id}/delete", response_class=HTMLResponse)
async def confirm_delete_post(
    request: Request, db: DbSession, user: LoggedInUser, post_id: int
) -> HTMLResponse:
    """Ask before deleting (or say what forbids it): a GET never changes anything."""
    post = await _get_or_404(db, post_id)
    return await _confirm_delete_page(request, db, post)


@router.post("/{post_id}/delete", response_class=HTMLResponse)
async def delete_post(
    request: Request, db: DbSession, user: LoggedInUser, post_id: int
) -> Response:
    """Delete, then go back to the list; if other rows still need it, say so (409)."""
    post = await _get_or_404(db, post_id)
    try:
        await post_service.delete_post(db, post)
    except ConflictError as exc:
        # Read again: a refusal by the database rolled the session back.
        post = await _get_or_404(db, post_id)
        return await _confirm_delete_page(request, db, post, exc.message, status.HTTP_409_CONFLICT)
    return RedirectResponse("/posts/", status.HTTP_303_SEE_OTHER)


async def _confirm_delete_page(
    request: Request,
    db: AsyncSession,
    post: Post,
    error: str = "",
    status_code: int = status.HTTP_200_OK,
) -> HTMLResponse:
    """The confirmation page; while other rows forbid the deletion, it says which instead."""
    effects = await post_service.deletion_effects(db, [post.id])
    if effects.protected and not error:
        error = effects.refusal("the post \u201c" + str(post) + "”")
    context = {"post": post, "error": error, "effects": effects}
    return render(request, "post/confirm_delete.html", context, status_code)


async def _get_or_404(db: AsyncSession, post_id: int) -> Post:
    try:
        return await post_service.get_post(db, post_id)
    except NotFoundError as exc:
        raise HTTPException(status.HTTP_404_NOT_FOUND, exc.message) from exc


async def _form_page(
    request: Request,
    db: AsyncSession,
    post: Post | None,
    values: dict[str, FormValue],
    errors: FormErrors,
    status_code: int = status.HTTP_200_OK,
) -> HTMLResponse:
    """The create form (post is None) or the edit form, with values and error messages."""
    context = {
        "post": post,
        "values": values,
        "errors": errors,
        "choices": await _choices(db, values),
    }
    return render(request, "post/form.html", context, status_code)


def _read_form(form: FormData) -> FormReader:
    """The submitted form, input by input (input names are the schemas' field names)."""
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


async def _choices(db: AsyncSession, values: dict[str, FormValue]) -> dict[str, list[SelectOption]]:
    """The options of each select of related rows."""
    return {
        "author_id": await with_chosen(
            await author_service.author_choices(db, limit=CHOICES_LIMIT),
            values["author_id"],
            lambda row_id: _author_label(db, row_id),
        ),
        "reviewer_id": await with_chosen(
            await author_service.author_choices(db, limit=CHOICES_LIMIT),
            values["reviewer_id"],
            lambda row_id: _author_label(db, row_id),
        ),
        "tag_ids": await with_chosen(
            await tag_service.tag_choices(db, limit=CHOICES_LIMIT),
            values["tag_ids"],
            lambda row_id: _tag_label(db, row_id),
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
