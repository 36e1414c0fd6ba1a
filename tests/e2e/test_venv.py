"""The throwaway venvs of the end-to-end tests see the packages of the interpreter
running the suite — which is often itself a venv (the README's `pip install -e '.[dev]'
&& pytest`), whose packages `--system-site-packages` would not reach."""

from __future__ import annotations

import os
import subprocess
import sysconfig
from pathlib import Path

import pytest

from e2e.support import make_venv, suite_path

PROBE = "import fastapi, sys; print(fastapi.__file__); print(sys.prefix)"


@pytest.mark.slow
def test_a_throwaway_venv_imports_this_interpreters_packages(tmp_path: Path) -> None:
    venv = make_venv(tmp_path / "venv")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    result = subprocess.run(
        [str(venv / "bin" / "python"), "-c", PROBE],
        cwd=tmp_path,  # not the checkout, whose scaffolder would import from the cwd
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    fastapi, prefix = result.stdout.splitlines()
    assert Path(prefix) == venv  # pip installs into the new venv
    # the very copy this interpreter imports, wherever it is (a venv or the system)
    assert Path(fastapi).is_relative_to(sysconfig.get_path("purelib"))
    scaffolder = subprocess.run(
        [str(venv / "bin" / "python"), "-c", "import scaffolder.cli"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        check=False,
    )
    # editable installs (this checkout's scaffold) stay out: the wheel test needs it
    assert scaffolder.returncode != 0


def test_commands_find_this_interpreters_scripts_before_path() -> None:
    path = suite_path({"PATH": "/usr/bin:/bin"})
    assert path[0] == sysconfig.get_path("scripts")
    assert path[-1] == "/usr/bin:/bin"
