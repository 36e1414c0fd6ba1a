"""Three-way merge of Python keyed by definition.

Each version is cut into chunks, one per statement, each chunk holding the blank
lines and comments above its statement. Chunks are keyed by what they define
(`def name`, `class Name`, `name = …`, an import, the docstring) and merged as
keyed chunks (merge/chunks.py), recursing into class bodies and
`if TYPE_CHECKING:` blocks. Statement boundaries come from the standard library's
`ast` (exact line spans); chunks are exact slices of the files' lines, so
indentation and comments survive. A name scaffold drops stays while the user's
code still uses it (merge/still_used.py). If the result does not parse or lost a name
the user defined, the whole file is merged line by line instead.
"""

from __future__ import annotations

import ast

from scaffolder.merge.chunks import Chunk, ChunkMerger, Key
from scaffolder.merge.names import bound_names
from scaffolder.merge.result import MergeResult
from scaffolder.merge.still_used import keep_used_names
from scaffolder.merge.text import merge_text

#: How many times a merge puts back what the merged module still uses: a kept
#: definition may use another dropped one.
_ROUNDS = 3


class _UnsupportedShapeError(Exception):
    """A shape the chunker does not handle (e.g. two statements on one line)."""


def merge_python(base: str, ours: str, theirs: str) -> MergeResult:
    if ours in (base, theirs):
        return MergeResult(theirs, 0, "python")
    if theirs == base:
        return MergeResult(ours, 0, "python")
    try:
        chunked = [_chunk_module(text) for text in (base, ours, theirs)]
    except (SyntaxError, _UnsupportedShapeError):
        return merge_text(base, ours, theirs)
    (base_chunks, _), (our_chunks, our_tail), (their_chunks, _) = chunked
    merger = ChunkMerger()
    text = "".join(merger.merge(base_chunks, our_chunks, their_chunks)) + "".join(our_tail)
    for _ in range(_ROUNDS):  # scaffold dropped a name the user's code still uses
        kept = keep_used_names(text, base_chunks, our_chunks, their_chunks)
        if kept is None:
            break
        their_chunks, merger = kept, ChunkMerger()
        text = "".join(merger.merge(base_chunks, our_chunks, their_chunks)) + "".join(our_tail)
    if merger.conflicts == 0 and not _keeps_user_names(base, ours, text):
        return merge_text(base, ours, theirs)
    return MergeResult(text, merger.conflicts, "python")


# ------------------------------------------------------------------- chunking


def _chunk_module(text: str) -> tuple[list[Chunk], list[str]]:
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    tree = ast.parse(text)
    chunks, end = _chunk_body(tree.body, lines, 0)
    return chunks, lines[end:]


def _chunk_body(body: list[ast.stmt], lines: list[str], start: int) -> tuple[list[Chunk], int]:
    """Chunks of consecutive statements; `start` is the 0-based line where the first begins."""
    chunks: list[Chunk] = []
    seen: dict[Key, int] = {}
    position = start
    previous_end = -1
    for statement in body:
        first = _first_line(statement) - 1
        last = _last_line(statement)  # exclusive, 0-based
        if first < previous_end:
            raise _UnsupportedShapeError("several statements on one line")
        key = _key(statement)
        seen[key] = seen.get(key, 0) + 1
        if seen[key] > 1:
            key = (*key, str(seen[key]))
        chunk = Chunk(key, lines[position:last])
        nested = _nested_body(statement)
        if nested is not None and _first_line(nested[0]) - 1 > first:
            head_end = _head_end(lines, first, _first_line(nested[0]) - 1)
            chunk.head = lines[position:head_end]
            chunk.children, body_end = _chunk_body(nested, lines, head_end)
            if body_end != last:
                raise _UnsupportedShapeError("trailing lines in a block")
        chunks.append(chunk)
        position = last
        previous_end = last
    return chunks, position


def _first_line(statement: ast.stmt) -> int:
    decorators: list[ast.expr] = getattr(statement, "decorator_list", [])
    return min([statement.lineno, *(d.lineno for d in decorators)])


def _last_line(statement: ast.stmt) -> int:
    end: int | None = statement.end_lineno
    if end is None:
        raise _UnsupportedShapeError("statement without an end")
    return end


def _head_end(lines: list[str], first: int, body_first: int) -> int:
    """End (exclusive) of a block's header: blank/comment lines before the body belong to it."""
    end = body_first
    while end > first + 1 and (
        not lines[end - 1].strip() or lines[end - 1].lstrip().startswith("#")
    ):
        end -= 1
    return end


def _nested_body(statement: ast.stmt) -> list[ast.stmt] | None:
    """The body merged child by child: classes, and `if` blocks without `else`."""
    if isinstance(statement, ast.ClassDef):
        return statement.body
    if isinstance(statement, ast.If) and not statement.orelse:
        return statement.body
    return None


def _key(statement: ast.stmt) -> Key:
    if isinstance(statement, ast.FunctionDef | ast.AsyncFunctionDef):
        return ("def", statement.name)
    if isinstance(statement, ast.ClassDef):
        return ("class", statement.name)
    if isinstance(statement, ast.Assign) and len(statement.targets) == 1:
        target = statement.targets[0]
        if isinstance(target, ast.Name):
            return ("var", target.id)
    if isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name):
        return ("var", statement.target.id)
    if (
        isinstance(statement, ast.Expr)
        and isinstance(statement.value, ast.Constant)
        and isinstance(statement.value.value, str)
    ):
        return ("doc",)
    if isinstance(statement, ast.If):
        return ("if", ast.unparse(statement.test))
    return ("stmt", ast.unparse(statement))


def _keeps_user_names(base: str, ours: str, merged: str) -> bool:
    """The merge parses and still defines every name the user added."""
    try:
        kept = bound_names(ast.parse(merged))
    except SyntaxError:
        return False
    return bound_names(ast.parse(ours)) - bound_names(ast.parse(base)) <= kept
