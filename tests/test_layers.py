"""scaffolder's layers hold: the import-linter contract in pyproject.toml, run in the suite.

Each layer imports only from the layers below it (docs/architecture.md draws them), the
commands do not import each other, and the modules of a package import each other
without a cycle: there is no import cycle, hidden inside a function or not.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

LINT = (
    "import sys; from importlinter.cli import lint_imports; "
    "raise SystemExit(lint_imports(sys.argv[1], no_cache=True, no_logo=True))"
)


def lint_imports(package_parent: Path) -> subprocess.CompletedProcess[str]:
    """import-linter with the repository's contract, over the `scaffolder` package found
    in `package_parent` (a subprocess: the package it analyses is the one it imports)."""
    return subprocess.run(
        [sys.executable, "-c", LINT, str(ROOT / "pyproject.toml")],  # holds the contract
        cwd=package_parent,  # first on the path of `python -c`
        env={**os.environ, "PYTHONPATH": str(package_parent)},
        capture_output=True,
        text=True,
        check=False,
    )


def test_layer_contract_holds() -> None:
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "3 kept, 0 broken" in result.stdout


@pytest.mark.parametrize(
    ("module", "imported"),
    [
        ("model/names.py", "scaffolder.migrate.create"),  # the cycle model ↔ migrate was
        ("codemods/edits.py", "scaffolder.plan.planner"),  # plan ↔ codemods was
        ("project/skeleton.py", "scaffolder.generation"),  # generation ↔ project was
        ("commands/generate.py", "scaffolder.commands.sync"),  # commands side by side
        ("spec/raw.py", "scaffolder.spec.loader"),  # modules of one package: spec's builders
    ],
)
def test_contract_refuses_an_import_upwards(tmp_path: Path, module: str, imported: str) -> None:
    """The contract has teeth: a copy of scaffolder with one import against the layers,
    inside a function where it hides from start-up time, breaks it."""
    shutil.copytree(
        ROOT / "scaffolder", tmp_path / "scaffolder", ignore=shutil.ignore_patterns("__pycache__")
    )
    with (tmp_path / "scaffolder" / module).open("a", encoding="utf-8") as source:
        source.write(f"\n\ndef _upwards() -> None:\n    import {imported}  # noqa\n")
    result = lint_imports(tmp_path)
    assert result.returncode != 0
    assert imported.rsplit(".", 1)[-1] in result.stdout  # the report names the import
    assert re.search(r"Contracts: \d kept, [1-9] broken", result.stdout), result.stdout
