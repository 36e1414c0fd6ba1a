"""One ruff pass over every generated Python file of a run.

Templates need not get import order or line breaks exactly right: the tree is
written to a scratch directory, `ruff check --fix` sorts imports and `ruff format`
lays out the code, in two subprocess calls for the whole tree — not one per file.
"""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

from scaffolder.errors import ScaffoldError

#: Settings the generated project's pyproject also has, so its own `ruff format
#: --check` agrees with what scaffold writes.
LINE_LENGTH = 100
TARGET_VERSION = "py311"


class FormattingError(ScaffoldError):
    """A blueprint produced Python that ruff cannot parse: a bug in a template."""


def ruff_binary() -> str:
    from ruff.__main__ import find_ruff_bin

    return str(find_ruff_bin())


def format_python(tree: dict[str, str], package: str) -> dict[str, str]:
    """Return `tree` with every `.py` file import-sorted and formatted by ruff."""
    python = {path: text for path, text in tree.items() if path.endswith(".py")}
    if not python:
        return dict(tree)
    with tempfile.TemporaryDirectory(prefix="scaffold-ruff-") as scratch:
        root = Path(scratch)
        for path, text in python.items():
            target = root / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        common = [
            "--no-cache",
            "--isolated",
            f"--line-length={LINE_LENGTH}",
            f"--target-version={TARGET_VERSION}",
        ]
        _ruff(
            root,
            "check",
            *common,
            "--fix-only",
            "--select=I,F401,RUF022",  # imports sorted, unused ones dropped, __all__ sorted
            "--exit-zero",
            f"--config=lint.isort.known-first-party=['{package}', 'tests']",
            ".",
        )
        _ruff(root, "format", *common, ".")
        formatted = {path: (root / path).read_text(encoding="utf-8") for path in python}
    return {**tree, **formatted}


def _ruff(root: Path, *args: str) -> None:
    result = subprocess.run(
        [ruff_binary(), *args], cwd=root, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise FormattingError(
            "generated Python could not be formatted (a blueprint bug):\n"
            + (result.stderr or result.stdout).strip()
        )
