"""Three-way merges of a generated file: base (last generated), ours (on disk), theirs (new).

Python files merge definition by definition, Jinja templates block by block; other
files, and what those merges cannot handle safely, merge line by line (diff3, via
merge3).
A conflict leaves diff3 markers in the text with the user's side first.
"""

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


def merge(path: str, base: str, ours: str, theirs: str) -> MergeResult:
    """Merge a file: by definition for Python, by line otherwise."""
    if path.endswith(".py"):
        from scaffolder.merge.python import merge_python

        return merge_python(base, ours, theirs)
    if path.endswith(".html"):
        from scaffolder.merge.jinja import merge_jinja

        return merge_jinja(base, ours, theirs)
    from scaffolder.merge.text import merge_text

    return merge_text(base, ours, theirs)
