"""What every resource's service shares: pages of results and the errors services raise.

Services never raise HTTP errors: the API turns these into 404/409 answers, the
HTML views into error pages or form errors.
"""

from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Page(Generic[T]):
    """One page of a list, and where it sits in the whole list."""

    items: list[T]
    total: int  # rows matching the query, on all pages
    page: int  # 1-based
    page_size: int

    @property
    def pages(self) -> int:
        """How many pages the whole list has (at least one, even when empty)."""
        return max(1, -(-self.total // self.page_size))

    @property
    def has_previous(self) -> bool:
        return self.page > 1

    @property
    def has_next(self) -> bool:
        return self.page < self.pages


class ServiceError(Exception):
    """A request a service cannot carry out, explained for people."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        #: The offending field's API name (`slug`, `author_id`), for form errors.
        self.field = field


class NotFoundError(ServiceError):
    """No row has the requested id."""


class ConflictError(ServiceError):
    """The change breaks a database rule: a unique value is taken, a referenced row is
    missing, or other rows still refer to the one being deleted."""


def escape_like(text: str) -> str:
    r"""`text` for a LIKE pattern, matched literally: `%`, `_` and `\` lose their meaning."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def id_list(joined: str | None) -> list[int]:
    """Ids the database joined into one string ("3,1,2"), in increasing order."""
    return sorted(int(text) for text in joined.split(",")) if joined else []
