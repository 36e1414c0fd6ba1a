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
    INJECT = "inject"  # hand-owned file: a wiring edit (codemod) applied
    IDENTICAL = "identical"  # already as it should be: nothing to write
    CONFLICT = "conflict"  # generated file edited by hand: not overwritten
    MANUAL = "manual"  # a wiring edit the codemod could not make: the user must add it


#: Actions that write a file.
WRITES = frozenset({Action.CREATE, Action.UPDATE, Action.INJECT})


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
        return [op for op in self.ops if op.action in WRITES]

    @property
    def problems(self) -> list[FileOp]:
        return [op for op in self.ops if op.action in (Action.CONFLICT, Action.MANUAL)]

    @property
    def changes_nothing(self) -> bool:
        return not self.writes and not self.problems
