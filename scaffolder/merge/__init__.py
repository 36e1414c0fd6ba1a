"""Three-way merges of a generated file: base (last generated), ours (on disk), theirs (new).

Python files merge definition by definition, Jinja templates block by block; other
files, and what those merges cannot handle safely, merge line by line (diff3, via
merge3).
A conflict leaves diff3 markers in the text with the user's side first.
"""

from __future__ import annotations

from scaffolder.merge.jinja import merge_jinja
from scaffolder.merge.python import merge_python
from scaffolder.merge.result import MergeResult
from scaffolder.merge.text import merge_text

__all__ = ["MergeResult", "merge"]


def merge(path: str, base: str, ours: str, theirs: str) -> MergeResult:
    """Merge a file: by definition for Python, by block for Jinja pages, by line otherwise."""
    if path.endswith(".py"):
        return merge_python(base, ours, theirs)
    if path.endswith(".html"):
        return merge_jinja(base, ours, theirs)
    return merge_text(base, ours, theirs)
