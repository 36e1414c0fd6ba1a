"""The wiring edits scaffold makes, as small libcst transformations, each with its undo:

- an import `from X import Y [as Z]` at module level (`ensure_import`);
- an element of a module-level list literal: `NAV`, `ADMIN_RESOURCES`, `__all__`
  (`ensure_list_item`);
- a statement at the end of a function (`include_routers`);
- an attribute of a class (relationships on `User`), and an import under
  `if TYPE_CHECKING:` for its annotation.

Presence is decided by comparing normalised code, so wiring that is already there
(written by scaffold or by hand, formatted differently) is never duplicated.

Edits work on a parsed module (`Change` in, `Change` out), so a run parses each
wired file once and prints it once however many edits it gets (`apply_edits`):
wiring 100 resources is ~800 edits of the same few files. `edit_text` applies one
edit to a text (the LibCST-style before/after tests use it).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import libcst as cst

from scaffolder.codemods import EditedFile, EditResult, Outcome

Body = list[cst.BaseStatement]
#: Edits a block's body: the new body, or None when there is nothing to do.
BlockEdit = Callable[[Body], Body | None]


@dataclass(frozen=True)
class Change:
    """What a codemod did to one parsed module (None: the file does not parse)."""

    outcome: Outcome
    tree: cst.Module | None  # the new tree (the same object unless applied)
    manual: str | None = None  # when unable: the code to add by hand, and where


#: A codemod: the module as parsed (None if it does not parse) → what it did.
TreeEdit = Callable[[cst.Module | None], Change]


def parse(text: str) -> cst.Module | None:
    """The module, or None when the text is not valid Python (edits are then `unable`)."""
    try:
        return cst.parse_module(text)
    except cst.ParserSyntaxError:
        return None


def apply_edits(text: str, edits: Sequence[TreeEdit]) -> tuple[str, list[str]]:
    """`text` after `edits`, in order (parsed and printed once), and the manual steps left."""
    tree = original = parse(text)
    manual: list[str] = []
    for edit in edits:
        change = edit(tree)
        if change.outcome is Outcome.UNABLE:
            manual.append(change.manual or "")
        tree = change.tree
    if tree is None or tree is original:
        return text, manual
    return tree.code, manual


def run_edits(
    project: Path,
    edits: list[tuple[str, TreeEdit]],
    sources: Mapping[str, str] | None = None,
) -> dict[str, EditedFile]:
    """Apply wiring codemods in memory, in order, several per file. Pure: writes nothing.

    Files are read from disk, or from `sources` (texts this run renders anew); each
    is parsed once and printed once, whatever the number of its edits.
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
    tree = parse(text)
    change = edit(tree)
    if change.outcome is not Outcome.APPLIED or change.tree is None:
        return EditResult(change.outcome, text, change.manual)
    return EditResult(change.outcome, change.tree.code, change.manual)


def _normal(code: str) -> str:
    return "".join(code.split())


@lru_cache(maxsize=1 << 16)
def _code(node: cst.CSTNode) -> str:
    """The source of a node. Nodes are immutable and hashed by identity, and an edit keeps
    the nodes it does not change, so each statement is printed once per run, not per edit."""
    return cst.Module(body=[]).code_for_node(node)


@lru_cache(maxsize=1 << 16)
def _normal_code(node: cst.CSTNode) -> str:
    return _normal(_code(node))


def _unparsable(manual: str) -> Change:
    return Change(Outcome.UNABLE, None, manual + " (the file does not parse)")


def _edit_block(
    tree: cst.Module | None,
    matches: Callable[[cst.BaseStatement], bool],
    edit: BlockEdit,
    manual: str,
    *,
    required: bool = True,
) -> Change:
    """Apply `edit` to the body of the first module-level block `matches` selects.

    A missing block is `unable` (with `manual`, the code to add by hand) when the
    edit adds wiring, and `present` (nothing to remove) when `required` is False.
    """
    if tree is None:
        return _unparsable(manual)
    for index, node in enumerate(tree.body):
        if not matches(node) or not isinstance(node, cst.FunctionDef | cst.ClassDef | cst.If):
            continue
        block = node.body
        if not isinstance(block, cst.IndentedBlock):
            break
        new_body = edit(list(block.body))
        if new_body is None:
            return Change(Outcome.PRESENT, tree)
        body = list(tree.body)
        body[index] = node.with_changes(body=block.with_changes(body=new_body))
        return Change(Outcome.APPLIED, tree.with_changes(body=body))
    if required:
        return Change(Outcome.UNABLE, tree, manual)
    return Change(Outcome.PRESENT, tree)


def _function(name: str) -> Callable[[cst.BaseStatement], bool]:
    return lambda node: isinstance(node, cst.FunctionDef) and node.name.value == name


def _class(name: str) -> Callable[[cst.BaseStatement], bool]:
    return lambda node: isinstance(node, cst.ClassDef) and node.name.value == name


def _type_checking(node: cst.BaseStatement) -> bool:
    return isinstance(node, cst.If) and _code(node.test) == "TYPE_CHECKING" and not node.orelse


# ------------------------------------------------------------------ imports


def _imports(node: cst.ImportFrom, module: str, name: str, bound: str) -> bool:
    if node.module is None or _code(node.module) != module:
        return False
    if isinstance(node.names, cst.ImportStar):
        return False
    return any(_alias_is(alias, name, bound) for alias in node.names)


def _alias_is(alias: cst.ImportAlias, name: str, bound: str) -> bool:
    imported = _code(alias.name)
    return imported == name and (_code(alias.asname.name) if alias.asname else imported) == bound


def _has_import(
    statements: Sequence[cst.BaseStatement], module: str, name: str, bound: str
) -> bool:
    key = (module, name, bound)
    return any(key in _imported(statement) for statement in statements)


@lru_cache(maxsize=1 << 16)
def _imported(statement: cst.BaseStatement) -> frozenset[tuple[str, str, str]]:
    """(module, name, bound name) of each `from module import name [as bound]` of a
    statement: worked out once per statement per run, not once per edit."""
    if not isinstance(statement, cst.SimpleStatementLine):
        return frozenset()
    found: set[tuple[str, str, str]] = set()
    for small in statement.body:
        if (
            isinstance(small, cst.ImportFrom)
            and small.module is not None
            and not isinstance(small.names, cst.ImportStar)
        ):
            module = _code(small.module)
            for alias in small.names:
                name = _code(alias.name)
                found.add((module, name, _code(alias.asname.name) if alias.asname else name))
    return frozenset(found)


@lru_cache(maxsize=1 << 16)
def _is_import(statement: cst.BaseStatement) -> bool:
    return isinstance(statement, cst.SimpleStatementLine) and any(
        isinstance(x, cst.Import | cst.ImportFrom) for x in statement.body
    )


def _last_import(statements: Sequence[cst.BaseStatement]) -> int:
    """Index of the last top-level import statement, -1 if none."""
    return max((i for i, s in enumerate(statements) if _is_import(s)), default=-1)


def ensure_import(
    tree: cst.Module | None, module: str, name: str, alias: str | None = None
) -> Change:
    """Add `from module import name [as alias]` after the module's last top-level import."""
    line = f"from {module} import {name}" + (f" as {alias}" if alias else "")
    if tree is None:
        return Change(Outcome.UNABLE, None, f"{line}  (the file does not parse)")
    if _has_import(tree.body, module, name, alias or name):
        return Change(Outcome.PRESENT, tree)
    body = list(tree.body)
    body.insert(_last_import(body) + 1, cst.parse_statement(line + "\n"))
    return Change(Outcome.APPLIED, tree.with_changes(body=body))


def remove_import(
    tree: cst.Module | None, module: str, name: str, alias: str | None = None
) -> Change:
    """Remove `name [as alias]` from `from module import …` (the whole line if it was alone)."""
    if tree is None:
        return Change(Outcome.UNABLE, None, f"remove `from {module} import {name}`")
    bound = alias or name
    if not _has_import(tree.body, module, name, bound):
        return Change(Outcome.PRESENT, tree)
    body: Body = []
    for statement in tree.body:
        small = statement.body[0] if isinstance(statement, cst.SimpleStatementLine) else None
        if isinstance(small, cst.ImportFrom) and _imports(small, module, name, bound):
            assert not isinstance(small.names, cst.ImportStar)
            rest = [a for a in small.names if not _alias_is(a, name, bound)]
            if not rest:
                continue
            rest[-1] = rest[-1].with_changes(comma=cst.MaybeSentinel.DEFAULT)
            statement = statement.with_changes(body=[small.with_changes(names=rest)])
        body.append(statement)
    return Change(Outcome.APPLIED, tree.with_changes(body=body))


def ensure_type_checking_import(tree: cst.Module | None, module: str, name: str) -> Change:
    """`from module import name` inside the module's `if TYPE_CHECKING:` block (made if missing)."""
    line = f"from {module} import {name}"

    def add(body: Body) -> Body | None:
        if _has_import(body, module, name, name):
            return None
        return [*body, cst.parse_statement(line + "\n")]

    result = _edit_block(tree, _type_checking, add, f"{line} under `if TYPE_CHECKING:`")
    if result.outcome is not Outcome.UNABLE or tree is None:
        return result
    with_typing = ensure_import(tree, "typing", "TYPE_CHECKING").tree
    assert with_typing is not None
    block = cst.parse_statement(f"if TYPE_CHECKING:\n    {line}\n")
    body = list(with_typing.body)
    body.insert(_last_import(body) + 1, block.with_changes(leading_lines=[cst.EmptyLine()]))
    return Change(Outcome.APPLIED, with_typing.with_changes(body=body))


# ------------------------------------------------------------------ list items


def _assigned_list(node: cst.BaseSmallStatement, variable: str) -> cst.List | None:
    if isinstance(node, cst.Assign) and len(node.targets) == 1:
        target, value = node.targets[0].target, node.value
    elif isinstance(node, cst.AnnAssign) and node.value is not None:
        target, value = node.target, node.value
    else:
        return None
    if isinstance(target, cst.Name) and target.value == variable and isinstance(value, cst.List):
        return value
    return None


def _edit_list(
    tree: cst.Module | None,
    variable: str,
    edit: Callable[[list[cst.BaseElement]], list[cst.BaseElement] | None],
    manual: str,
    *,
    required: bool,
) -> Change:
    if tree is None:
        return _unparsable(manual)
    for index, statement in enumerate(tree.body):
        if not isinstance(statement, cst.SimpleStatementLine):
            continue
        small = statement.body[0]
        value = _assigned_list(small, variable)
        if value is None:
            continue
        elements = edit(list(value.elements))
        if elements is None:
            return Change(Outcome.PRESENT, tree)
        new_small = small.with_changes(value=value.with_changes(elements=elements))
        body = list(tree.body)
        body[index] = statement.with_changes(body=[new_small, *statement.body[1:]])
        return Change(Outcome.APPLIED, tree.with_changes(body=body))
    if required:
        return Change(Outcome.UNABLE, tree, manual + f" (no `{variable} = [...]` found)")
    return Change(Outcome.PRESENT, tree)


def ensure_list_item(tree: cst.Module | None, variable: str, item: str) -> Change:
    """Append `item` (source of an expression) to the list literal assigned to `variable`."""

    def append(elements: list[cst.BaseElement]) -> list[cst.BaseElement] | None:
        wanted = _normal(item)
        if any(_normal_code(e.value) == wanted for e in elements):
            return None
        if elements:
            space = cst.SimpleWhitespace(" ")
            elements[-1] = elements[-1].with_changes(comma=cst.Comma(whitespace_after=space))
        return [*elements, cst.Element(cst.parse_expression(item))]

    return _edit_list(
        tree, variable, append, f"add `{item},` to the list `{variable}`", required=True
    )


def remove_list_item(tree: cst.Module | None, variable: str, item: str) -> Change:
    """Remove `item` from the list literal assigned to `variable`."""

    def drop(elements: list[cst.BaseElement]) -> list[cst.BaseElement] | None:
        kept = [e for e in elements if _normal_code(e.value) != _normal(item)]
        return None if len(kept) == len(elements) else kept

    return _edit_list(tree, variable, drop, f"remove `{item}` from `{variable}`", required=False)


# ------------------------------------------------------------------ statements and attributes


def _same_statement(statement: str) -> Callable[[cst.BaseStatement], bool]:
    wanted = _normal(statement)
    return lambda node: _normal_code(node) == wanted


def ensure_statement_in_function(tree: cst.Module | None, function: str, statement: str) -> Change:
    """Append `statement` to the body of the module-level function `function`."""

    def append(body: Body) -> Body | None:
        if any(map(_same_statement(statement), body)):
            return None
        return [*body, cst.parse_statement(statement)]

    manual = f"add `{statement.strip()}` at the end of `{function}()`"
    return _edit_block(tree, _function(function), append, manual)


def remove_statement_in_function(tree: cst.Module | None, function: str, statement: str) -> Change:
    """Remove `statement` from the body of `function` (if nothing is left, `pass` stays)."""

    def drop(body: Body) -> Body | None:
        kept = [s for s in body if not _same_statement(statement)(s)]
        if len(kept) == len(body):
            return None
        return kept or [cst.parse_statement("pass\n")]

    manual = f"remove `{statement.strip()}` from `{function}()`"
    return _edit_block(tree, _function(function), drop, manual, required=False)


def _assigned_names(node: cst.BaseStatement) -> set[str]:
    names: set[str] = set()
    if isinstance(node, cst.SimpleStatementLine):
        for small in node.body:
            if isinstance(small, cst.AnnAssign) and isinstance(small.target, cst.Name):
                names.add(small.target.value)
            elif isinstance(small, cst.Assign):
                names.update(
                    t.target.value for t in small.targets if isinstance(t.target, cst.Name)
                )
    return names


def ensure_class_attribute(
    tree: cst.Module | None, class_name: str, attribute: str, statement: str
) -> Change:
    """Add `statement` (defining `attribute`) after the last attribute of `class_name`.

    Comments above the first method (such as "added below this line") move above
    the new attribute, so they keep describing where generated attributes go.
    """

    def add(members: Body) -> Body | None:
        if any(attribute in _assigned_names(m) for m in members):
            return None
        position = next(
            (i for i, m in enumerate(members) if isinstance(m, cst.FunctionDef | cst.ClassDef)),
            len(members),
        )
        new = cst.parse_statement(statement)
        if position < len(members) and isinstance(new, cst.SimpleStatementLine):
            following = members[position]
            assert isinstance(following, cst.FunctionDef | cst.ClassDef)
            if any(line.comment is not None for line in following.leading_lines):
                new = new.with_changes(leading_lines=list(following.leading_lines))
                members[position] = following.with_changes(leading_lines=[cst.EmptyLine()])
        return [*members[:position], new, *members[position:]]

    manual = f"add `{statement.strip()}` to class `{class_name}`"
    return _edit_block(tree, _class(class_name), add, manual)


def remove_class_attribute(tree: cst.Module | None, class_name: str, attribute: str) -> Change:
    """Remove the statement defining `attribute` in `class_name`, keeping comments above it."""

    def drop(members: Body) -> Body | None:
        for i, member in enumerate(members):
            if attribute not in _assigned_names(member):
                continue
            removed = members.pop(i)
            following = members[i] if i < len(members) else None
            comments = isinstance(removed, cst.SimpleStatementLine) and any(
                line.comment is not None for line in removed.leading_lines
            )
            if comments and isinstance(following, cst.SimpleStatementLine | cst.FunctionDef):
                assert isinstance(removed, cst.SimpleStatementLine)
                members[i] = following.with_changes(
                    leading_lines=[*removed.leading_lines, *following.leading_lines]
                )
            return members
        return None

    manual = f"remove `{attribute}` from class `{class_name}`"
    return _edit_block(tree, _class(class_name), drop, manual, required=False)
