"""The tool holds itself to the standard of the code it generates: lint, format, strict types."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)


def test_ruff_lint_is_clean() -> None:
    result = _run(sys.executable, "-m", "ruff", "check", "scaffolder", "tests", "bench")
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format_is_clean() -> None:
    result = _run(sys.executable, "-m", "ruff", "format", "--check", "scaffolder", "tests", "bench")
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.slow
def test_mypy_strict_is_clean() -> None:
    result = _run(sys.executable, "-m", "mypy")  # the files listed in pyproject.toml
    assert result.returncode == 0, result.stdout + result.stderr


#: The longest a function of the tool may be, `def` line to last line (docstring included).
MAX_FUNCTION_LINES = 60


def long_functions(root: Path) -> list[str]:
    """`path:line name (N lines)` of every function under `root` longer than the limit."""
    found = []
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                assert node.end_lineno is not None
                length = node.end_lineno - node.lineno + 1
                if length > MAX_FUNCTION_LINES:
                    where = path.relative_to(root.parent).as_posix()
                    found.append(f"{where}:{node.lineno} {node.name} ({length} lines)")
    return found


def test_no_function_of_the_tool_is_longer_than_60_lines() -> None:
    """Readable beats clever: a function a newcomer can hold in their head at once."""
    assert long_functions(ROOT / "scaffolder") == []


def test_the_length_check_finds_a_long_function(tmp_path: Path) -> None:
    package = tmp_path / "package"
    package.mkdir()
    lines = [f"x{n} = {n}\n" for n in range(MAX_FUNCTION_LINES)]
    (package / "short.py").write_text("def fits():\n" + "    ".join(["", *lines[1:]]))
    long = "class C:\n    async def too_long(self):\n" + "        ".join(["", *lines])
    (package / "long.py").write_text(long)
    assert long_functions(package) == [
        f"package/long.py:2 too_long ({MAX_FUNCTION_LINES + 1} lines)"
    ]
