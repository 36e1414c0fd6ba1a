"""scaffold installed the way users install it: from a wheel, which pip compiles.

The rest of the suite runs scaffold from this checkout. A wheel differs in two ways
that once broke `scaffold new` and every `--json` run on a clean install: the
blueprints live inside the package (`scaffolder/_blueprints/`), where pip compiles
every .py file, the project template's included, into `__pycache__/` beside it; and
only the declared dependencies are there (typer 0.26+ no longer brings click).

Dependencies come from this environment (a venv that sees this interpreter's packages
but not its editable installs, `e2e.support.make_venv`; no index), but scaffold itself
is the wheel's, in the venv, compiled.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from e2e.support import make_venv

pytestmark = pytest.mark.e2e

REPO = Path(__file__).resolve().parents[2]


def run(*command: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {
        k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONDONTWRITEBYTECODE")
    }
    return subprocess.run(
        [str(part) for part in command], cwd=cwd, env=env, capture_output=True, text=True
    )


@pytest.fixture(scope="module")
def venv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A venv holding scaffold's wheel, installed (and compiled) by pip."""
    root = tmp_path_factory.mktemp("wheel")
    built = run(
        sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
        "--wheel-dir", root / "dist", REPO,
    )  # fmt: skip
    assert built.returncode == 0, built.stderr
    (wheel,) = (root / "dist").glob("scaffold-*.whl")
    make_venv(root / "venv")
    python = root / "venv/bin/python"
    installed = run(
        python, "-m", "pip", "install", "--quiet", "--no-deps", "--no-index", "--compile", wheel
    )
    assert installed.returncode == 0, installed.stderr
    return root / "venv"


def test_the_venv_runs_the_wheel_with_its_template_compiled(venv: Path) -> None:
    """The premises: this scaffold is the installed one, and pip compiled the template."""
    where = run(
        venv / "bin/python", "-c", "import scaffolder; print(scaffolder.__file__)", cwd=venv
    )
    package = Path(where.stdout.strip()).parent
    assert package.is_relative_to(venv), where.stdout + where.stderr
    template = package / "_blueprints/project/template"
    assert list(template.rglob("__pycache__/*.pyc"))


def test_new_generate_and_json_sync_work_from_the_installed_wheel(
    venv: Path, tmp_path: Path
) -> None:
    scaffold = venv / "bin/scaffold"
    new = run(scaffold, "new", "shop", "--defaults", cwd=tmp_path)
    assert new.returncode == 0, new.stderr
    project = tmp_path / "shop"
    generated = run(
        scaffold, "generate", "resource", "Product", "name:str(100)", "price:decimal(10,2)",
        cwd=project,
    )  # fmt: skip
    assert generated.returncode == 0, generated.stderr
    assert "product_api" in (project / "shop/routes.py").read_text()
    check = run(scaffold, "--json", "sync", "--check", cwd=project)
    assert check.returncode == 0, check.stderr
    assert json.loads(check.stdout)["result"]["status"] == 0
    assert [p for p in project.rglob("*") if p.name == "__pycache__" or p.suffix == ".pyc"] == []
    schema = run(scaffold, "schema", cwd=project)
    assert schema.returncode == 0, schema.stderr
    assert json.loads(schema.stdout)["title"]
