"""scaffold runs on its declared dependencies alone.

The dev environment holds much more (click comes with uvicorn, Flask, mkdocs…), so a
stray import passes every other test here and fails only on a user's clean install:
`import click` did, once typer (0.26+) stopped depending on it.
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

import scaffolder

PACKAGE = Path(scaffolder.__file__).parent
PYPROJECT = PACKAGE.parent / "pyproject.toml"


def _normalized(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def declared_distributions() -> set[str]:
    project = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]
    return {
        _normalized(re.split(r"[\s<>=!~;\[]", r, maxsplit=1)[0]) for r in project["dependencies"]
    }


def imported_top_level_names() -> dict[str, str]:
    """Each top-level module scaffold's code imports, with one place that does."""
    found: dict[str, str] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                found.setdefault(name.split(".")[0], f"{path.relative_to(PACKAGE)}:{node.lineno}")
    return found


def test_every_import_is_the_standard_library_or_a_declared_dependency() -> None:
    declared = declared_distributions()
    providers = packages_distributions()
    undeclared = {
        name: where
        for name, where in imported_top_level_names().items()
        if name not in sys.stdlib_module_names
        and name != "scaffolder"
        and not declared & {_normalized(d) for d in providers.get(name, [])}
    }
    assert undeclared == {}


def test_the_scan_sees_third_party_imports() -> None:
    """The scan itself works: it finds the libraries scaffold is known to use."""
    names = imported_top_level_names()
    assert {"typer", "jinja2", "copier", "ruamel", "rich"} <= names.keys()
    assert "typer" in declared_distributions()


BLOCK_CLICK = "import sys; sys.modules['click'] = None  # as on a clean install\n"
RUN = "from scaffolder.cli import main; sys.exit(main())\n"


def scaffold_without_click(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", BLOCK_CLICK + RUN, *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        check=False,
    )


def test_json_output_and_printed_data_need_no_click(tmp_path: Path) -> None:
    spec = tmp_path / "scaffold.yaml"
    spec.write_text("version: 1\nresources:\n  Tag:\n    fields:\n      name: str(50)\n")
    checked = scaffold_without_click("--json", "check", str(spec), cwd=tmp_path)
    assert checked.returncode == 0, checked.stderr
    assert '"status": 0' in checked.stdout
    schema = scaffold_without_click("schema", cwd=tmp_path)
    assert schema.returncode == 0, schema.stderr
    assert '"$schema"' in schema.stdout


def test_installed_versions_are_what_importlib_metadata_says() -> None:
    """The render context's versions, read off dist-info directories, are the real ones."""
    from importlib import metadata

    from scaffolder.user_cache import installed_version

    for name in ("jinja2", "ruff", "typer"):
        assert installed_version(name) == metadata.version(name)
