"""Database operations on posts, shared by the API, the HTML views and the admin.

Every function takes the request's session and commits its own writes. Failures are
`NotFoundError` and `ConflictError` (never HTTP errors): each caller answers them its
own way. Rows come back with every relationship loaded, since the model refuses lazy
loads (`lazy="raise"`): a page of any size costs the same few queries.
The API's lists skip ORM objects altogether and read the columns they return
(`list_post_reads`).
"""

PAGE_SIZE = 20
MAX_PAGE_SIZE = 100
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
SORT_COLUMNS: dict[str, InstrumentedAttribute[Any]] = {
    column.key: column
    for column in (
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
    )
}
READ_COLUMNS = (
    Post.id,
    Post.title,
    Post.slug,
    Post.body,
    Post.status,
    Post.published_at,
    Post.views,
    Post.author_id,
    Post.reviewer_id,
    Post.created_at,
    Post.updated_at,
)
TAGS_IDS = (
    select(func.aggregate_strings(cast(posts_tags.c.tag_id, String()), ","))
    .where(posts_tags.c.post_id == Post.id)
    .scalar_subquery()
    .label("tag_ids")
)


@dataclass(frozen=True)
class PostFilters:
    """Exact-match filters of a list; None leaves a field unfiltered.

    Numbers are bounded like their columns: the admin reads these from the query string,
    and a value no column holds names no row (PostgreSQL refuses it as a parameter).
    """

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
    """One page of posts matching `filters` and the search `q`.

    A page past the end is empty, not an error."""
    ...


async def list_post_reads(
    db: AsyncSession,
    *,
    page: int = 1,
    page_size: int = PAGE_SIZE,
    sort: PostSort | None = None,
    q: str | None = None,
    filters: PostFilters | None = None,
) -> Page[PostRead]:
    """The page `list_posts` gives, read straight into what the API returns, in one query.

    Plain columns rather than ORM objects (no identity map, no relationship to load),
    the ids of tags joined by the database;
    the total comes from a subquery beside each row, so a page past the end, having no
    row to carry it, costs a second query."""
    ...


async def get_post(db: AsyncSession, post_id: int) -> Post:
    """The post with this id, relationships loaded.

    NotFoundError if there is none (an id out of range is not even looked up)."""
    ...


async def create_post(db: AsyncSession, data: PostCreate) -> Post:
    """Save a new post.

    ConflictError if a unique value is taken or a referenced row is missing."""
    ...


async def update_post(db: AsyncSession, post: Post, data: PostUpdate) -> Post:
    """Change the fields set in `data` (PATCH); `post` comes from `get_post`.

    ConflictError like `create_post`."""
    ...


async def delete_post(db: AsyncSession, post: Post) -> None:
    """Delete a post from `get_post`.

    Rows referring to it follow their `on_delete`; ConflictError, naming them, when one
    forbids it (`deletion_effects`), or when the database refuses."""
    ...


async def delete_posts(db: AsyncSession, ids: Sequence[int]) -> int:
    """Delete the posts with these ids (all or none); returns how many."""
    ...


async def deletion_effects(db: AsyncSession, ids: Sequence[int]) -> DeletionEffects:
    """What deleting the posts with these ids does to the rows referring to them.

    One query per field of the spec that refers to posts (declared
    here when scaffold generated this file), each with its `on_delete`."""
    ...


async def post_choices(
    db: AsyncSession, *, q: str | None = None, limit: int = 100
) -> list[tuple[int, str]]:
    """(id, label) pairs for select widgets, in the default order, searched like lists."""
    ...
