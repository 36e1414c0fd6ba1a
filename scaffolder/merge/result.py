"""What a merge returns, whichever merged: `scaffolder.merge.merge` picks the merge."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class MergeResult:
    text: str
    conflicts: int  # number of conflicting regions (0: clean)
    how: str  # "text" | "python" | "jinja" (for reports and tests)

    @property
    def clean(self) -> bool:
        return self.conflicts == 0
