"""Definitions and imports scaffold drops that the user's code still uses.

Scaffold drops a module-level name when its own code stops using it. A definition the
user added to the same module may still use it (a hand-written test reading the old
generated tests' `URL`, or calling a helper they imported): merged as any other chunk,
it would go and the user's code would fail with a NameError. So each such name goes
back into scaffold's side before the merge: an import joins scaffold's import from the
same module, written as ruff writes it (members ordered by type, one line or one
member per line), or else the dropped statement, cut to those names, stays where the
user had it; a variable, function or class stays as it was.
"""

from __future__ import annotations

import ast
import builtins

from scaffolder.merge.chunks import Chunk
from scaffolder.merge.names import bound_names, read_names

#: The generated projects' line length (their pyproject.toml's `[tool.ruff]`).
LINE_LENGTH = 100


def keep_used_names(
    merged: str, base: list[Chunk], ours: list[Chunk], theirs: list[Chunk]
) -> list[Chunk] | None:
    """Scaffold's chunks with what `merged` lacks for names it uses put back (dropped
    chunks the user left as they were); None when it lacks none (or the text does not
    parse: the merge's own checks decide)."""
    try:
        missing = _unbound_names(ast.parse(merged))
    except SyntaxError:
        return None
    their_keys = {chunk.key for chunk in theirs}
    our_keys = {chunk.key for chunk in ours}
    dropped = [c for c in base if c.key not in their_keys and c.key in our_keys]
    changed = False
    result = list(theirs)
    for chunk in dropped:
        if chunk.key[0] in ("var", "def", "class") and chunk.key[1] in missing:
            missing.discard(chunk.key[1])
            result.append(chunk)  # kept as the user has it
            changed = True
            continue
        statement = _import_of(chunk)
        if statement is None:
            continue
        needed = [a for a in statement.names if (a.asname or a.name) in missing]
        if not needed:
            continue
        missing -= {a.asname or a.name for a in needed}
        result = _put_back(result, chunk, statement, needed)
        changed = True
    return result if changed else None


def _unbound_names(tree: ast.Module) -> set[str]:
    """Names the module reads but binds nowhere (builtins aside)."""
    return read_names(tree) - bound_names(tree) - set(dir(builtins))


def _import_of(chunk: Chunk) -> ast.Import | ast.ImportFrom | None:
    """The module-level import statement a chunk holds, if it is one."""
    if chunk.children is not None or chunk.key[0] != "stmt":
        return None
    try:
        body = ast.parse(chunk.text).body
    except SyntaxError:
        return None
    if len(body) == 1 and isinstance(body[0], ast.Import | ast.ImportFrom):
        return body[0]
    return None


def _put_back(
    theirs: list[Chunk],
    dropped: Chunk,
    statement: ast.Import | ast.ImportFrom,
    needed: list[ast.alias],
) -> list[Chunk]:
    """`theirs` with `needed` imported again: in scaffold's import from the same module
    if it has one, else as the dropped chunk cut to `needed` (kept where the user had it)."""
    if isinstance(statement, ast.ImportFrom):
        for index, chunk in enumerate(theirs):
            own = _import_of(chunk)
            if (
                isinstance(own, ast.ImportFrom)
                and own.module == statement.module
                and own.level == statement.level
            ):
                members = _members([*own.names, *needed])
                lines = _leading(chunk) + _from_import(own, members)
                return [*theirs[:index], Chunk(chunk.key, lines), *theirs[index + 1 :]]
    cut = ast.unparse(_with_names(statement, needed)) + "\n"
    return [*theirs, Chunk(dropped.key, [*_leading(dropped), cut])]


def _members(names: list[ast.alias]) -> list[ast.alias]:
    """Distinct members in ruff's isort order: constants, classes, then the rest."""
    unique = {(a.name, a.asname): a for a in names}
    return sorted(unique.values(), key=_member_key)


def _member_key(alias: ast.alias) -> tuple[int, str, str, str]:
    name = alias.name
    kind = 0 if len(name) > 1 and name.isupper() else 1 if name[:1].isupper() else 2
    return (kind, name.lower(), name, alias.asname or "")


def _from_import(statement: ast.ImportFrom, members: list[ast.alias]) -> list[str]:
    """`from module import a, b` on one line if it fits, else one member per line."""
    module = "." * statement.level + (statement.module or "")
    parts = [a.name if a.asname is None else f"{a.name} as {a.asname}" for a in members]
    line = f"from {module} import {', '.join(parts)}"
    if len(line) <= LINE_LENGTH:
        return [line + "\n"]
    return [f"from {module} import (\n", *(f"    {part},\n" for part in parts), ")\n"]


def _with_names(
    statement: ast.Import | ast.ImportFrom, names: list[ast.alias]
) -> ast.Import | ast.ImportFrom:
    if isinstance(statement, ast.ImportFrom):
        return ast.ImportFrom(statement.module, names, statement.level)
    return ast.Import(names)


def _leading(chunk: Chunk) -> list[str]:
    """The blank and comment lines above a chunk's statement."""
    lines = chunk.lines
    count = 0
    while count < len(lines) and (not lines[count].strip() or lines[count].startswith("#")):
        count += 1
    return lines[:count]
