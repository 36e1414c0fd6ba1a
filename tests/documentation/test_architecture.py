"""docs/architecture.md draws scaffolder's layers from the contract the suite enforces.

The diagram is generated from `[tool.importlinter]` in pyproject.toml (which
tests/test_layers.py runs), so the page cannot drift from the code. After changing
the layers, `pytest tests/documentation --update-golden` refreshes
docs/_generated/layers.txt; review the diff.
"""

from __future__ import annotations

import ast
import re
import tomllib

from documentation.golden import check_file
from documentation.pages import GENERATED, ROOT


def layers() -> list[str]:
    """The layers of the contract, top to bottom (`a | b`: side by side)."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    (contract,) = (c for c in config["tool"]["importlinter"]["contracts"] if c["id"] == "layers")
    return list(contract["layers"])


def diagram() -> str:
    """The layers as docs/architecture.md shows them: each imports from those below."""
    return "\n    ↓\n".join(layers()) + "\n"


def test_the_layer_diagram_is_the_contract(update_golden: bool) -> None:
    check_file(GENERATED / "layers.txt", diagram(), update_golden)


def test_the_page_describes_every_layer() -> None:
    """The module table has a row for every module of every layer."""
    page = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    for layer in layers():
        for module in layer.split(" | "):
            assert f"| `{module}/`" in page or f"`{module}.py`" in page, module


def _page() -> str:
    return (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")


#: Where the page's repository paths start (`scaffolder/plan/apply.py`, `tests/unit/`).
_ROOTS = ("scaffolder/", "tests/", "blueprints/", "docs/", "bench/", "pyproject.toml")


def test_every_path_the_page_names_exists() -> None:
    """A path in backticks (`scaffolder/render/views.py`, `tests/golden/check/`) is there."""
    paths = [
        token
        for token in re.findall(r"`([^`\s]+)`", _page())
        if token.startswith(_ROOTS) and not any(c in token for c in "<{*")
    ]
    assert len(paths) > 40, "the page names the modules a newcomer opens"
    missing = [path for path in paths if not (ROOT / path.rstrip("/")).exists()]
    assert not missing, f"docs/architecture.md names paths that do not exist: {missing}"


def test_every_module_of_the_module_table_exists() -> None:
    """In the row of a package (`| `render/` | …`), each `x.py` is a module of it."""
    missing = []
    for package, row in re.findall(r"^\| `([a-z_]+)/` \|(.*)$", _page(), re.MULTILINE):
        for module in re.findall(r"`([a-z_]+\.py)`", row):
            if not (ROOT / "scaffolder" / package / module).is_file():
                missing.append(f"{package}/{module}")
    assert not missing, f"the module table names modules that do not exist: {missing}"


def test_what_the_page_says_to_open_first_is_defined_there() -> None:
    """Each row of "Where to start reading" names a module and what it defines."""
    rows = re.findall(r"^\| [a-z]+ \| `(scaffolder/[\w/]+\.py)` \| (.+) \|$", _page(), re.M)
    assert len(rows) > 20
    missing = []
    for path, names in rows:
        tree = ast.parse((ROOT / path).read_text(encoding="utf-8"))
        defined = {
            node.name for node in tree.body if isinstance(node, ast.FunctionDef | ast.ClassDef)
        } | {
            target.id
            for node in tree.body
            if isinstance(node, ast.Assign | ast.AnnAssign)
            for target in (node.targets if isinstance(node, ast.Assign) else [node.target])
            if isinstance(target, ast.Name)
        }
        missing += [
            f"{path}: {name}" for name in re.findall(r"`(\w+)`", names) if name not in defined
        ]
    assert not missing, f"not defined where the page says: {missing}"
