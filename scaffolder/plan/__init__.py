"""The file list is data: a Plan of FileOps, computed before anything is written.

`--dry-run` prints a plan, `--check` tests whether it is empty, and `apply` is the
only code that writes it to disk.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Action(StrEnum):
    """What happens to one file (the verbs of the report, Rails-style)."""

    CREATE = "create"  # new file
    UPDATE = "update"  # generated file, not edited since: replaced by the new rendering
    MERGE = "merge"  # generated file edited by hand and changed by scaffold: merged cleanly
    INJECT = "inject"  # hand-owned file: a wiring edit (codemod) applied
    REMOVE = "remove"  # generated file no longer generated, never edited: deleted
    IDENTICAL = "identical"  # already as it should be: nothing to write
    SKIP = "skip"  # deleted by the user: stays deleted
    KEEP = "keep"  # no longer generated but edited by hand: kept, now the user's
    CONFLICT = "conflict"  # both sides changed the same lines: diff3 markers written
    MANUAL = "manual"  # a wiring edit the codemod could not make: the user must add it


#: Actions that write a file (a conflict writes the file with its markers).
WRITES = frozenset({Action.CREATE, Action.UPDATE, Action.MERGE, Action.INJECT, Action.CONFLICT})
#: Actions that change the working tree.
CHANGES = WRITES | {Action.REMOVE}


@dataclass(frozen=True)
class FileOp:
    """One file of a plan: its action, the text to write, and what is there now."""

    action: Action
    path: str  # POSIX, relative to the project root
    text: str | None = None  # the new text (for writes)
    current: str | None = None  # the text on disk before, if any
    note: str | None = None  # why (conflicts) or what to add by hand (manual)
    owner: str | None = None  # resource (or "project") that generates the file; None: hand-owned


@dataclass
class Plan:
    """Everything a command will do, in order."""

    ops: list[FileOp] = field(default_factory=list)

    def add(self, op: FileOp) -> None:
        self.ops.append(op)

    @property
    def writes(self) -> list[FileOp]:
        return [op for op in self.ops if op.action in WRITES and op.text is not None]

    @property
    def removals(self) -> list[FileOp]:
        return [op for op in self.ops if op.action is Action.REMOVE]

    @property
    def changes(self) -> list[FileOp]:
        return [op for op in self.ops if op.action in CHANGES]

    @property
    def problems(self) -> list[FileOp]:
        """What needs the user: conflicts (new or unresolved) and wiring to add by hand."""
        return [op for op in self.ops if op.action in (Action.CONFLICT, Action.MANUAL)]

    @property
    def changes_nothing(self) -> bool:
        return not self.changes and not self.problems
