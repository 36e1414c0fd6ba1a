"""Admin actions: something done to the rows ticked on a change list, after confirming.

An `Action` is a typed declaration: a name (the value of the list's action select), a
label, whether it asks first, and `run(db, rows) -> message`. `delete_selected` is
one, with its own confirmation page listing what the deletion does to other rows
(see `ModelAdmin.delete_selected`). Add yours to a `ModelAdmin(actions=…)`, e.g.

    async def publish(db: AsyncSession, posts: Sequence[Post]) -> str:
        for post in posts:
            post.status = PostStatus.PUBLISHED
        await db.commit()
        return f"Published {len(posts)} post(s)."

    actions=(delete_selected, Action("publish", "Publish selected posts", publish))
"""

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from sqlalchemy.ext.asyncio import AsyncSession

M = TypeVar("M")

#: The work of an action: change the rows, commit, say what was done.
Run = Callable[[AsyncSession, Sequence[M]], Awaitable[str]]


@dataclass(frozen=True)
class Action(Generic[M]):
    """One action of a change list (`name` is its URL part: /admin/<route>/actions/<name>)."""

    name: str
    label: str
    run: Run[M] | None = None  # None: the admin handles it itself (delete_selected)
    confirm: bool = True  # ask on a page listing the rows before running
    #: The permission the action needs (`ModelAdmin.can`): "change" or "delete".
    permission: str = "change"

    @property
    def path(self) -> str:
        """Its URL under the change list: `delete` for delete_selected, else actions/<name>."""
        return "delete" if self.run is None else f"actions/{self.name}"


#: Delete the ticked rows after a page that lists them and what their deletion does.
delete_selected: Action[Any] = Action("delete", "Delete selected", None, permission="delete")
