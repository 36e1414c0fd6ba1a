"""Database operations on posts for the API, pages and admin: the kit's `Crud`, declared."""

from sqlalchemy.orm import joinedload, selectinload

from blog.kit.crud import Crud, Many, Ref, Unique
from blog.kit.deletion import Referrer
from blog.kit.errors import Label
from blog.models.author import Author
from blog.models.comment import Comment
from blog.models.post import Post
from blog.models.tag import Tag

#: Rows per page when the caller does not say (`api.page_size`).
PAGE_SIZE = 20
#: Largest page the API serves (`api.max_page_size`).
MAX_PAGE_SIZE = 100

posts = Crud(
    Post,
    label=Label("post", "posts", "a post"),
    load=(joinedload(Post.author), joinedload(Post.reviewer), selectinload(Post.tags)),
    search=(Post.title, Post.body),
    sort=(
        Post.id,
        Post.created_at,
        Post.updated_at,
        Post.title,
        Post.slug,
        Post.body,
        Post.status,
        Post.published_at,
        Post.views,
        Post.author_id,
        Post.reviewer_id,
    ),
    order=(Post.published_at.desc(), Post.title.asc(), Post.id.asc()),
    filters=(
        Post.title,
        Post.slug,
        Post.status,
        Post.published_at,
        Post.views,
        Post.author_id,
        Post.reviewer_id,
    ),
    unique=(Unique(Post.slug, "A post with this slug already exists."),),
    refs=(
        Ref(Post.author_id, Author, "author"),
        Ref(Post.reviewer_id, Author, "reviewer"),
    ),
    manys=(Many("tag_ids", Post.tags, Tag, "tags"),),
    referrers=(
        Referrer(Comment, Comment.post_id, Label("comment", "comments"), "post", "cascade"),
    ),
    page_size=PAGE_SIZE,
    max_page_size=MAX_PAGE_SIZE,
)
