"""Database operations on comments for the API, pages and admin: the kit's `Crud`, declared."""

from sqlalchemy.orm import joinedload

from blog.kit.crud import Crud, Ref
from blog.kit.errors import Label
from blog.models.comment import Comment
from blog.models.post import Post
from blog.models.user import User

#: Rows per page when the caller does not say (`api.page_size`).
PAGE_SIZE = 20
#: Largest page the API serves (`api.max_page_size`).
MAX_PAGE_SIZE = 100

comments = Crud(
    Comment,
    label=Label("comment", "comments", "a comment"),
    load=(joinedload(Comment.post), joinedload(Comment.user)),
    search=(),
    sort=(
        Comment.id,
        Comment.created_at,
        Comment.updated_at,
        Comment.post_id,
        Comment.user_id,
        Comment.body,
        Comment.approved,
    ),
    order=(Comment.id.asc(),),
    filters=(Comment.post_id, Comment.user_id, Comment.approved),
    unique=(),
    refs=(
        Ref(Comment.post_id, Post, "post"),
        Ref(Comment.user_id, User, "user"),
    ),
    manys=(),
    referrers=(),
    page_size=PAGE_SIZE,
    max_page_size=MAX_PAGE_SIZE,
)
