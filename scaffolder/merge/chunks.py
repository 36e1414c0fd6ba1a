"""Keyed chunks of a file, and their three-way merge (shared by the Python and Jinja merges).

A chunk is a definition (a Python statement, a Jinja block) with the lines above
it. Chunks are matched by key wherever they moved:

- changed on one side only: that side wins; on both: the chunk alone is merged
  line by line (a conflict stays inside that chunk);
- added by the user: kept where the user put it; added by scaffold: placed after
  the chunk that precedes it in the new rendering;
- removed by scaffold: dropped if the user never touched it, else a conflict;
- removed by the user: stays removed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from scaffolder.merge.text import merge_text

Key = tuple[str, ...]


@dataclass
class Chunk:
    """One statement with the lines above it; classes and `if` blocks keep their children."""

    key: Key
    lines: list[str]  # every line of the chunk, as in the file
    head: list[str] = field(default_factory=list)  # nestable: lines before the body
    children: list[Chunk] | None = None  # nestable: the body, chunked

    @property
    def text(self) -> str:
        return "".join(self.lines)


class ChunkMerger:
    """Merges keyed chunks; counts the conflicting regions it leaves."""

    def __init__(self) -> None:
        self.conflicts = 0

    def merge(self, base: list[Chunk], ours: list[Chunk], theirs: list[Chunk]) -> list[str]:
        b = {c.key: c for c in base}
        o = {c.key: c for c in ours}
        t = {c.key: c for c in theirs}
        out: list[str] = []
        for key in chunk_order(ours, theirs):
            out += self._one(b.get(key), o.get(key), t.get(key))
        return out

    def _one(self, base: Chunk | None, ours: Chunk | None, theirs: Chunk | None) -> list[str]:
        if ours is None:
            if theirs is None or base is not None:
                return []  # removed by the user: stays removed
            return theirs.lines  # added by scaffold
        if theirs is None:
            if base is None:
                return ours.lines  # added by the user
            if ours.text == base.text:
                return []  # removed by scaffold, untouched by the user
            return self._lines(base.text, ours.text, "")  # removed by scaffold, edited: conflict
        if base is None:
            base = Chunk(ours.key, [])
        if ours.text == base.text or ours.text == theirs.text:
            return theirs.lines
        if theirs.text == base.text:
            return ours.lines
        nested = (ours.children, theirs.children, base.children)
        if nested[0] is not None and nested[1] is not None:
            head = self._lines("".join(base.head), "".join(ours.head), "".join(theirs.head))
            return head + self.merge(base.children or [], nested[0], nested[1])
        return self._lines(base.text, ours.text, theirs.text)

    def _lines(self, base: str, ours: str, theirs: str) -> list[str]:
        result = merge_text(base, ours, theirs)
        self.conflicts += result.conflicts
        return result.text.splitlines(keepends=True)


def chunk_order(ours: list[Chunk], theirs: list[Chunk]) -> list[Key]:
    """The user's order, with scaffold's new chunks after their predecessor in its rendering."""
    order = [c.key for c in ours]
    placed = set(order)
    for index, chunk in enumerate(theirs):
        if chunk.key in placed:
            continue
        position = 0
        for previous in reversed(theirs[:index]):
            if previous.key in placed:
                position = order.index(previous.key) + 1
                break
        order.insert(position, chunk.key)
        placed.add(chunk.key)
    return order
