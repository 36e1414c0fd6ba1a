"""Edits of hand-owned files (wiring): codemods that edit text where `ast` locates it.

Each codemod is idempotent and reports what it did: `applied`, `present` (nothing
to do: the wiring is already there, perhaps written by hand), or `unable` (the file
no longer has the shape the codemod edits) with the exact code the user must add.
They work on text in memory; writing is the apply step's job.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Outcome(StrEnum):
    APPLIED = "applied"
    PRESENT = "present"
    UNABLE = "unable"


@dataclass(frozen=True)
class EditResult:
    """What a codemod did to one file."""

    outcome: Outcome
    text: str  # the new text (unchanged unless applied)
    manual: str | None = None  # when unable: the code to add by hand, and where


@dataclass
class EditedFile:
    """A hand-owned file after the run's wiring edits, before it is planned."""

    original: str | None  # None: the file is missing
    text: str
    manual: list[str] = field(default_factory=list)
