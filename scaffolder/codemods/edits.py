"""The three kinds of wiring edit scaffold makes, as small libcst transformations:

- `ensure_import`: `from X import Y [as Z]` at module level;
- `ensure_list_item`: an element at the end of a module-level list literal
  (`NAV`, `ADMIN_RESOURCES`, `__all__`);
- `ensure_statement`: a statement at the end of a function body
  (`include_routers`) or of a class body's attributes (relationships on `User`).

Presence is decided by comparing normalised code, so wiring that is already there
(written by scaffold or by hand, formatted differently) is never duplicated.
"""

from __future__ import annotations

import libcst as cst

from scaffolder.codemods import EditResult, Outcome


def _normal(code: str) -> str:
    return "".join(code.split())


def _code(node: cst.CSTNode) -> str:
    return cst.Module(body=[]).code_for_node(node)


def _parse(text: str) -> cst.Module | None:
    try:
        return cst.parse_module(text)
    except cst.ParserSyntaxError:
        return None


def ensure_import(text: str, module: str, name: str, alias: str | None = None) -> EditResult:
    """Add `from module import name [as alias]` after the module's last top-level import."""
    line = f"from {module} import {name}" + (f" as {alias}" if alias else "")
    tree = _parse(text)
    if tree is None:
        return EditResult(Outcome.UNABLE, text, f"{line}  (the file does not parse)")
    bound = alias or name
    last_import = -1
    for index, statement in enumerate(tree.body):
        if not isinstance(statement, cst.SimpleStatementLine):
            continue
        for small in statement.body:
            if isinstance(small, cst.ImportFrom) and _imports(small, module, name, bound):
                return EditResult(Outcome.PRESENT, text)
            if isinstance(small, cst.Import | cst.ImportFrom):
                last_import = index
    new_statement = cst.parse_statement(line + "\n")
    body = list(tree.body)
    body.insert(last_import + 1, new_statement)
    return EditResult(Outcome.APPLIED, tree.with_changes(body=body).code)


def _imports(node: cst.ImportFrom, module: str, name: str, bound: str) -> bool:
    if node.module is None or _code(node.module) != module:
        return False
    if isinstance(node.names, cst.ImportStar):
        return False
    for alias in node.names:
        imported = _code(alias.name)
        as_name = _code(alias.asname.name) if alias.asname else imported
        if imported == name and as_name == bound:
            return True
    return False


def ensure_list_item(text: str, variable: str, item: str) -> EditResult:
    """Append `item` (source of an expression) to the list literal assigned to `variable`."""
    manual = f"add `{item},` to the list `{variable}`"
    tree = _parse(text)
    if tree is None:
        return EditResult(Outcome.UNABLE, text, manual + " (the file does not parse)")
    for index, statement in enumerate(tree.body):
        if not isinstance(statement, cst.SimpleStatementLine):
            continue
        small = statement.body[0]
        value = _assigned_list(small, variable)
        if value is None:
            continue
        if any(_normal(_code(e.value)) == _normal(item) for e in value.elements):
            return EditResult(Outcome.PRESENT, text)
        elements = list(value.elements)
        new_element = cst.Element(cst.parse_expression(item))
        if elements:
            elements[-1] = elements[-1].with_changes(
                comma=cst.Comma(whitespace_after=cst.SimpleWhitespace(" "))
            )
        elements.append(new_element)
        new_small = small.with_changes(value=value.with_changes(elements=elements))
        body = list(tree.body)
        body[index] = statement.with_changes(body=[new_small, *statement.body[1:]])
        return EditResult(Outcome.APPLIED, tree.with_changes(body=body).code)
    return EditResult(Outcome.UNABLE, text, manual + f" (no `{variable} = [...]` found)")


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


def ensure_statement_in_function(text: str, function: str, statement: str) -> EditResult:
    """Append `statement` to the body of the module-level function `function`."""
    manual = f"add `{statement}` at the end of `{function}()`"
    tree = _parse(text)
    if tree is None:
        return EditResult(Outcome.UNABLE, text, manual + " (the file does not parse)")
    for index, node in enumerate(tree.body):
        if isinstance(node, cst.FunctionDef) and node.name.value == function:
            block = node.body
            if not isinstance(block, cst.IndentedBlock):
                break
            if any(_normal(_code(s)) == _normal(statement) for s in block.body):
                return EditResult(Outcome.PRESENT, text)
            new_block = block.with_changes(body=[*block.body, cst.parse_statement(statement)])
            body = list(tree.body)
            body[index] = node.with_changes(body=new_block)
            return EditResult(Outcome.APPLIED, tree.with_changes(body=body).code)
    return EditResult(Outcome.UNABLE, text, manual + f" (no `def {function}` found)")


def ensure_class_attribute(
    text: str, class_name: str, attribute: str, statement: str
) -> EditResult:
    """Add `statement` (defining `attribute`) after the last attribute of `class_name`.

    Comments above the first method (such as "added below this line") move above
    the new attribute, so they keep describing where generated attributes go.
    """
    manual = f"add `{statement}` to class `{class_name}`"
    tree = _parse(text)
    if tree is None:
        return EditResult(Outcome.UNABLE, text, manual + " (the file does not parse)")
    for index, node in enumerate(tree.body):
        if not (isinstance(node, cst.ClassDef) and node.name.value == class_name):
            continue
        block = node.body
        if not isinstance(block, cst.IndentedBlock):
            break
        members = list(block.body)
        if any(attribute in _assigned_names(m) for m in members):
            return EditResult(Outcome.PRESENT, text)
        position = len(members)
        for i, member in enumerate(members):
            if isinstance(member, cst.FunctionDef | cst.ClassDef):
                position = i
                break
        new = cst.parse_statement(statement)
        if position < len(members) and isinstance(new, cst.SimpleStatementLine):
            following = members[position]
            assert isinstance(following, cst.FunctionDef | cst.ClassDef)
            comments = [line for line in following.leading_lines if line.comment is not None]
            if comments:
                new = new.with_changes(leading_lines=list(following.leading_lines))
                members[position] = following.with_changes(leading_lines=[cst.EmptyLine()])
        members.insert(position, new)
        body = list(tree.body)
        body[index] = node.with_changes(body=block.with_changes(body=members))
        return EditResult(Outcome.APPLIED, tree.with_changes(body=body).code)
    return EditResult(Outcome.UNABLE, text, manual + f" (no `class {class_name}` found)")


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


def ensure_type_checking_import(text: str, module: str, name: str) -> EditResult:
    """`from module import name` inside the module's `if TYPE_CHECKING:` block (made if missing)."""
    tree = _parse(text)
    line = f"from {module} import {name}"
    if tree is None:
        return EditResult(Outcome.UNABLE, text, f"{line} under `if TYPE_CHECKING:`")
    for index, node in enumerate(tree.body):
        if isinstance(node, cst.If) and _code(node.test) == "TYPE_CHECKING":
            block = node.body
            if not isinstance(block, cst.IndentedBlock):
                break
            for statement in block.body:
                if isinstance(statement, cst.SimpleStatementLine) and any(
                    isinstance(s, cst.ImportFrom) and _imports(s, module, name, name)
                    for s in statement.body
                ):
                    return EditResult(Outcome.PRESENT, text)
            new_block = block.with_changes(body=[*block.body, cst.parse_statement(line + "\n")])
            body = list(tree.body)
            body[index] = node.with_changes(body=new_block)
            return EditResult(Outcome.APPLIED, tree.with_changes(body=body).code)
    typing_import = ensure_import(text, "typing", "TYPE_CHECKING")
    tree = _parse(typing_import.text)
    assert tree is not None
    last_import = max(
        (
            i
            for i, s in enumerate(tree.body)
            if isinstance(s, cst.SimpleStatementLine)
            and any(isinstance(x, cst.Import | cst.ImportFrom) for x in s.body)
        ),
        default=-1,
    )
    block_statement = cst.parse_statement(f"if TYPE_CHECKING:\n    {line}\n")
    block_statement = block_statement.with_changes(leading_lines=[cst.EmptyLine()])
    body = list(tree.body)
    body.insert(last_import + 1, block_statement)
    return EditResult(Outcome.APPLIED, tree.with_changes(body=body).code)


# ------------------------------------------------------------------ undoing wiring


def remove_import(text: str, module: str, name: str, alias: str | None = None) -> EditResult:
    """Remove `name [as alias]` from `from module import …` (the whole line if it was alone)."""
    tree = _parse(text)
    if tree is None:
        return EditResult(Outcome.UNABLE, text, f"remove `from {module} import {name}`")
    bound = alias or name
    body: list[cst.BaseStatement] = []
    changed = False
    for statement in tree.body:
        if isinstance(statement, cst.SimpleStatementLine) and len(statement.body) == 1:
            small = statement.body[0]
            if isinstance(small, cst.ImportFrom) and _imports(small, module, name, bound):
                assert not isinstance(small.names, cst.ImportStar)
                rest = [
                    a
                    for a in small.names
                    if not (
                        _code(a.name) == name
                        and (_code(a.asname.name) if a.asname else _code(a.name)) == bound
                    )
                ]
                changed = True
                if not rest:
                    continue
                rest[-1] = rest[-1].with_changes(comma=cst.MaybeSentinel.DEFAULT)
                statement = statement.with_changes(body=[small.with_changes(names=rest)])
        body.append(statement)
    if not changed:
        return EditResult(Outcome.PRESENT, text)
    return EditResult(Outcome.APPLIED, tree.with_changes(body=body).code)


def remove_list_item(text: str, variable: str, item: str) -> EditResult:
    """Remove `item` from the list literal assigned to `variable`."""
    tree = _parse(text)
    if tree is None:
        return EditResult(Outcome.UNABLE, text, f"remove `{item}` from `{variable}`")
    for index, statement in enumerate(tree.body):
        if not isinstance(statement, cst.SimpleStatementLine):
            continue
        small = statement.body[0]
        value = _assigned_list(small, variable)
        if value is None:
            continue
        elements = [e for e in value.elements if _normal(_code(e.value)) != _normal(item)]
        if len(elements) == len(value.elements):
            return EditResult(Outcome.PRESENT, text)
        new_small = small.with_changes(value=value.with_changes(elements=elements))
        body = list(tree.body)
        body[index] = statement.with_changes(body=[new_small, *statement.body[1:]])
        return EditResult(Outcome.APPLIED, tree.with_changes(body=body).code)
    return EditResult(Outcome.PRESENT, text)


def remove_statement_in_function(text: str, function: str, statement: str) -> EditResult:
    """Remove `statement` from the body of `function` (if nothing is left, `pass` stays)."""
    tree = _parse(text)
    if tree is None:
        return EditResult(Outcome.UNABLE, text, f"remove `{statement}` from `{function}()`")
    for index, node in enumerate(tree.body):
        if isinstance(node, cst.FunctionDef) and node.name.value == function:
            block = node.body
            if not isinstance(block, cst.IndentedBlock):
                break
            kept = [s for s in block.body if _normal(_code(s)) != _normal(statement)]
            if len(kept) == len(block.body):
                return EditResult(Outcome.PRESENT, text)
            if not kept:
                kept = [cst.parse_statement("pass\n")]
            body = list(tree.body)
            body[index] = node.with_changes(body=block.with_changes(body=kept))
            return EditResult(Outcome.APPLIED, tree.with_changes(body=body).code)
    return EditResult(Outcome.PRESENT, text)


def remove_class_attribute(text: str, class_name: str, attribute: str) -> EditResult:
    """Remove the statement defining `attribute` in `class_name`."""
    tree = _parse(text)
    if tree is None:
        return EditResult(Outcome.UNABLE, text, f"remove `{attribute}` from class `{class_name}`")
    for index, node in enumerate(tree.body):
        if isinstance(node, cst.ClassDef) and node.name.value == class_name:
            block = node.body
            if not isinstance(block, cst.IndentedBlock):
                break
            members = list(block.body)
            for i, member in enumerate(members):
                if attribute in _assigned_names(member):
                    removed = members.pop(i)
                    if i < len(members) and isinstance(removed, cst.SimpleStatementLine):
                        # keep the comments that stood above the removed attribute
                        following = members[i]
                        comments = [ln for ln in removed.leading_lines if ln.comment is not None]
                        if comments and isinstance(
                            following, cst.SimpleStatementLine | cst.FunctionDef
                        ):
                            members[i] = following.with_changes(
                                leading_lines=[*removed.leading_lines, *following.leading_lines]
                            )
                    body = list(tree.body)
                    body[index] = node.with_changes(body=block.with_changes(body=members))
                    return EditResult(Outcome.APPLIED, tree.with_changes(body=body).code)
    return EditResult(Outcome.PRESENT, text)
