"""Upgrading scaffold: a changed project blueprint re-renders the skeleton through the merge.

The upgrade is simulated by pointing scaffold at a modified copy of the bundled
project blueprint; the user's edits to the same skeleton files must survive, and
the wiring scaffold added to skeleton files must too.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from scaffolder.cli import app
from scaffolder.project.skeleton import project_blueprint

SPEC = "version: 1\nresources:\n  Note:\n    fields:\n      title: str(80)\n"
HEALTH = "{{ package_name }}/health.py.jinja"


def scaffold(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.output


@pytest.fixture
def project(tmp_path: Path) -> Path:
    spec = tmp_path / "spec.yaml"
    spec.write_text(SPEC)
    code, output = scaffold("new", str(tmp_path / "notes"), "--spec", str(spec), "--defaults")
    assert code == 0, output
    return tmp_path / "notes"


@pytest.fixture
def new_blueprint(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the project blueprint that scaffold uses from now on (the 'new version')."""
    copy = tmp_path / "blueprint-v2"
    shutil.copytree(project_blueprint(), copy)
    monkeypatch.setattr("scaffolder.project.skeleton.project_blueprint", lambda: copy)
    return copy / "template"


def test_sync_without_a_blueprint_change_does_not_render_the_skeleton(project: Path) -> None:
    code, output = scaffold("-C", str(project), "sync", "--check")
    assert code == 0, output


def test_new_blueprint_merges_into_the_skeleton_keeping_edits_and_wiring(
    project: Path, new_blueprint: Path
) -> None:
    health = project / "notes" / "health.py"
    # the user's edit: a comment at the top of the module
    health.write_text(health.read_text().replace('"""\n\n', '"""\n\n# ours: keep this\n', 1))
    # the new version: a second endpoint at the end of the module
    template = new_blueprint / HEALTH
    template.write_text(
        template.read_text()
        + '\n\n@router.get("/health/live")\nasync def live() -> dict[str, str]:\n'
        + '    """200 while the process runs."""\n    return {"status": "live"}\n'
    )
    code, output = scaffold("-C", str(project), "sync")
    assert code == 0, output
    text = health.read_text()
    assert "# ours: keep this\n" in text
    assert "async def live() -> dict[str, str]:" in text
    assert "merge" in output
    # wiring added to skeleton files is still there, and nothing else is pending
    models = (project / "notes/models/__init__.py").read_text()
    assert "from notes.models.note import Note" in models
    assert scaffold("-C", str(project), "sync", "--check")[0] == 0


def test_unchanged_skeleton_files_are_not_touched_by_an_upgrade(
    project: Path, new_blueprint: Path
) -> None:
    (new_blueprint / "README.md.jinja").write_text(
        (new_blueprint / "README.md.jinja").read_text() + "\nNew in this version.\n"
    )
    routes_before = (project / "notes/routes.py").read_text()
    code, output = scaffold("-C", str(project), "sync")
    assert code == 0, output
    assert (project / "README.md").read_text().endswith("\nNew in this version.\n")
    assert (project / "notes/routes.py").read_text() == routes_before
    assert "notes/routes.py" not in output
