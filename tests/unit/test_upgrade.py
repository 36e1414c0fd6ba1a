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


#: The skeleton files scaffold wires each resource into, and one line of the wiring
#: of `Note` (the resource the project starts with) and of `Post` (added after the upgrade).
WIRED = {
    "notes/routes.py": ("app.include_router(note_api.router", "app.include_router(post_api.router"),
    "notes/models/__init__.py": (
        "from notes.models.note import Note",
        "from notes.models.post import Post",
    ),
    "notes/nav.py": ('url="/notes/"', 'url="/posts/"'),
    "notes/admin/registry.py": ('url="/admin/notes/"', 'url="/admin/posts/"'),
}
ROUTES = "{{ package_name }}/routes.py.jinja"
#: The built-in router the new version of the blueprint adds to routes.py.
NEW_ROUTER = '    app.include_router(health.router, prefix="/v2")\n'
#: A router of the user's own, registered by hand in the wired routes.py.
OWN_ROUTER = '    app.include_router(health.router, prefix="/mine")  # ours\n'


def change_blueprint(template: Path) -> None:
    """The new version: a changed README, and a new built-in router in routes.py."""
    readme = template / "README.md.jinja"
    readme.write_text(readme.read_text() + "\nNew in this version.\n")
    routes = template / ROUTES
    routes.write_text(
        routes.read_text().replace(
            "    app.include_router(health.router)\n",
            "    app.include_router(health.router)\n" + NEW_ROUTER,
        )
    )


def run_cleanly(project: Path, *args: str) -> None:
    """Run a scaffold command in `project`: it must succeed without a conflict."""
    code, output = scaffold("-C", str(project), *args)
    assert code == 0, output
    assert "conflict" not in output, output


def assert_wired_once(project: Path, *, post: bool = True) -> None:
    for path, (note, post_line) in WIRED.items():
        text = (project / path).read_text()
        assert "<<<<<<<" not in text, text
        assert text.count(note) == 1, text
        assert text.count(post_line) == (1 if post else 0), text


def test_upgrade_then_a_new_resource_wires_both_without_conflicts(
    project: Path, new_blueprint: Path
) -> None:
    change_blueprint(new_blueprint)
    run_cleanly(project, "generate", "resource", "Post", "title:str(200)")
    assert_wired_once(project)
    assert NEW_ROUTER in (project / "notes/routes.py").read_text()
    assert scaffold("-C", str(project), "sync", "--check")[0] == 0


def test_upgrade_keeps_the_users_edit_of_a_wired_file(project: Path, new_blueprint: Path) -> None:
    routes = project / "notes/routes.py"
    routes.write_text(routes.read_text() + OWN_ROUTER)  # the end of include_routers
    change_blueprint(new_blueprint)
    run_cleanly(project, "generate", "resource", "Post", "title:str(200)")
    assert_wired_once(project)
    text = routes.read_text()
    assert text.count(OWN_ROUTER) == 1, text
    assert NEW_ROUTER in text
    assert scaffold("-C", str(project), "sync", "--check")[0] == 0


def test_upgrade_after_a_resource_was_added_then_destroyed(
    project: Path, new_blueprint: Path
) -> None:
    assert scaffold("-C", str(project), "generate", "resource", "Post", "title:str(200)")[0] == 0
    change_blueprint(new_blueprint)
    run_cleanly(project, "destroy", "resource", "Post")
    assert_wired_once(project, post=False)
    assert NEW_ROUTER in (project / "notes/routes.py").read_text()
    assert scaffold("-C", str(project), "sync", "--check")[0] == 0


def test_a_second_upgrade_merges_from_the_bases_the_first_recorded(
    project: Path, new_blueprint: Path
) -> None:
    # the first upgrade records the wired skeleton (with Note) as the base
    change_blueprint(new_blueprint)
    assert scaffold("-C", str(project), "sync")[0] == 0
    assert scaffold("-C", str(project), "generate", "resource", "Post", "title:str(200)")[0] == 0
    routes = project / "notes/routes.py"
    routes.write_text(routes.read_text() + OWN_ROUTER)
    health = new_blueprint / HEALTH
    health.write_text(health.read_text() + "\n# version 3\n")
    run_cleanly(project, "generate", "resource", "Tag", "label:str(40)")
    assert_wired_once(project)
    text = routes.read_text()
    assert text.count(OWN_ROUTER) == 1, text
    assert text.count("app.include_router(tag_api.router") == 1, text
    assert (project / "notes/health.py").read_text().endswith("# version 3\n")
    assert scaffold("-C", str(project), "sync", "--check")[0] == 0
