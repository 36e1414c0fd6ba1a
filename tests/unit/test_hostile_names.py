"""Every name `check` accepts, rendered: no generated module may shadow or redefine its own names.

A pool of names the generated code meets (builtins, typing and library names, every
identifier the blueprints use for locals, parameters, imports and class bodies, SQL
keywords, uncountable nouns) becomes resources and fields of one spec. Whatever `check`
accepts is rendered in memory and each module must compile, pass ruff's pyflakes rules
(a name imported twice, an undefined name) and pass `_shadowing`: no function parameter
or local hides a module-level name the function also reads (a resource `Status` once
hid `fastapi.status` in its DELETE route), and no class attribute hides a module-level
name the class body reads after it (a field `relationship` would break the fields after
it). Cheap (a few seconds), unlike the e2e test of tests/e2e/specs/hostile_names.yaml,
which runs the whole toolchain on a project.
"""

from __future__ import annotations

import ast
import builtins
import keyword
import subprocess
import tempfile
from functools import cache
from pathlib import Path

import pytest

from scaffolder.errors import SpecError
from scaffolder.model.names import RESERVED_ROUTES, Names, pascal_case
from scaffolder.model.spec import Spec
from scaffolder.render.filters import RESERVED_LOCALS
from scaffolder.render.formatting import format_python, ruff_binary
from scaffolder.render.python_names import IMPORTED_NAMES
from scaffolder.render.resource import ResourceRenderer
from scaffolder.render.views import PYDANTIC_SHADOWED
from scaffolder.spec import parse_spec

PACKAGE = "app"

#: Lower-case names the generated modules import or define at module level.
MODULE_NAMES = (
    *("builtins", "cast", "dataclass", "date", "datetime", "dt", "func", "get_args", "json"),
    *("joinedload", "or_", "select", "selectinload", "time", "sa", "mapped_column"),
    *("relationship", "not_null", "field_validator", "render", "router", "status"),
    *("input_value", "json_text", "checkbox_value", "with_chosen", "escape_like", "id_list"),
    *("wants_fragment", "read_filters", "set_notice", "pop_notice", "require_staff"),
    *("get_session_user", "require_token_user", "in_database", "token_headers", "pytest"),
)
SQL_KEYWORDS = (
    *("select", "where", "group", "order", "limit", "offset", "desc", "asc", "table"),
    *("index", "column", "key", "primary", "user", "having", "join", "union", "values"),
)
BUILTIN_NAMES = tuple(n for n in dir(builtins) if n.islower() and not n.startswith("_"))
FIELD_POOL = sorted(
    {
        *RESERVED_LOCALS,
        *MODULE_NAMES,
        *SQL_KEYWORDS,
        *BUILTIN_NAMES,
        *PYDANTIC_SHADOWED,
        *keyword.softkwlist,
        *("total", "items", "kwargs", "args", "self", "cls", "enum_values", "model"),
    }
)
RESOURCE_POOL = sorted(
    {
        *IMPORTED_NAMES,
        *(pascal_case(name) for name in (*RESERVED_LOCALS, *MODULE_NAMES, *SQL_KEYWORDS)),
        *(name.capitalize() for name in keyword.kwlist if name.islower()),  # Class, Import
        *(pascal_case(route.replace(".", "_")) for route in RESERVED_ROUTES),
        *("Staff", "News", "Equipment", "Series", "Information", "Sheep", "Session", "Event"),
        *("Page", "Status", "Db", "Auth", "Admin", "Annotated", "Literal", "Optional", "Union"),
        *("Health", "Pages", "Routes", "Main", "Settings", "Csrf", "Security", "Templating"),
        *("Headers", "Nav", "Errors", "Forms", "Listing", "Passwords", "Dependencies"),
    }
)


def _accepted(spec_text: str) -> bool:
    try:
        parse_spec(spec_text, "pool.yaml")
    except SpecError:
        return False
    return True


def _field_line(name: str) -> str:
    return f"      {name}: str(20)?\n"


@cache
def accepted_fields() -> tuple[str, ...]:
    head = "version: 1\nresources:\n  Holder:\n    fields:\n      title: str(20)\n"
    return tuple(name for name in FIELD_POOL if _accepted(head + _field_line(name)))


@cache
def accepted_resources() -> tuple[str, ...]:
    def spec(name: str) -> str:
        return f"version: 1\nresources:\n  {name}:\n    fields:\n      title: str(20)\n"

    # one of URL and Url (they would share their modules), of Error and Errors (their
    # table, `errors`), of Doc and DocsIndex (their URL segment, `docs-index`)
    seen: set[tuple[str, str]] = set()
    names = []
    for name in RESOURCE_POOL:
        derived = Names.derive(name)
        keys = {
            ("module", derived.snake),
            ("table", derived.table),
            ("collection", derived.collection),
            ("route", derived.route),
        }
        if not keys & seen and _accepted(spec(name)):
            seen |= keys
            names.append(name)
    return tuple(names)


def pool_spec() -> Spec:
    """Every accepted resource name, with a ref to the next; every accepted field name on
    Holder, filtered, sorted and searched by, and as a ref on Linked."""
    fields = accepted_fields()
    names = accepted_resources()
    lines = ["version: 1", "resources:", "  Holder:", "    fields:", "      title: str(20)"]
    lines += [f"      {name}: str(20)?" for name in fields]
    lines += [
        f"    api: {{filters: [{', '.join(fields)}], sort: [{', '.join(fields)}]}}",
        f"    admin: {{search: [title, {', '.join(fields[:20])}], filters: [{fields[0]}]}}",
        "  Linked:",
        "    fields:",
        "      title: str(20)",
    ]
    lines += [
        f"      {name}: {{type: ref(Holder), nullable: true, on_delete: set_null,"
        f" back: linked_by_{name}}}"
        for name in fields
    ]
    for index, name in enumerate(names):
        target = names[(index + 1) % len(names)]
        lines += [f"  {name}:", "    fields:", "      title: str(20)"]
        lines += [
            f"      link: {{type: ref({target}), nullable: true, on_delete: set_null,"
            f" back: links_of_{pascal_to_snake(name)}}}",
            f"      many_links: {{type: many(Holder), back: many_of_{pascal_to_snake(name)}}}",
            "    admin: {search: [title], filters: [link]}",
        ]
    return parse_spec("\n".join(lines) + "\n", "pool.yaml")


def pascal_to_snake(name: str) -> str:
    from scaffolder.model.names import snake_case

    return snake_case(name)


@cache
def rendered() -> dict[str, str]:
    spec = pool_spec()
    renderer = ResourceRenderer(spec, PACKAGE)
    tree: dict[str, str] = {}
    for resource in spec.resources:
        tree.update(renderer.render(resource))
    python = {path: _unique_imports(text) for path, text in tree.items() if path.endswith(".py")}
    # Formatting all would take most of the time; only what does not compile as rendered
    # (quotes nested in an f-string, which ruff format rewrites for Python 3.11) is.
    unparsed = {path: text for path, text in python.items() if not _compiles(text)}
    return {**python, **format_python(unparsed, PACKAGE)}


def _unique_imports(text: str) -> str:
    """`text` without repeated import lines (one per field referring to a model, say),
    which the formatting pass would merge."""
    seen: set[str] = set()
    lines = []
    for line in text.splitlines(keepends=True):
        if line.startswith("from ") and " import " in line and not line.rstrip().endswith("("):
            if line in seen:
                continue
            seen.add(line)
        lines.append(line)
    return "".join(lines)


def _compiles(text: str) -> bool:
    try:
        compile(text, "<generated>", "exec")
    except SyntaxError:
        return False
    return True


def test_the_pool_is_mostly_accepted() -> None:
    """Rejections are few and deliberate: keywords, reserved attributes, generated columns."""
    assert len(accepted_fields()) > 0.8 * len(FIELD_POOL)
    assert len(accepted_resources()) > 0.9 * len(RESOURCE_POOL)
    for name in ("type", "match", "case", "json", "dict", "kwargs", "db", "total", "status"):
        assert name in accepted_fields()
    for name in ("Page", "Annotated", "Literal", "Db", "Auth", "Admin", "Status", "News"):
        assert name in accepted_resources()


def test_every_module_compiles() -> None:
    for path, text in rendered().items():
        compile(text, path, "exec")


def test_ruff_finds_no_redefined_or_undefined_name() -> None:
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        for path, text in rendered().items():
            (root / path).parent.mkdir(parents=True, exist_ok=True)
            (root / path).write_text(text, encoding="utf-8")
        result = subprocess.run(
            [
                ruff_binary(),
                "check",
                "--isolated",
                "--no-cache",
                "--select=F",
                "--ignore=F401",  # unused imports: the formatting pass drops them
                "--output-format=concise",
                ".",
            ],
            cwd=root,
            capture_output=True,
            text=True,
            check=False,
        )
    assert result.returncode == 0, result.stdout[-5000:]


@pytest.mark.parametrize("kind", ["functions", "class bodies"])
def test_no_name_hides_one_the_module_uses(kind: str) -> None:
    problems = [
        f"{path}: {problem}"
        for path, text in rendered().items()
        for problem in _shadowing(ast.parse(text), functions=kind == "functions")
    ]
    assert not problems, "\n".join(problems[:40])


def _module_names(tree: ast.Module) -> set[str]:
    names: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.Import | ast.ImportFrom):
            names.update(a.asname or a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            if not _loads(node.decorator_list) & {"pytest"}:  # fixtures are meant as parameters
                names.add(node.name)
        elif isinstance(node, ast.If):  # `if TYPE_CHECKING:` imports
            for inner in node.body:
                if isinstance(inner, ast.ImportFrom):
                    names.update(a.asname or a.name for a in inner.names)
    return names


def _loads(nodes: list[ast.stmt] | list[ast.expr]) -> set[str]:
    return {
        n.id
        for node in nodes
        for n in ast.walk(node)
        if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)
    }


def _shadowing(tree: ast.Module, *, functions: bool) -> list[str]:
    """Parameters or locals that hide a module-level name the same function reads
    (`functions`), or class attributes that hide one the class body reads after them."""
    module = _module_names(tree)
    problems: list[str] = []
    for node in ast.walk(tree):
        if functions and isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            args = node.args
            params = {a.arg for a in [*args.posonlyargs, *args.args, *args.kwonlyargs]}
            stores = {
                n.id
                for n in ast.walk(node)
                if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)
            }
            hidden = (params | stores) & module & _loads(node.body)
            problems += [f"{node.name}() hides `{name}`" for name in sorted(hidden)]
        elif not functions and isinstance(node, ast.ClassDef):
            bound: set[str] = set()
            for statement in node.body:
                if isinstance(statement, ast.FunctionDef | ast.AsyncFunctionDef):
                    used = _loads(statement.decorator_list)
                else:
                    used = _loads([statement])
                hidden = used & bound & module
                problems += [f"class {node.name} hides `{name}`" for name in sorted(hidden)]
                if isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name):
                    bound.add(statement.target.id)
                elif isinstance(statement, ast.Assign):
                    bound.update(t.id for t in statement.targets if isinstance(t, ast.Name))
    return problems
