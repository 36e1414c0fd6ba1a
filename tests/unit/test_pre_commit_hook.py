"""The pre-commit hook of `.pre-commit-hooks.yaml`, run the way pre-commit runs it.

pre-commit installs this repository into a virtualenv (`language: python`), then runs
the hook's `entry` (split like a shell would) from the root of the user's repository,
with no file names (`pass_filenames: false`), and fails the commit on a non-zero exit.
Here the entry runs with this interpreter's scripts directory first on PATH (where
`pip install` put the `scaffold` console script) and this checkout on PYTHONPATH.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import sysconfig
from pathlib import Path
from typing import Any

import pytest
from inline_project import make_project
from ruamel.yaml import YAML
from typer.testing import CliRunner

from scaffolder.cli import app

ROOT = Path(__file__).resolve().parents[2]
SPEC = "version: 1\nresources:\n  Note:\n    fields:\n      title: str(80)\n"


def hook() -> dict[str, Any]:
    hooks: list[dict[str, Any]] = YAML(typ="safe").load(ROOT / ".pre-commit-hooks.yaml")
    [only] = [h for h in hooks if h["id"] == "scaffold-sync-check"]
    return only


def run_hook(project: Path) -> subprocess.CompletedProcess[str]:
    entry = shlex.split(hook()["entry"])
    env = dict(os.environ)
    env["PATH"] = os.pathsep.join([sysconfig.get_path("scripts"), env.get("PATH", "")])
    env["PYTHONPATH"] = str(ROOT)
    return subprocess.run(
        entry, cwd=project, env=env, capture_output=True, text=True, check=False, timeout=300
    )


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = make_project(tmp_path / "repo")
    (root / "scaffold.yaml").write_text(SPEC)
    result = CliRunner().invoke(app, ["-C", str(root), "sync"])
    assert result.exit_code == 0, result.output
    return root


def test_the_hook_runs_sync_check_on_the_whole_repository() -> None:
    definition = hook()
    assert shlex.split(definition["entry"]) == ["scaffold", "sync", "--check"]
    assert definition["language"] == "python"
    assert definition["pass_filenames"] is False
    assert definition["always_run"] is True


def test_the_hook_passes_on_a_fresh_project_and_fails_on_a_stale_one(project: Path) -> None:
    fresh = run_hook(project)
    assert fresh.returncode == 0, fresh.stdout + fresh.stderr
    assert fresh.stdout == "Nothing to do: everything is up to date.\n"

    spec = project / "scaffold.yaml"
    spec.write_text(spec.read_text() + "      body: text\n")
    stale = run_hook(project)
    assert stale.returncode == 1, stale.stdout + stale.stderr
    assert "create  migrations/versions/0003_add_notes_body.py" in stale.stdout
    assert stale.stdout.endswith("out of date: 1 file would change; run `scaffold sync`.\n")
    assert "Traceback" not in stale.stderr
