"""What a blueprint template sees, generated from the model's own code and docstrings.

Templates render with `spec`, `resource` and `package`, and read only attributes of
the frozen model classes and of their views (`scaffolder/render/views.py`, which add
what generated code needs; DESIGN.md: templates never compute names or types). This
module writes their reference from the classes themselves: each class's docstring,
each field with its type and the comment the source gives it (`#: …` above it, or
`# …` after it), each property and public method with the first line of its
docstring, then those of its view; then the Jinja filters the environment adds.
"""

from __future__ import annotations

import ast
import inspect
import io
import tokenize
from types import ModuleType

#: The classes a template reaches from `spec` and `resource`, in reading order.
CLASSES = (
    ("scaffolder.model.spec", "Spec"),
    ("scaffolder.model.spec", "Resource"),
    ("scaffolder.model.names", "Names"),
    ("scaffolder.model.spec", "Field"),
    ("scaffolder.model.types", "TypeInfo"),
    ("scaffolder.model.spec", "Relation"),
    ("scaffolder.model.spec", "ReverseRelation"),
    ("scaffolder.model.spec", "Referrer"),
    ("scaffolder.model.spec", "EnumType"),
    ("scaffolder.model.spec", "EnumMember"),
    ("scaffolder.model.spec", "Default"),
    ("scaffolder.render.sql", "CheckSpec"),
    ("scaffolder.model.spec", "AdminOptions"),
    ("scaffolder.model.spec", "ApiOptions"),
    ("scaffolder.model.spec", "QueryField"),
    ("scaffolder.model.spec", "OrderKey"),
    ("scaffolder.model.spec", "Location"),
    ("scaffolder.model.spec", "Layer"),
    ("scaffolder.model.spec", "OnDelete"),
    ("scaffolder.model.types", "FieldType"),
)


#: The view templates get instead of a model class: its members are listed with the class's.
VIEWS = {
    "Default": "DefaultView",
    "Field": "FieldView",
    "Names": "NamesView",
    "OnDelete": "OnDeleteView",
    "QueryField": "QueryFieldView",
    "Referrer": "ReferrerView",
    "Relation": "RelationView",
    "Resource": "ResourceView",
    "TypeInfo": "TypeInfoView",
}


def template_context() -> str:
    """The Markdown reference of every class in `CLASSES` and of the template filters."""
    import importlib

    views = importlib.import_module("scaffolder.render.views")
    parts: list[str] = []
    for module_name, class_name in CLASSES:
        module = importlib.import_module(module_name)
        parts.append(_class_section(module, class_name, views))
    parts.append(_filters_section())
    return "\n".join(parts)


def _class_section(module: ModuleType, class_name: str, views: ModuleType) -> str:
    cls = getattr(module, class_name)
    lines = [f"## `{class_name}`", "", _first_paragraph(inspect.getdoc(cls)), ""]
    rows = _member_rows(module, class_name)
    if class_name in VIEWS:
        rows += _member_rows(views, VIEWS[class_name])
    if rows:
        lines += ["| attribute | type | meaning |", "|---|---|---|"]
        lines += [
            f"| `{name}` | {_cell(f'`{kind}`')} | {_cell(what)} |" for name, kind, what in rows
        ]
        lines.append("")
    return "\n".join(lines)


def _member_rows(module: ModuleType, class_name: str) -> list[tuple[str, str, str]]:
    """(name, type, meaning) of each public member the class's source defines."""
    cls = getattr(module, class_name)
    source = inspect.getsource(module)
    node = next(
        n for n in ast.parse(source).body if isinstance(n, ast.ClassDef) and n.name == class_name
    )
    comments = _comments(source)
    rows: list[tuple[str, str, str]] = []
    members = [n for n in node.body if not isinstance(n, ast.Expr)]
    for member in members:
        if isinstance(member, ast.AnnAssign) and isinstance(member.target, ast.Name):
            name = member.target.id
            what = _comment_for(member, comments)
            rows.append((name, ast.unparse(member.annotation), what))
        elif isinstance(member, ast.Assign) and issubclass(cls, str):  # an enum's members
            for target in member.targets:
                if isinstance(target, ast.Name):
                    value = ast.unparse(member.value)
                    rows.append((target.id, value, _comment_for(member, comments)))
        elif isinstance(member, ast.FunctionDef) and not member.name.startswith("_"):
            rows.append(_function_row(cls, member))
    return rows


def _function_row(cls: type, node: ast.FunctionDef) -> tuple[str, str, str]:
    decorators = {ast.unparse(d) for d in node.decorator_list}
    returns = ast.unparse(node.returns) if node.returns else "None"
    doc = _first_paragraph(inspect.getdoc(getattr(cls, node.name)) or "")
    if decorators & {"property", "cached_property"}:
        return node.name, returns, doc
    arguments = ", ".join(a.arg for a in node.args.args[1:])
    return f"{node.name}({arguments})", returns, doc


def _filters_section() -> str:
    from scaffolder.render.filters import FILTERS

    lines = [
        "## Filters",
        "",
        "Besides Jinja's own filters, blueprints may use:",
        "",
        "| filter | meaning |",
        "|---|---|",
    ]
    for name, function in sorted(FILTERS.items()):
        lines.append(f"| `{name}` | {_cell(_first_paragraph(inspect.getdoc(function) or ''))} |")
    return "\n".join(lines) + "\n"


def _comments(source: str) -> tuple[dict[int, str], dict[int, str]]:
    """Comments of `source` by line, without `#:` / `#`: those alone on their line, and
    those ending a line of code."""
    alone: dict[int, str] = {}
    trailing: dict[int, str] = {}
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type == tokenize.COMMENT:
            text = token.string.removeprefix("#:").removeprefix("#").strip()
            own_line = token.line.strip().startswith("#")
            (alone if own_line else trailing)[token.start[0]] = text
    return alone, trailing


def _comment_for(node: ast.stmt, comments: tuple[dict[int, str], dict[int, str]]) -> str:
    """The comment lines just above a statement, else the comment at the end of its line."""
    alone, trailing = comments
    above: list[str] = []
    line = node.lineno - 1
    while line in alone:
        above.insert(0, alone[line])
        line -= 1
    if above:
        return " ".join(above)
    return trailing.get(node.end_lineno or node.lineno, "")


def _first_paragraph(doc: str | None) -> str:
    return " ".join((doc or "").split("\n\n")[0].split())


def _cell(text: str) -> str:
    """Text for a table cell: code spans as `<code>`, so a `|` in one splits no column."""
    import html
    import re

    def code(match: re.Match[str]) -> str:
        return f"<code>{html.escape(match.group(1)).replace('|', '&#124;')}</code>"

    return re.sub(r"`([^`]+)`", code, text).replace("|", "&#124;")
