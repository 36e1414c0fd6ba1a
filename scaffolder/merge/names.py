"""The names a Python module binds and reads, as the merge checks them: that a merge
still defines every name the user added (`python`), and which names a merge left
unbound (`still_used`). One walk of the tree for both, so the two checks agree."""

from __future__ import annotations

import ast


def bound_names(tree: ast.AST) -> set[str]:
    """Every name `tree` binds anywhere: definitions, assignments and deletions,
    imports (`import a.b` binds `a`), arguments and `except … as` names."""
    bound: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store | ast.Del):
            bound.add(node.id)
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            bound.add(node.name)
        elif isinstance(node, ast.alias):
            bound.add((node.asname or node.name).split(".")[0])
        elif isinstance(node, ast.arg):
            bound.add(node.arg)
        elif isinstance(node, ast.ExceptHandler) and node.name:
            bound.add(node.name)
    return bound


def read_names(tree: ast.AST) -> set[str]:
    """Every plain name `tree` reads (`x` in `x + 1`, `x.y`, `f(x)`)."""
    return {
        node.id
        for node in ast.walk(tree)
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load)
    }
