"""Upgrading scaffold: `tests/resources.py` moves from the resources to the project skeleton.

The "earlier release" is this scaffold with the file where it was before 2026-12-05: a
row of `RESOURCE_FILES` (template `blueprints/resource/tests/resources.py.jinja`), rendered
with every resource and recorded as owned by the last one; its project skeleton had no
such file. Its project, with a hand edit in the file, is synced by the current scaffold:
the skeleton blueprint changed, so the skeleton is re-rendered and merged, and the file
must stay, edit included, now owned by the project; destroying every resource keeps it.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from scaffolder.cli import app
from scaffolder.render import blueprints, resource
from scaffolder.state import load_manifest

SPEC = """\
version: 1
resources:
  Note:
    fields:
      title: str(80)
  Comment:
    fields:
      body: text
      note: ref(Note)
"""
SHARED = "tests/resources.py"
SKELETON_TEMPLATE = "project/template/tests/resources.py.jinja"
RESOURCE_TEMPLATE = "tests/resources.py.jinja"
#: The user's own helper, added at the end of the file.
HAND_EDIT = '\n\ndef note_title(n: int) -> str:\n    """Ours."""\n    return f"note {n}"\n'


def scaffold(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.output


def earlier_blueprints(tmp_path: Path) -> Path:
    """The bundled blueprints as the earlier release had them: the file a resource template."""
    copy = tmp_path / "blueprints-earlier"
    shutil.copytree(blueprints.bundled_blueprints(), copy)
    skeleton = copy / SKELETON_TEMPLATE
    text = skeleton.read_text().replace("{{ package_name }}", "{{ package }}")
    (copy / "resource" / RESOURCE_TEMPLATE).write_text(text)
    skeleton.unlink()
    return copy


@pytest.fixture
def old_project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project the earlier release made, its tests/resources.py edited by hand."""
    spec = tmp_path / "spec.yaml"
    spec.write_text(SPEC)
    earlier = earlier_blueprints(tmp_path)
    row = resource.BlueprintFile(RESOURCE_TEMPLATE, SHARED)
    with monkeypatch.context() as patch:
        patch.setattr(blueprints, "bundled_blueprints", lambda: earlier)
        patch.setattr(resource, "RESOURCE_FILES", (*resource.RESOURCE_FILES, row))
        code, output = scaffold("new", str(tmp_path / "notes"), "--spec", str(spec), "--defaults")
    assert code == 0, output
    project = tmp_path / "notes"
    assert load_manifest(project).files[SHARED].owner == "Comment"  # the earlier release's
    shared = project / SHARED
    shared.write_text(shared.read_text() + HAND_EDIT)
    return project


def test_sync_keeps_the_file_and_its_edit_now_owned_by_the_project(old_project: Path) -> None:
    code, output = scaffold("-C", str(old_project), "sync")

    assert code == 0, output
    text = (old_project / SHARED).read_text()
    assert text.endswith(HAND_EDIT), text
    assert "def check_api_crud(" in text
    assert "a file of the project skeleton" in text  # the new release's docstring, merged
    assert load_manifest(old_project).files[SHARED].owner == "project"
    assert scaffold("-C", str(old_project), "sync", "--check")[0] == 0


def test_after_the_upgrade_resources_come_and_go_without_touching_it(
    old_project: Path,
) -> None:
    assert scaffold("-C", str(old_project), "sync")[0] == 0
    text = (old_project / SHARED).read_text()

    code, output = scaffold("-C", str(old_project), "generate", "resource", "Tag", "name:str(40)")
    assert code == 0, output
    assert SHARED not in output
    for name in ("Tag", "Comment", "Note"):
        code, output = scaffold("-C", str(old_project), "destroy", "resource", name)
        assert code == 0, output
        assert SHARED not in output

    assert (old_project / SHARED).read_text() == text
    assert load_manifest(old_project).files[SHARED].owner == "project"
