"""What deleting rows does to the rows referring to them, for confirmation pages and refusals."""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import Select, func, select
from sqlalchemy.ext.asyncio import AsyncSession

#: What deleting a row does to a row referring to it (the spec's `on_delete`): it
#: blocks the deletion, is deleted too, has its reference emptied, or (`many`) loses
#: its link.
Effect = Literal["restrict", "cascade", "set_null", "unlink"]
#: Rows named on a deletion's confirmation page, per referring field.
EXAMPLES_SHOWN = 5


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
    db: AsyncSession, query: Select[Any], *, label: str, plural_label: str, field: str, effect: Effect
) -> Referrers:
    """Count the rows `query` selects and name the first few (a group of DeletionEffects)."""
    count = await db.scalar(select(func.count()).select_from(query.subquery())) or 0
    rows: Sequence[object] = (await db.scalars(query.limit(EXAMPLES_SHOWN))).all() if count else ()
    examples = tuple(str(row) for row in rows)
    return Referrers(label, plural_label, field, effect, count, examples)
