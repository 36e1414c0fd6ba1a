"""The public interface of generated modules, as the blueprints render it today.

`docs/generated-resource.md` shows what the service of a resource offers. Rather than
a hand-written sketch that drifts, this renders the bundled blog example's modules
and keeps their public surface: constants and type aliases as written, classes and
functions with their signatures and docstrings, bodies replaced by `...`.
"""

from __future__ import annotations

import ast

#: The bundled example, and the generated modules whose interface the page shows.
EXAMPLE = "blog"
MODULES = {
    "post-service.py": ("Post", "service.py.jinja"),
}
#: Modules of the kit (the project skeleton) the page shows, by their skeleton template.
KIT_MODULES = {"kit-crud.py": "crud.py.jinja"}


def interfaces() -> dict[str, str]:
    from scaffolder.examples import example_path
    from scaffolder.render.blueprints import bundled_blueprints
    from scaffolder.render.formatting import format_python
    from scaffolder.render.resource import RESOURCE_FILES, ResourceRenderer
    from scaffolder.spec import load_spec

    spec = load_spec(example_path(EXAMPLE))
    renderer = ResourceRenderer(spec, EXAMPLE)
    blueprints = {f.template: f for f in RESOURCE_FILES}
    tree = {
        name: renderer.render_file(blueprints[template], spec.resource(resource))
        for name, (resource, template) in MODULES.items()
    }
    # The kit's templates only name the package: no Copier run needed to show them.
    kit = bundled_blueprints() / "project" / "template" / "{{ package_name }}" / "kit"
    for name, template in KIT_MODULES.items():
        tree[name] = (kit / template).read_text().replace("{{ package_name }}", EXAMPLE)
    formatted = format_python(tree, EXAMPLE)
    stubs = {name: _stub(text) for name, text in formatted.items()}
    return format_python(stubs, EXAMPLE)


def _stub(source: str) -> str:
    module = ast.parse(source)
    kept: list[ast.stmt] = []
    for node in module.body:
        if isinstance(node, ast.Import | ast.ImportFrom | ast.If) or _private(node):
            continue
        kept.append(_without_bodies(node))
    return ast.unparse(ast.Module(body=kept, type_ignores=[])) + "\n"


def _private(node: ast.stmt) -> bool:
    name = getattr(node, "name", None)
    if isinstance(node, ast.Assign | ast.AnnAssign):
        target = node.targets[0] if isinstance(node, ast.Assign) else node.target
        name = target.id if isinstance(target, ast.Name) else None
    return isinstance(name, str) and name.startswith("_")


def _without_bodies(node: ast.stmt) -> ast.stmt:
    """Functions keep their signature and docstring; classes keep their public members."""
    if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
        docstring = ast.get_docstring(node)
        node.body = [ast.Expr(ast.Constant(docstring))] if docstring else []
        node.body.append(ast.Expr(ast.Constant(...)))
    elif isinstance(node, ast.ClassDef):
        node.body = [_without_bodies(n) for n in node.body if not _private(n)] or [
            ast.Expr(ast.Constant(...))
        ]
    return node
