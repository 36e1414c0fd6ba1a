"""Database operations on posts, shared by the API, the HTML views and the admin.

`posts` is the kit's `Crud` (kit/crud.py) declared for posts: what a
list searches, sorts and filters, which values are unique, which rows must exist, what
deleting does to the rows referring to them. Change behaviour here, by declaration, or
subclass `Crud` and override a method.
"""

PAGE_SIZE = 20
MAX_PAGE_SIZE = 100
posts = Crud(
    Post,
    label=Label("post", "posts"),
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
    refs=(Ref(Post.author_id, Author, "author"), Ref(Post.reviewer_id, Author, "reviewer")),
    manys=(Many("tag_ids", Post.tags, Tag, "tags"),),
    referrers=(
        Referrer(Comment, Comment.post_id, Label("comment", "comments"), "post", "cascade"),
    ),
    page_size=PAGE_SIZE,
    max_page_size=MAX_PAGE_SIZE,
)
PostSort = Literal[
    "id",
    "-id",
    "created_at",
    "-created_at",
    "updated_at",
    "-updated_at",
    "title",
    "-title",
    "slug",
    "-slug",
    "body",
    "-body",
    "status",
    "-status",
    "published_at",
    "-published_at",
    "views",
    "-views",
    "author_id",
    "-author_id",
    "reviewer_id",
    "-reviewer_id",
]
SORT_KEYS: tuple[PostSort, ...] = get_args(PostSort)
get_post = posts.get
create_post = posts.create
update_post = posts.update
delete_post = posts.delete
delete_posts = posts.delete_many
deletion_effects = posts.deletion_effects
post_choices = posts.choices


@dataclass(frozen=True)
class PostFilters:
    """Exact-match filters of a list, typed for reading them from a query string; None
    leaves a field unfiltered. Numbers are bounded like their columns: a value no column
    holds names no row (PostgreSQL refuses it as a parameter)."""

    title: str | None = None
    slug: str | None = None
    status: PostStatus | None = None
    published_at: datetime | None = None
    views: Int32 | None = None
    author_id: Id | None = None
    reviewer_id: Id | None = None


async def list_posts(
    db: AsyncSession,
    *,
    page: int = 1,
    page_size: int = PAGE_SIZE,
    sort: PostSort | None = None,
    q: str | None = None,
    filters: PostFilters | None = None,
) -> Page[Post]:
    """One page of posts (`posts.page`)."""
    ...
