"""Database operations on tags for the API, pages and admin: the kit's `Crud`, declared."""

from blog.kit.crud import Crud, Unique
from blog.kit.deletion import Referrer
from blog.kit.errors import Label
from blog.models.post import Post, posts_tags
from blog.models.tag import Tag

#: Rows per page when the caller does not say (`api.page_size`).
PAGE_SIZE = 20
#: Largest page the API serves (`api.max_page_size`).
MAX_PAGE_SIZE = 100

tags = Crud(
    Tag,
    label=Label("tag", "tags", "a tag"),
    load=(),
    search=(Tag.name,),
    sort=(Tag.id, Tag.created_at, Tag.updated_at, Tag.name),
    order=(Tag.id.asc(),),
    filters=(Tag.name,),
    unique=(Unique(Tag.name, "A tag with this name already exists."),),
    refs=(),
    manys=(),
    referrers=(
        Referrer(
            Post,
            posts_tags.c.tag_id,
            Label("post", "posts"),
            "tags",
            "unlink",
            link=posts_tags.c.post_id,
        ),
    ),
    page_size=PAGE_SIZE,
    max_page_size=MAX_PAGE_SIZE,
)
