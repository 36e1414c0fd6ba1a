"""`Crud[M]`: the service of one model — get, list, create, update, delete — built from
the typed declarations each resource makes in `services/<name>.py`.

Every method takes the request's session and commits its own writes. Failures are
`NotFoundError` and `ConflictError` (never HTTP errors): each caller answers them its
own way (`kit.api` for the JSON API). Rows come back with every relationship the
declaration loads (`load`), since models refuse lazy loads (`lazy="raise"`): a page of
any size costs the same few queries.

Declarations are model attributes (`Post.title`), never names looked up at run time:
mypy catches a typo, and keys (sort keys, filter keys, field names in messages) are
the declared attributes' `key`s.

Room left for what comes next, each one place here rather than a change per resource:
- row ownership and read rules: a `scope(query, user)` step every read (get, page,
  read_page, choices, count) would go through, given the user by the caller;
- history and live updates: an `on_change(db, row, action)` hook `_commit` would call
  after a successful commit;
- per-resource permissions stay with the callers (pages, admin), which know the user.
A resource's own rule on what it saves goes in an override of `prepare`.
"""

M = TypeVar("M", bound=HasId)
T = TypeVar("T", bound=HasId)
R = TypeVar("R", bound=BaseModel)


class Unique:
    """A unique column, and what to say when a value is taken."""


class Ref(Generic[T]):
    """A reference: `column` holds the id of a row of `target` ("No author with id 3.")."""


class Many(Generic[T]):
    """A many-to-many field written as a list of ids under `key` (`tag_ids`)."""


class AnyOf(Generic[T]):
    """A filter keeping rows linked, through a many-to-many field, to the row with an id."""


Filter = QueryableAttribute[Any] | AnyOf[Any]


@dataclass(frozen=True)
class Ids:
    """The ids of a many-to-many field in the API's fast read path (`Reads`), joined by
    the database: the link table's column naming the row (`posts_tags.c.post_id`) and
    the one naming the linked row (`posts_tags.c.tag_id`)."""

    key: str
    owner: Column[Any]
    target: Column[Any]


@dataclass(frozen=True)
class Reads(Generic[R]):
    """What the API's lists return, read as plain columns (`Crud.read_page`)."""

    schema: type[R]
    columns: tuple[QueryableAttribute[Any], ...]
    ids: tuple[Ids, ...] = ()


class Crud(Generic[M]):
    """The service of one model, from its declarations (see the module docstring)."""

    @property
    def sort_keys(self) -> tuple[str, ...]:
        """Every sort key: `title`, `-title`, …"""
        ...

    def sort_key(self, text: str) -> str | None:
        """The sort key `text` names (from a query string), None (default order) if none."""
        ...

    async def get(self, db: AsyncSession, row_id: int) -> M:
        """The row with this id, relationships loaded; NotFoundError if there is none
        (an id out of range is not even looked up)."""
        ...

    async def page(
        self, db: AsyncSession, params: ListParams, load: Sequence[LoaderOption] | None = None
    ) -> Page[M]:
        """One page of rows matching the filters and the search `q`, with the relationships
        `load` names (default: the declared `load`; a list showing fewer loads fewer)."""
        ...

    async def read_page(self, db: AsyncSession, params: ListParams, reads: Reads[R]) -> Page[R]:
        """The page `page` gives, read straight into what the API returns, in one query.

        The read path of the API's lists — the place to make them faster. Plain columns
        rather than ORM objects (no identity map, no relationship to load), the ids of
        many-to-many fields joined by the database; the total comes from a subquery
        beside each row, so a page past the end, having no row to carry it, costs a
        second query."""
        ...

    async def count(self, db: AsyncSession, params: ListParams | None = None) -> int:
        """How many rows match `params` (all rows without), on all pages."""
        ...

    async def choices(
        self, db: AsyncSession, q: str | None = None, limit: int = 100
    ) -> list[tuple[int, str]]:
        """(id, label) pairs for select widgets, in the default order, searched like lists."""
        ...

    async def label_of(self, db: AsyncSession, row_id: int) -> str | None:
        """How the row with this id reads (`str(row)`) in a select; None if there is none."""
        ...

    async def create(self, db: AsyncSession, data: BaseModel) -> M:
        """Save a new row from a Create schema.

        ConflictError, naming the field, if a unique value is taken or a referenced
        row is missing."""
        ...

    async def update(self, db: AsyncSession, row: M, data: BaseModel) -> M:
        """Change the fields set in an Update schema (PATCH); `row` comes from `get`.

        ConflictError like `create`."""
        ...

    def prepare(self, values: dict[str, Any], row: M | None) -> None:
        """Change what is about to be saved, before the checks: `values` are the schema's
        (by API key, many-to-many ids left out), `row` None when creating.

        Does nothing; override it in a subclass for a rule of the resource, e.g. "a post
        published without a date is dated now"."""
        ...

    async def delete(self, db: AsyncSession, row: M) -> None:
        """Delete a row from `get`.

        Rows referring to it follow their `on_delete`; ConflictError, naming them, when
        one forbids it (`deletion_effects`), or when the database refuses."""
        ...

    async def delete_many(self, db: AsyncSession, ids: Sequence[int]) -> int:
        """Delete the rows with these ids (all or none); returns how many."""
        ...

    async def deletion_effects(self, db: AsyncSession, ids: Sequence[int]) -> DeletionEffects:
        """What deleting the rows with these ids does to the rows referring to them:
        one query per declared referrer, each with its `on_delete`."""
        ...

    def conditions(self, params: ListParams) -> list[ColumnElement[bool]]:
        """WHERE conditions of a list: its filters, and `q` searched in the declared columns."""
        ...

    def order_by(self, sort: str | None) -> list[ColumnElement[Any]]:
        """ORDER BY of a list: the sort key, else the default order; the id breaks ties."""
        ...


def escape_like(text: str) -> str:
    """`text` for a LIKE pattern, matched literally: `%`, `_` and `\\` lose their meaning."""
    ...
