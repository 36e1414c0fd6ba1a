"""What every resource's service shares: pages of results and the errors services raise.

Services never raise HTTP errors: the API turns these into 404/409 answers, the
HTML views into error pages or form errors.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Generic, Literal, TypeVar

from sqlalchemy import Select, func, select
from sqlalchemy.ext.asyncio import AsyncSession

T = TypeVar("T")

#: The largest id (an INTEGER column): larger ones name no row, and are never queried
#: (PostgreSQL refuses them as parameters; SQLite past 2**63).
MAX_ID = 2_147_483_647
#: What deleting a row does to a row referring to it (the spec's `on_delete`): it
#: blocks the deletion, is deleted too, has its reference emptied, or (`many`) loses
#: its link.
Effect = Literal["restrict", "cascade", "set_null", "unlink"]
#: Rows named on a deletion's confirmation page, per referring field.
EXAMPLES_SHOWN = 5


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


def is_id(value: int) -> bool:
    """Whether `value` could be the id of a row (1 to MAX_ID)."""
    return 1 <= value <= MAX_ID


def parse_id(text: str) -> int | None:
    """The id written in `text` (ASCII digits, within range), else None.

    `str.isdigit` accepts `²` and `٣`, which `int()` then refuses or reads.
    """
    if not (text.isascii() and text.isdigit()):
        return None
    value = int(text)
    return value if is_id(value) else None


@dataclass(frozen=True)
class Referrers:
    """The rows of one resource that refer, through one field, to rows being deleted."""

    label: str  # the referring resource: "post"
    plural_label: str  # "posts"
    field: str  # the referring field: "author"
    effect: Effect
    count: int
    #: The first rows, as text (`str(row)`), up to EXAMPLES_SHOWN.
    examples: tuple[str, ...]

    @property
    def noun(self) -> str:
        """The referring resource, singular or plural as `count` wants."""
        return self.label if self.count == 1 else self.plural_label

    @property
    def more(self) -> int:
        """How many rows `examples` leaves out."""
        return self.count - len(self.examples)

    def __str__(self) -> str:
        """`2 posts (author): “First”, “Second”`."""
        named = ", ".join(f"“{example}”" for example in self.examples)
        if self.more:
            named += f" and {self.more} more"
        return f"{self.count} {self.noun} ({self.field}): {named}"


@dataclass(frozen=True)
class DeletionEffects:
    """What deleting some rows would do to the rows referring to them, one group per
    referring field (see each service's `deletion_effects`). Only the direct referrers:
    the database still has the last word on rows further away."""

    groups: tuple[Referrers, ...] = ()

    def _with(self, *effects: Effect) -> list[Referrers]:
        return [group for group in self.groups if group.count and group.effect in effects]

    @property
    def protected(self) -> list[Referrers]:
        """Rows that forbid the deletion (`on_delete: restrict`)."""
        return self._with("restrict")

    @property
    def deleted(self) -> list[Referrers]:
        """Rows deleted along (`on_delete: cascade`)."""
        return self._with("cascade")

    @property
    def detached(self) -> list[Referrers]:
        """Rows kept that would no longer refer to them (`set_null`, `many` links)."""
        return self._with("set_null", "unlink")

    def refusal(self, what: str) -> str:
        """Why `what` ("the author “Ada”") cannot be deleted, naming the rows in the way."""
        blocking = "; ".join(str(group) for group in self.protected)
        return (
            f"Cannot delete {what}, which other rows refer to: {blocking}. "
            "Change or delete those first."
        )


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
    count = await db.scalar(select(func.count()).select_from(query.subquery())) or 0
    rows: Sequence[object] = (await db.scalars(query.limit(EXAMPLES_SHOWN))).all() if count else ()
    examples = tuple(str(row) for row in rows)
    return Referrers(label, plural_label, field, effect, count, examples)


def escape_like(text: str) -> str:
    r"""`text` for a LIKE pattern, matched literally: `%`, `_` and `\` lose their meaning."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def id_list(joined: str | None) -> list[int]:
    """Ids the database joined into one string ("3,1,2"), in increasing order."""
    return sorted(int(text) for text in joined.split(",")) if joined else []
