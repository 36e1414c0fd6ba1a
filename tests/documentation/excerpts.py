"""The "Generated code" of the field-type reference, rendered by the real blueprints.

Each page `docs/reference/fields/<type>.md` shows an example spec,
`docs/examples/fields/<type>.yaml`. Its first resource is the documented one; the
fields of that resource whose type is the page's type are the documented fields.
This module renders every example with the tool's own renderer (resource
blueprints, migration, one ruff pass, exactly as `scaffold sync` does), then keeps
only the statements about the documented fields:

- `model.py`: module-level enums and association tables, and the model's
  attributes (column, foreign key, relationship, `<name>_ids`, table constraints);
- `schemas.py`: the attributes of the Create, Update and Read schemas;
- `migration.py`: the `create_table` operations of `upgrade()`;
- `reverse.py` (ref and many): the reverse collection on the target model.

Each excerpt is itself valid Python (a class or function header, `...`, then the
statements as generated), so the suite compiles it as well as comparing it.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

from scaffolder.model.spec import Field, Resource, Spec
from scaffolder.spec import load_spec

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "docs" / "examples" / "fields"
GENERATED = ROOT / "docs" / "_generated" / "fields"
PACKAGE = "app"
#: The blueprints whose output the pages show (the migration is rendered too).
_SHOWN_TEMPLATES = ("model.py.jinja", "schemas.py.jinja")


def field_examples() -> list[Path]:
    """The example spec of every field type page, sorted by type name."""
    return sorted(EXAMPLES.glob("*.yaml"))


@dataclass(frozen=True)
class Example:
    """One example spec, the resource it documents and the fields it is about."""

    type_name: str
    spec: Spec
    resource: Resource
    fields: tuple[Field, ...]


def load_example(path: Path) -> Example:
    spec = load_spec(path)
    resource = spec.resources[0]
    fields = tuple(f for f in resource.fields if f.type.value == path.stem)
    assert fields, f"{path}: its first resource has no `{path.stem}` field"
    return Example(path.stem, spec, resource, fields)


def render_excerpts(paths: list[Path]) -> dict[str, str]:
    """{`<type>/<part>.py`: excerpt} for every example, from one rendering and ruff pass."""
    from scaffolder.migrate.diff import diff_specs
    from scaffolder.migrate.revisions import new_revision
    from scaffolder.render.formatting import format_python
    from scaffolder.render.resource import RESOURCE_FILES, ResourceRenderer

    examples = [load_example(path) for path in paths]
    model, schemas = (f for f in RESOURCE_FILES if f.template in _SHOWN_TEMPLATES)
    tree: dict[str, str] = {}
    for example in examples:
        renderer = ResourceRenderer(example.spec, PACKAGE)
        for resource in example.spec.resources:
            for blueprint in (model, schemas):
                path = blueprint.output_path(PACKAGE, resource)
                tree[f"{example.type_name}/{path}"] = renderer.render_file(blueprint, resource)
        changes = diff_specs(None, example.spec)
        _, migration = new_revision({}, "Example.", "example", changes.upgrade, changes.downgrade)
        tree[f"{example.type_name}/migration.py"] = migration
    formatted = format_python(tree, PACKAGE)

    excerpts: dict[str, str] = {}
    for example in examples:
        prefix = f"{example.type_name}/"
        files = {p[len(prefix) :]: t for p, t in formatted.items() if p.startswith(prefix)}
        parts = {
            "model": _model_excerpt(example, files),
            "schemas": _schemas_excerpt(example, files),
            "migration": _migration_excerpt(example, files["migration.py"]),
            "reverse": _reverse_excerpt(example, files),
        }
        for part, text in parts.items():
            if text:
                excerpts[f"{prefix}{part}.py"] = text
    return excerpts


def _model_path(resource_snake: str) -> str:
    return f"{PACKAGE}/models/{resource_snake}.py"


def _interest(example: Example) -> set[str]:
    """Attribute names that belong to the documented fields."""
    names: set[str] = set()
    for f in example.fields:
        names |= {f.name, f.api_name}
        if f.column_name:
            names.add(f.column_name)
    return names


def _model_excerpt(example: Example, files: dict[str, str]) -> str:
    source = files[_model_path(example.resource.names.snake)]
    module = ast.parse(source)
    wanted_top = {f.enum.class_name for f in example.fields if f.enum is not None}
    wanted_top |= {
        f.relation.association_table
        for f in example.fields
        if f.relation is not None and f.relation.association_table
    }
    if any(f.enum is not None for f in example.fields):
        wanted_top.add("enum_values")
    columns = {f.column_name for f in example.fields if f.column_name}
    chunks = [
        _segment(source, node).lstrip("\n")
        for node in module.body
        if _defined_name(node) in wanted_top
    ]
    model = next(
        node
        for node in module.body
        if isinstance(node, ast.ClassDef) and node.name == example.resource.name
    )
    chunks.append(_class_excerpt(source, model, _interest(example), columns))
    return "\n\n\n".join(chunks) + "\n"


def _schemas_excerpt(example: Example, files: dict[str, str]) -> str:
    source = files[f"{PACKAGE}/schemas/{example.resource.names.snake}.py"]
    module = ast.parse(source)
    names = {f"{example.resource.name}{kind}" for kind in ("Create", "Update", "Read")}
    interest = {f.api_name for f in example.fields}
    chunks = [
        _class_excerpt(source, node, interest, set())
        for node in module.body
        if isinstance(node, ast.ClassDef) and node.name in names
    ]
    return "\n\n\n".join(chunks) + "\n"


def _migration_excerpt(example: Example, source: str) -> str:
    module = ast.parse(source)
    upgrade = next(
        node for node in module.body if isinstance(node, ast.FunctionDef) and node.name == "upgrade"
    )
    tables = {example.resource.names.table} | {
        f.relation.association_table
        for f in example.fields
        if f.relation is not None and f.relation.association_table
    }
    kept = [
        _segment(source, node)
        for node in upgrade.body
        if any(_is_string(arg, tables) for arg in _call_args(node))
    ]
    return "\n".join(["def upgrade() -> None:", "    ...", *kept]).replace("\n\n", "\n") + "\n"


def _reverse_excerpt(example: Example, files: dict[str, str]) -> str:
    backs: dict[str, set[str]] = {}
    for f in example.fields:
        relation = f.relation
        # a self reference shows in the model excerpt; User's collections are added to
        # the project's models/user.py by a wiring edit, not by a blueprint
        if relation is None or not example.spec.has_resource(relation.target):
            continue
        if relation.target != example.resource.name:
            backs.setdefault(relation.target, set()).add(relation.back)
    chunks: list[str] = []
    for name, names in backs.items():
        target = example.spec.resource(name)
        source = files[_model_path(target.names.snake)]
        model = next(
            node
            for node in ast.parse(source).body
            if isinstance(node, ast.ClassDef) and node.name == target.name
        )
        chunks.append(_class_excerpt(source, model, names, set()))
    return "\n\n\n".join(chunks) + ("\n" if chunks else "")


def _class_excerpt(source: str, cls: ast.ClassDef, names: set[str], columns: set[str]) -> str:
    """`class X(…):`, `...`, and the statements of its body that define `names` (or that
    are `__table_args__` naming one of `columns`), as generated."""
    header = source.splitlines()[cls.lineno - 1]
    kept: list[str] = []
    for node in cls.body:
        name = _defined_name(node)
        table_args = name == "__table_args__" and any(
            _is_string(n, columns) for n in ast.walk(node)
        )
        if name in names or table_args:
            kept.append(_segment(source, node) if kept else _segment(source, node).lstrip("\n"))
    return "\n".join([header, "    ...", *kept])


def _defined_name(node: ast.stmt) -> str | None:
    """The name a statement defines: class, function, or the target of an assignment."""
    if isinstance(node, ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
        return node.name
    if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
        return node.target.id
    if isinstance(node, ast.Assign) and len(node.targets) == 1:
        target = node.targets[0]
        return target.id if isinstance(target, ast.Name) else None
    return None


def _segment(source: str, node: ast.stmt) -> str:
    """The full lines of a statement, with its decorators and the `#:` comments above it,
    after a blank line when the generated code has one there."""
    lines = source.splitlines()
    decorators = getattr(node, "decorator_list", [])
    first = min([node.lineno, *(d.lineno for d in decorators)]) - 1
    while first > 0 and lines[first - 1].lstrip().startswith("#"):
        first -= 1
    assert node.end_lineno is not None
    blank = [""] if first > 0 and not lines[first - 1].strip() else []
    return "\n".join([*blank, *lines[first : node.end_lineno]])


def _call_args(node: ast.stmt) -> list[ast.expr]:
    """Arguments of `op.x(…)`, or of `with op.batch_alter_table(…)`."""
    calls = [node.value] if isinstance(node, ast.Expr) else []
    if isinstance(node, ast.With):
        calls = [item.context_expr for item in node.items]
    return [arg for call in calls if isinstance(call, ast.Call) for arg in call.args]


def _is_string(node: ast.AST, values: set[str]) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value in values
