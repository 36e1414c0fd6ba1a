"""What every resource's service shares: pages of results and the errors services raise.

Services never raise HTTP errors: the API turns these into 404/409 answers, the
HTML views into error pages or form errors.
"""

T = TypeVar("T")
MAX_ID = 2147483647
Effect = Literal["restrict", "cascade", "set_null", "unlink"]
EXAMPLES_SHOWN = 5


@dataclass(frozen=True)
class Page(Generic[T]):
    """One page of a list, and where it sits in the whole list."""

    items: list[T]
    total: int
    page: int
    page_size: int

    @property
    def pages(self) -> int:
        """How many pages the whole list has (at least one, even when empty)."""
        ...

    @property
    def has_previous(self) -> bool: ...

    @property
    def has_next(self) -> bool: ...


class ServiceError(Exception):
    """A request a service cannot carry out, explained for people."""


class NotFoundError(ServiceError):
    """No row has the requested id."""


class ConflictError(ServiceError):
    """The change breaks a database rule: a unique value is taken, a referenced row is
    missing, or other rows still refer to the one being deleted."""


def is_id(value: int) -> bool:
    """Whether `value` could be the id of a row (1 to MAX_ID)."""
    ...


def parse_id(text: str) -> int | None:
    """The id written in `text` (ASCII digits, within range), else None.

    `str.isdigit` accepts `²` and `٣`, which `int()` then refuses or reads."""
    ...


@dataclass(frozen=True)
class Referrers:
    """The rows of one resource that refer, through one field, to rows being deleted."""

    label: str
    plural_label: str
    field: str
    effect: Effect
    count: int
    examples: tuple[str, ...]

    @property
    def noun(self) -> str:
        """The referring resource, singular or plural as `count` wants."""
        ...

    @property
    def more(self) -> int:
        """How many rows `examples` leaves out."""
        ...


@dataclass(frozen=True)
class DeletionEffects:
    """What deleting some rows would do to the rows referring to them, one group per
    referring field (see each service's `deletion_effects`). Only the direct referrers:
    the database still has the last word on rows further away."""

    groups: tuple[Referrers, ...] = ()

    @property
    def protected(self) -> list[Referrers]:
        """Rows that forbid the deletion (`on_delete: restrict`)."""
        ...

    @property
    def deleted(self) -> list[Referrers]:
        """Rows deleted along (`on_delete: cascade`)."""
        ...

    @property
    def detached(self) -> list[Referrers]:
        """Rows kept that would no longer refer to them (`set_null`, `many` links)."""
        ...

    def refusal(self, what: str) -> str:
        """Why `what` ("the author “Ada”") cannot be deleted, naming the rows in the way."""
        ...


async def find_referrers(
    db: AsyncSession,
    query: Select[Any],
    *,
    label: str,
    plural_label: str,
    field: str,
    effect: Effect,
) -> Referrers:
    """Count the rows `query` selects and name the first few (a group of DeletionEffects)."""
    ...


def escape_like(text: str) -> str:
    """`text` for a LIKE pattern, matched literally: `%`, `_` and `\\` lose their meaning."""
    ...


def id_list(joined: str | None) -> list[int]:
    """Ids the database joined into one string ("3,1,2"), in increasing order."""
    ...
