"""Three-way merge of Jinja templates keyed by block: the templates' natural regions.

Every generated page extends a base template and fills its blocks (`title`,
`content`, …). Each top-level `{% block name %}…{% endblock %}` is a chunk keyed
by its name, holding the lines above it; blocks are merged like Python
definitions (merge/chunks.py), so an edit to one block never conflicts with a
change to another. Text after the last block stays the user's. A template without
top-level blocks (a partial) merges line by line.
"""

from __future__ import annotations

import re

from scaffolder.merge.chunks import Chunk, ChunkMerger
from scaffolder.merge.result import MergeResult
from scaffolder.merge.text import merge_text

_BLOCK = re.compile(r"{%-?\s*block\s+(\w+)")
_END = re.compile(r"{%-?\s*endblock\b")


class _UnchunkableError(Exception):
    """Blocks that do not start and end on lines of their own at the top level."""


def merge_jinja(base: str, ours: str, theirs: str) -> MergeResult:
    if ours in (base, theirs):
        return MergeResult(theirs, 0, "jinja")
    if theirs == base:
        return MergeResult(ours, 0, "jinja")
    try:
        (base_chunks, _), (our_chunks, our_tail), (their_chunks, _) = (
            _chunks(text) for text in (base, ours, theirs)
        )
    except _UnchunkableError:
        return merge_text(base, ours, theirs)
    if not our_chunks or not their_chunks:
        return merge_text(base, ours, theirs)
    merger = ChunkMerger()
    lines = merger.merge(base_chunks, our_chunks, their_chunks)
    return MergeResult("".join(lines) + "".join(our_tail), merger.conflicts, "jinja")


def _chunks(text: str) -> tuple[list[Chunk], list[str]]:
    """Top-level blocks with the lines above each, and the lines after the last one."""
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    chunks: list[Chunk] = []
    start = 0
    depth = 0
    name = ""
    seen: set[str] = set()
    for index, line in enumerate(lines):
        opened = _BLOCK.findall(line)
        closed = len(_END.findall(line))
        if depth == 0 and opened:
            name = opened[0]
        depth += len(opened) - closed
        if depth < 0:
            raise _UnchunkableError("endblock without block")
        if depth == 0 and (opened or closed):
            if not name or name in seen:
                raise _UnchunkableError("a block line that does not open a new block")
            seen.add(name)
            chunks.append(Chunk(("block", name), lines[start : index + 1]))
            start = index + 1
            name = ""
    if depth != 0:
        raise _UnchunkableError("unclosed block")
    return chunks, lines[start:]
