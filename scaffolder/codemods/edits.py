"""The wiring edits scaffold makes, each with its undo:

- an import `from X import Y [as Z]` at module level (`ensure_import`);
- an element of a module-level list literal: `NAV`, `ADMIN_RESOURCES`, `__all__`
  (`ensure_list_item`);
- a statement at the end of a function (`include_routers`);
- an attribute of a class (relationships on `User`), and an import under
  `if TYPE_CHECKING:` for its annotation.

They edit text, by line: the standard library's `ast` says where each statement,
list element and imported name is, and an edit inserts or removes the lines (inside
a list or an import, the span) it concerns, so every other byte of the file — the
user's comments, blank lines, layout, hand-added lines — stays as it was. (They were
libcst transformations, whose import alone cost ~150 ms of `generate resource`.)

Presence is decided by comparing code without whitespace or comments, so wiring that
is already there (written by scaffold or by hand, formatted differently) is never
duplicated.

A run parses each wired file once into a `Document` (`apply_edits`) and edits that:
each statement is a piece of text of its own, so adding one is a list insertion
whatever the size of the file (wiring 100 resources is ~1000 edits of the same few
files). `edit_text` applies one edit to a text (the before/after tests use it).
"""

from __future__ import annotations

import ast
import io
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from scaffolder.codemods import EditedFile, EditResult, Outcome

#: (module, name, bound name) of a `from module import name [as bound]`.
Imported = tuple[str, str, str]
#: Nodes whose body the edits reach into (a class's attributes, a function's statements).
BLOCKS = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.If)


@dataclass(frozen=True)
class Change:
    """What a codemod did to a document (edited in place when `applied`)."""

    outcome: Outcome
    manual: str | None = None  # when unable: the code to add by hand, and where


@dataclass(frozen=True)
class ListInfo:
    """A list literal inside a statement's text: offsets into that text."""

    normals: tuple[str, ...]  # each element's code, without whitespace
    last_end: int | None  # just after the last element (None: empty list)
    close: int  # the closing bracket


class Piece:
    """Whole lines of a file: one statement (or those sharing its lines), or, without
    `nodes`, the blank and comment lines between statements. A block the edits reach
    into (function, class, `if`) keeps its statements apart in `body`, after its
    header `lines`. `base` is the line number lines[0] has in the nodes' positions;
    `shift` the indentation added to the lines after they were parsed."""

    def __init__(
        self,
        lines: list[str],
        nodes: tuple[ast.stmt, ...] = (),
        base: int = 1,
        body: list[Piece] | None = None,
        shift: int = 0,
    ) -> None:
        self.lines, self.nodes, self.base, self.body, self.shift = lines, nodes, base, body, shift
        self.list_info: ListInfo | None = None  # set after an append (the nodes are then stale)

    def code(self) -> str:
        head = "".join(self.lines)
        return head if self.body is None else head + "".join(p.code() for p in self.body)

    @property
    def is_gap(self) -> bool:
        return not self.nodes

    @property
    def has_comment(self) -> bool:
        return any(line.lstrip().startswith("#") for line in self.lines)

    def offset(self, lineno: int, col: int) -> int:
        """The index in `code()` (of a piece without body) of a node position."""
        row = lineno - self.base
        before = sum(len(line) for line in self.lines[:row])
        line = self.lines[row][self.shift :]
        return before + self.shift + _column(line, col)

    def source(self, node: ast.expr | ast.stmt | ast.alias) -> str:
        text = self.code()
        return text[self.offset(node.lineno, node.col_offset) : _end(self, node)]

    @cached_property
    def imports(self) -> frozenset[Imported]:
        found: set[Imported] = set()
        for node in self.nodes:
            if isinstance(node, ast.ImportFrom) and node.module and not node.level:
                module = node.module
                found.update((module, a.name, a.asname or a.name) for a in node.names)
        return frozenset(found)

    @cached_property
    def is_import(self) -> bool:
        return any(isinstance(node, ast.Import | ast.ImportFrom) for node in self.nodes)

    @cached_property
    def normal(self) -> str | None:
        """The statement's code without whitespace or comments; None for several."""
        return _normal(self.source(self.nodes[0])) if len(self.nodes) == 1 else None

    @cached_property
    def assigned(self) -> frozenset[str]:
        names: set[str] = set()
        for node in self.nodes:
            if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
                names.add(node.target.id)
            elif isinstance(node, ast.Assign):
                names.update(t.id for t in node.targets if isinstance(t, ast.Name))
        return frozenset(names)


def _column(line: str, byte_offset: int) -> int:
    """`ast`'s column (a UTF-8 byte offset) as an index into `line`."""
    if line.isascii():
        return byte_offset
    return len(line.encode("utf-8")[:byte_offset].decode("utf-8", errors="ignore"))


def _normal(code: str) -> str:
    return "".join(code.split())


class Document:
    """A Python file as pieces (`Piece`) that the edits replace, insert and remove."""

    def __init__(self, text: str) -> None:
        lines = io.StringIO(text, newline="").readlines()  # \n, \r\n and \r, as Python
        self.newline = "\r\n" if lines and lines[0].endswith("\r\n") else "\n"
        if lines and not lines[-1].endswith(("\n", "\r")):
            lines[-1] += self.newline
        module = ast.parse("".join(lines))
        self.pieces = _pieces(lines, module.body, 0, len(lines), blocks=True)

    @property
    def code(self) -> str:
        return "".join(piece.code() for piece in self.pieces)

    def statements(self, source: str, indent: str = "") -> list[Piece]:
        """`source` (statements, unindented) as pieces to insert at `indent`."""
        source = source.replace("\n", self.newline)
        pieces = Document(source).pieces
        if not indent:
            return pieces
        indented = [[indent + line if line.strip() else line for line in p.lines] for p in pieces]
        return [
            Piece(lines, p.nodes, p.base, shift=len(indent))
            for lines, p in zip(indented, pieces, strict=True)
        ]


def _pieces(
    lines: list[str], nodes: Sequence[ast.stmt], start: int, end: int, *, blocks: bool
) -> list[Piece]:
    """`lines[start:end]` as pieces: each group of statements sharing lines, and the
    lines between groups. `blocks`: module level, where blocks get their bodies."""
    pieces: list[Piece] = []
    at = start
    for group in _groups(nodes):
        first = _first_line(group[0]) - 1
        last = max(node.end_lineno or node.lineno for node in group)
        if first > at:
            pieces.append(Piece(lines[at:first], base=at + 1))
        node = group[0]
        if blocks and len(group) == 1 and _indented_block(lines, node):
            assert isinstance(node, BLOCKS)
            header = _header_end(lines, node)
            body = _pieces(lines, node.body, header, last, blocks=False)
            pieces.append(Piece(lines[first:header], tuple(group), first + 1, body))
        else:
            pieces.append(Piece(lines[first:last], tuple(group), first + 1))
        at = last
    if end > at:
        pieces.append(Piece(lines[at:end], base=at + 1))
    return pieces


def _groups(nodes: Sequence[ast.stmt]) -> list[list[ast.stmt]]:
    """Statements in groups that share lines (`a = 1; b = 2`): each a piece."""
    groups: list[list[ast.stmt]] = []
    for node in nodes:
        if groups and _first_line(node) <= (groups[-1][-1].end_lineno or 0):
            groups[-1].append(node)
        else:
            groups.append([node])
    return groups


def _first_line(node: ast.stmt) -> int:
    """A statement's first line: its first decorator's, if any."""
    if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
        return min([node.lineno, *(d.lineno for d in node.decorator_list)])
    return node.lineno


def _indented_block(lines: list[str], node: ast.stmt) -> bool:
    """A function, class or `if` (without else) whose body is on lines of its own."""
    if not isinstance(node, BLOCKS) or (isinstance(node, ast.If) and node.orelse):
        return False
    first = node.body[0]
    return not lines[_first_line(first) - 1][: first.col_offset].strip()


def _header_end(lines: list[str], node: ast.stmt) -> int:
    """The index of the first line after a block's header: its body's first statement,
    less the blank and comment lines above it (they belong to the body)."""
    assert isinstance(node, BLOCKS)
    end = _first_line(node.body[0]) - 1
    while end - 1 > node.lineno - 1 and _blank_or_comment(lines[end - 1]):
        end -= 1
    return end


def _blank_or_comment(line: str) -> bool:
    stripped = line.strip()
    return not stripped or stripped.startswith("#")


def parse(text: str) -> Document | None:
    """The document, or None when the text is not valid Python (edits are then `unable`)."""
    try:
        return Document(text)
    except (SyntaxError, ValueError):  # ValueError: a null byte
        return None


#: A codemod: the document (None if the file does not parse) → what it did.
TreeEdit = Callable[[Document | None], Change]


def apply_edits(text: str, edits: Sequence[TreeEdit]) -> tuple[str, list[str]]:
    """`text` after `edits`, in order (parsed once), and the manual steps left."""
    document = parse(text)
    manual: list[str] = []
    applied = False
    for edit in edits:
        change = edit(document)
        if change.outcome is Outcome.UNABLE:
            manual.append(change.manual or "")
        applied = applied or change.outcome is Outcome.APPLIED
    if document is None or not applied:
        return text, manual
    return document.code, manual


def run_edits(
    project: Path,
    edits: list[tuple[str, TreeEdit]],
    sources: Mapping[str, str] | None = None,
) -> dict[str, EditedFile]:
    """Apply wiring codemods in memory, in order, several per file. Pure: writes nothing.

    Files are read from disk, or from `sources` (texts this run renders anew); each
    is parsed once, whatever the number of its edits.
    """
    by_file: dict[str, list[TreeEdit]] = {}
    for path, edit in edits:
        by_file.setdefault(path, []).append(edit)
    files: dict[str, EditedFile] = {}
    for path, file_edits in by_file.items():
        original = sources[path] if sources and path in sources else _read_text(project / path)
        if original is None:
            files[path] = EditedFile(None, "", ["the file is missing"])
            continue
        text, manual = apply_edits(original, file_edits)
        files[path] = EditedFile(original, text, manual)
    return files


def _read_text(path: Path) -> str | None:
    return path.read_text(encoding="utf-8") if path.is_file() else None


def edit_text(edit: TreeEdit, text: str) -> EditResult:
    """One edit applied to a text."""
    document = parse(text)
    change = edit(document)
    if change.outcome is not Outcome.APPLIED or document is None:
        return EditResult(change.outcome, text, change.manual)
    return EditResult(change.outcome, document.code, change.manual)


def _unparsable(manual: str) -> Change:
    return Change(Outcome.UNABLE, manual + " (the file does not parse)")


def _block(
    document: Document, matches: Callable[[ast.stmt], bool]
) -> tuple[Piece, list[Piece]] | None:
    """The first module-level block `matches` selects, and its body; None when there is
    none, or its body is not on lines of its own (`def f(): pass`)."""
    for piece in document.pieces:
        if piece.nodes and matches(piece.nodes[0]):
            return (piece, piece.body) if piece.body is not None else None
    return None


def _indent(body: list[Piece]) -> str:
    first = next(p for p in body if not p.is_gap).lines[0]
    return first[: len(first) - len(first.lstrip())]


def _remove(pieces: list[Piece], index: int) -> None:
    """Remove a statement, with the blank lines above it (not comments: they stay)."""
    del pieces[index]
    if index > 0 and pieces[index - 1].is_gap and not pieces[index - 1].has_comment:
        del pieces[index - 1]


def _keep_a_statement(document: Document, body: list[Piece], indent: str) -> None:
    """A body left without statements gets `pass`, so the file stays Python."""
    if all(p.is_gap for p in body):
        body += document.statements("pass\n", indent)


def _function(name: str) -> Callable[[ast.stmt], bool]:
    return lambda node: (
        isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and (node.name == name)
    )


def _class(name: str) -> Callable[[ast.stmt], bool]:
    return lambda node: isinstance(node, ast.ClassDef) and node.name == name


def _type_checking(node: ast.stmt) -> bool:
    return (
        isinstance(node, ast.If)
        and isinstance(node.test, ast.Name)
        and node.test.id == "TYPE_CHECKING"
        and not node.orelse
    )


# ------------------------------------------------------------------ imports


def _has_import(pieces: Sequence[Piece], key: Imported) -> bool:
    return any(key in piece.imports for piece in pieces)


def _after_imports(pieces: Sequence[Piece]) -> int:
    """Where an import goes: after the last top-level import; without any, after the
    module's docstring (or at the top, below its leading comments)."""
    last = max((i for i, p in enumerate(pieces) if p.is_import), default=None)
    if last is not None:
        return last + 1
    first = next((i for i, p in enumerate(pieces) if not p.is_gap), len(pieces))
    if first < len(pieces) and _is_docstring(pieces[first].nodes[0]):
        return first + 1
    return first


def _is_docstring(node: ast.stmt) -> bool:
    return (
        isinstance(node, ast.Expr)
        and isinstance(node.value, ast.Constant)
        and isinstance(node.value.value, str)
    )


def ensure_import(
    document: Document | None, module: str, name: str, alias: str | None = None
) -> Change:
    """Add `from module import name [as alias]` after the module's last top-level import."""
    line = f"from {module} import {name}" + (f" as {alias}" if alias else "")
    if document is None:
        return Change(Outcome.UNABLE, f"{line}  (the file does not parse)")
    if _has_import(document.pieces, (module, name, alias or name)):
        return Change(Outcome.PRESENT)
    at = _after_imports(document.pieces)
    document.pieces[at:at] = document.statements(line + "\n")
    return Change(Outcome.APPLIED)


def remove_import(
    document: Document | None, module: str, name: str, alias: str | None = None
) -> Change:
    """Remove `name [as alias]` from `from module import …` (the whole statement if it was
    alone); other names, and the statement's layout and comments, stay."""
    if document is None:
        return Change(Outcome.UNABLE, f"remove `from {module} import {name}`")
    key = (module, name, alias or name)
    if not _has_import(document.pieces, key):
        return Change(Outcome.PRESENT)
    pieces = document.pieces
    while (index := next((i for i, p in enumerate(pieces) if key in p.imports), None)) is not None:
        text = _without_import(pieces[index], key)
        if text is None:
            _remove(pieces, index)
        else:
            pieces[index : index + 1] = document.statements(text)
    return Change(Outcome.APPLIED)


def _without_import(piece: Piece, key: Imported) -> str | None:
    """The text of `piece` without its first import of `key` (a name of a statement, or
    the statement of a line it shares with others); None when nothing would be left."""
    statements = piece.nodes
    for position, node in enumerate(statements):
        if not (isinstance(node, ast.ImportFrom) and node.module == key[0] and not node.level):
            continue
        names = node.names
        matching = [i for i, a in enumerate(names) if (a.name, a.asname or a.name) == key[1:]]
        if not matching:
            continue
        if len(names) > 1:
            spans = [(piece.offset(a.lineno, a.col_offset), _end(piece, a)) for a in names]
            return _without(piece.code(), spans, matching[0], trailing_comma=False)
        if len(statements) == 1:
            return None
        spans = [(piece.offset(s.lineno, s.col_offset), _end(piece, s)) for s in statements]
        return _without(piece.code(), spans, position, trailing_comma=False, separator=";")
    raise AssertionError(f"{piece.code()!r} does not import {key}")


def _end(piece: Piece, node: ast.expr | ast.stmt | ast.alias) -> int:
    """The index in `piece.code()` just after `node`."""
    assert node.end_lineno is not None
    assert node.end_col_offset is not None
    return piece.offset(node.end_lineno, node.end_col_offset)


def _without(
    text: str,
    spans: Sequence[tuple[int, int]],
    index: int,
    *,
    trailing_comma: bool,
    separator: str = ",",
) -> str:
    """`text` without the element `spans[index]` of a comma-separated sequence (a list's
    elements, an import's names): its whole lines when it stands on lines of its own,
    else the element and its comma. The last element leaves the comma before it, where
    `trailing_comma` allows it (a list: ruff then keeps one element a line)."""
    start, end = spans[index]
    line_start = text.rfind("\n", 0, start) + 1
    after = _skip_comma(text, end, separator)
    line_end = text.find("\n", after)
    rest = text[after : len(text) if line_end < 0 else line_end]
    own_line = not text[line_start:start].strip() and (not rest.strip() or rest.lstrip()[0] == "#")
    if own_line and line_end >= 0:
        return text[:line_start] + text[line_end + 1 :]
    if index + 1 < len(spans):
        return text[:start] + text[spans[index + 1][0] :]
    if index > 0 and not trailing_comma:
        return text[: spans[index - 1][1]] + text[end:]
    return text[:start] + text[after:]


def _skip_comma(text: str, at: int, separator: str = ",") -> int:
    """Past the comma (`separator`) that follows offset `at` (and the spaces after it on
    the line, unless a comment follows); `at` when none follows."""
    index = at
    while index < len(text) and text[index] in " \t":
        index += 1
    if index >= len(text) or text[index] != separator:
        return at
    index += 1
    spaced = index
    while spaced < len(text) and text[spaced] in " \t":
        spaced += 1
    return index if spaced >= len(text) or text[spaced] in "#\r\n" else spaced


def ensure_type_checking_import(document: Document | None, module: str, name: str) -> Change:
    """`from module import name` inside the module's `if TYPE_CHECKING:` block (made if missing)."""
    line = f"from {module} import {name}"
    if document is None:
        return _unparsable(f"{line} under `if TYPE_CHECKING:`")
    found = _block(document, _type_checking)
    if found is not None:
        _, body = found
        if _has_import(body, (module, name, name)):
            return Change(Outcome.PRESENT)
        body += document.statements(line + "\n", _indent(body))
        return Change(Outcome.APPLIED)
    ensure_import(document, "typing", "TYPE_CHECKING")
    at = _after_imports(document.pieces)
    block = f"\nif TYPE_CHECKING:\n    {line}\n"
    document.pieces[at:at] = document.statements(block)
    return Change(Outcome.APPLIED)


# ------------------------------------------------------------------ list items


def _list_node(piece: Piece, variable: str) -> ast.List | None:
    """The list literal `piece` assigns to `variable` (`X = [...]`, `X: T = [...]`)."""
    node = piece.nodes[0] if piece.nodes and piece.body is None else None
    if isinstance(node, ast.Assign) and len(node.targets) == 1:
        target, value = node.targets[0], node.value
    elif isinstance(node, ast.AnnAssign) and node.value is not None:
        target, value = node.target, node.value
    else:
        return None
    if isinstance(target, ast.Name) and target.id == variable and isinstance(value, ast.List):
        return value
    return None


def _list_of(piece: Piece, variable: str) -> ListInfo | None:
    """Where the elements of the list `piece` assigns to `variable` are, if it does."""
    if piece.list_info is not None:  # appended to: the nodes' positions are stale
        return piece.list_info if variable in piece.assigned else None
    value = _list_node(piece, variable)
    if value is None:
        return None
    elements = value.elts
    normals = tuple(_normal(piece.source(element)) for element in elements)
    last_end = _end(piece, elements[-1]) if elements else None
    return ListInfo(normals, last_end, _end(piece, value) - 1)


def _list_piece(document: Document, variable: str) -> tuple[int, ListInfo] | None:
    for index, piece in enumerate(document.pieces):
        info = _list_of(piece, variable) if piece.nodes else None
        if info is not None:
            return index, info
    return None


def ensure_list_item(document: Document | None, variable: str, item: str) -> Change:
    """Append `item` (source of an expression) to the list literal assigned to `variable`."""
    manual = f"add `{item},` to the list `{variable}`"
    if document is None:
        return _unparsable(manual)
    found = _list_piece(document, variable)
    if found is None:
        return Change(Outcome.UNABLE, manual + f" (no `{variable} = [...]` found)")
    index, info = found
    if _normal(item) in info.normals:
        return Change(Outcome.PRESENT)
    piece = document.pieces[index]
    text, last_end, close = _appended(piece.code(), info, item)
    appended = Piece(io.StringIO(text, newline="").readlines(), piece.nodes, piece.base)
    appended.list_info = ListInfo((*info.normals, _normal(item)), last_end, close)
    document.pieces[index] = appended
    return Change(Outcome.APPLIED)


def _appended(text: str, info: ListInfo, item: str) -> tuple[str, int, int]:
    """`text` with `item` after the list's last element: `, item` in place of the
    element's comma, as libcst did (ruff lays the list out afterwards); on a line of its
    own when a comment follows the last element, which stays where it is. The new text,
    the end of `item` in it, and the new offset of the closing bracket."""
    if info.last_end is None:
        close = info.close + len(item)
        return text[: info.close] + item + text[info.close :], close, close
    end = info.last_end
    after = _skip_comma(text, end)
    line_end = text.find("\n", after)
    if line_end < 0 or not text[after:line_end].lstrip().startswith("#"):
        added = ", " + item
        return (
            text[:end] + added + text[after:],
            end + len(added),
            info.close + len(added) - (after - end),
        )
    comma = "" if after > end else ","
    row = text[text.rfind("\n", 0, end) + 1 : end]
    indent = row[: len(row) - len(row.lstrip())]
    line = f"{indent}{item},\n"
    new = text[:end] + comma + text[end : line_end + 1] + line + text[line_end + 1 :]
    item_end = line_end + 1 + len(comma) + len(indent) + len(item)
    return new, item_end, info.close + len(comma) + len(line)


def remove_list_item(document: Document | None, variable: str, item: str) -> Change:
    """Remove `item` from the list literal assigned to `variable` (its line, if its own)."""
    if document is None:
        return _unparsable(f"remove `{item}` from `{variable}`")
    found = _list_piece(document, variable)
    wanted = _normal(item)
    if found is None or wanted not in found[1].normals:
        return Change(Outcome.PRESENT)
    while found is not None and wanted in found[1].normals:
        index, _ = found
        piece = Document(document.pieces[index].code()).pieces[0]  # positions anew
        value = _list_node(piece, variable)
        assert value is not None
        spans = [(piece.offset(e.lineno, e.col_offset), _end(piece, e)) for e in value.elts]
        at = [_normal(piece.source(e)) for e in value.elts].index(wanted)
        document.pieces[index : index + 1] = document.statements(
            _without(piece.code(), spans, at, trailing_comma=True)
        )
        found = _list_piece(document, variable)
    return Change(Outcome.APPLIED)


# ------------------------------------------------------------------ statements and attributes


def ensure_statement_in_function(
    document: Document | None, function: str, statement: str
) -> Change:
    """Append `statement` to the body of the module-level function `function`."""
    manual = f"add `{statement.strip()}` at the end of `{function}()`"
    if document is None:
        return _unparsable(manual)
    found = _block(document, _function(function))
    if found is None:
        return Change(Outcome.UNABLE, manual)
    _, body = found
    wanted = _normal(statement)
    if any(p.normal == wanted for p in body):
        return Change(Outcome.PRESENT)
    body += document.statements(statement, _indent(body))
    return Change(Outcome.APPLIED)


def remove_statement_in_function(
    document: Document | None, function: str, statement: str
) -> Change:
    """Remove `statement` from the body of `function` (if nothing is left, `pass` stays)."""
    if document is None:
        return _unparsable(f"remove `{statement.strip()}` from `{function}()`")
    found = _block(document, _function(function))
    wanted = _normal(statement)
    if found is None or not any(p.normal == wanted for p in found[1]):
        return Change(Outcome.PRESENT)
    _, body = found
    indent = _indent(body)
    for index in reversed(range(len(body))):
        if index < len(body) and body[index].normal == wanted:  # `_remove` takes two at most
            _remove(body, index)
    _keep_a_statement(document, body, indent)
    return Change(Outcome.APPLIED)


def ensure_class_attribute(
    document: Document | None, class_name: str, attribute: str, statement: str
) -> Change:
    """Add `statement` (defining `attribute`) after the last attribute of `class_name`.

    Comments above the first method (such as "added below this line") stay above
    the new attribute, so they keep describing where generated attributes go.
    """
    manual = f"add `{statement.strip()}` to class `{class_name}`"
    if document is None:
        return _unparsable(manual)
    found = _block(document, _class(class_name))
    if found is None:
        return Change(Outcome.UNABLE, manual)
    _, body = found
    if any(attribute in p.assigned for p in body):
        return Change(Outcome.PRESENT)
    new = document.statements(statement, _indent(body))
    at = next((i for i, p in enumerate(body) if p.nodes and _is_definition(p.nodes[0])), None)
    if at is None:
        body += new
    elif at > 0 and body[at - 1].is_gap and body[at - 1].has_comment:
        body[at:at] = [*new, Piece([document.newline])]  # below the comment, a line apart
    else:  # after the last attribute, above the blank lines before the method
        if at > 0 and body[at - 1].is_gap:
            at -= 1
        body[at:at] = new
    return Change(Outcome.APPLIED)


def _is_definition(node: ast.stmt) -> bool:
    return isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef)


def remove_class_attribute(document: Document | None, class_name: str, attribute: str) -> Change:
    """Remove the statement defining `attribute` in `class_name`, keeping comments above it."""
    if document is None:
        return _unparsable(f"remove `{attribute}` from class `{class_name}`")
    found = _block(document, _class(class_name))
    if found is None:
        return Change(Outcome.PRESENT)
    _, body = found
    index = next((i for i, p in enumerate(body) if attribute in p.assigned), None)
    if index is None:
        return Change(Outcome.PRESENT)
    indent = _indent(body)
    _remove(body, index)
    _keep_a_statement(document, body, indent)
    return Change(Outcome.APPLIED)
