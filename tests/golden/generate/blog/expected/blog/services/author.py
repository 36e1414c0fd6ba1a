"""Database operations on authors for the API, pages and admin: the kit's `Crud`, declared."""

from blog.kit.crud import Crud, Unique
from blog.kit.deletion import Referrer
from blog.kit.errors import Label
from blog.models.author import Author
from blog.models.post import Post

#: Rows per page when the caller does not say (`api.page_size`).
PAGE_SIZE = 20
#: Largest page the API serves (`api.max_page_size`).
MAX_PAGE_SIZE = 100

authors = Crud(
    Author,
    label=Label("author", "authors", "an author"),
    load=(),
    search=(Author.name, Author.email, Author.website),
    sort=(
        Author.id,
        Author.created_at,
        Author.updated_at,
        Author.name,
        Author.email,
        Author.bio,
        Author.website,
    ),
    order=(Author.id.asc(),),
    filters=(Author.name, Author.email, Author.website),
    unique=(Unique(Author.email, "An author with this email already exists."),),
    refs=(),
    manys=(),
    referrers=(
        Referrer(Post, Post.author_id, Label("post", "posts"), "author", "restrict"),
        Referrer(Post, Post.reviewer_id, Label("post", "posts"), "reviewer", "set_null"),
    ),
    page_size=PAGE_SIZE,
    max_page_size=MAX_PAGE_SIZE,
)
