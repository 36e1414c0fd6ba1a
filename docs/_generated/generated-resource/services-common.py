"""What every resource's service shares: pages of results and the errors services raise.

Services never raise HTTP errors: the API turns these into 404/409 answers, the
HTML views into error pages or form errors.
"""

T = TypeVar("T")


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


def escape_like(text: str) -> str:
    """`text` for a LIKE pattern, matched literally: `%`, `_` and `\\` lose their meaning."""
    ...


def id_list(joined: str | None) -> list[int]:
    """Ids the database joined into one string ("3,1,2"), in increasing order."""
    ...
