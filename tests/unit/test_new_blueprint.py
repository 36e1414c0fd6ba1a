"""`scaffold new --blueprint PATH_OR_GIT_URL`: any Copier template makes the skeleton.

Blueprints here are a local directory, a local git repository given by its path, and
the same repository as a `git+file://` URL (no network). The source is recorded in
`.scaffold/skeleton.json`, and a new version of the blueprint reaches the project
through `scaffold sync`, merged with hand edits like a scaffold upgrade.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from scaffolder.cli import app
from scaffolder.errors import EXIT_BAD_INPUT, EXIT_DRIFT, EXIT_OK
from scaffolder.project.skeleton import project_blueprint

SPEC = "version: 1\nresources:\n  Note:\n    fields:\n      title: str(80)\n"
README = "template/README.md.jinja"


def scaffold(cwd: Path, *args: str) -> Result:
    result = CliRunner().invoke(app, ["-C", str(cwd), *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    return result


def company_blueprint(where: Path) -> Path:
    """A team's skeleton: scaffold's own, with a line of their own in the README."""
    shutil.copytree(project_blueprint(), where)
    readme = where / README
    readme.write_text(readme.read_text() + "\nMaintained by the platform team.\n")
    return where


def git(repository: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.email=team@example.com", "-c", "user.name=Team", *args],
        cwd=repository,
        check=True,
        capture_output=True,
    )


def committed(repository: Path) -> Path:
    git(repository, "init", "-q")
    git(repository, "add", "-A")
    git(repository, "commit", "-q", "-m", "v1")
    return repository


def skeleton_json(project: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((project / ".scaffold/skeleton.json").read_text())
    return data


# ----------------------------------------------------------------- the three sources


def test_a_local_directory_makes_the_skeleton_and_is_recorded_relative(tmp_path: Path) -> None:
    company_blueprint(tmp_path / "skeletons" / "company")
    (tmp_path / "spec.yaml").write_text(SPEC)
    result = scaffold(
        tmp_path, "new", "notes", "--blueprint", "skeletons/company", "--spec", "spec.yaml"
    )
    assert result.exit_code == EXIT_OK, result.output
    project = tmp_path / "notes"
    assert (project / "README.md").read_text().endswith("\nMaintained by the platform team.\n")
    assert skeleton_json(project)["source"] == "../skeletons/company"
    assert (project / "notes/models/note.py").is_file()  # the spec went in as usual
    assert scaffold(project, "sync", "--check").exit_code == EXIT_OK


@pytest.mark.parametrize("form", ["path", "url"])
def test_a_git_repository_by_path_or_url(tmp_path: Path, form: str) -> None:
    repository = committed(company_blueprint(tmp_path / "company"))
    source = str(repository) if form == "path" else f"git+file://{repository}"
    result = scaffold(tmp_path, "new", "notes", "--blueprint", source, "--defaults")
    assert result.exit_code == EXIT_OK, result.output
    assert result.stderr == ""  # copier's own notes do not leak
    project = tmp_path / "notes"
    assert "Maintained by the platform team." in (project / "README.md").read_text()
    recorded = skeleton_json(project)["source"]
    assert recorded == ("../company" if form == "path" else source)


# --------------------------------------------------- sync upgrades from the same blueprint


@pytest.mark.parametrize("form", ["directory", "git path", "git url"])
def test_a_new_version_of_the_blueprint_reaches_the_project_through_sync(
    tmp_path: Path, form: str
) -> None:
    blueprint = company_blueprint(tmp_path / "company")
    if form != "directory":
        committed(blueprint)
    source = f"git+file://{blueprint}" if form == "git url" else str(blueprint)
    assert scaffold(tmp_path, "new", "notes", "--blueprint", source, "--defaults").exit_code == 0
    project = tmp_path / "notes"
    readme = project / "README.md"
    readme.write_text("Our notes service.\n\n" + readme.read_text())  # a hand edit
    assert scaffold(project, "sync", "--check").exit_code == EXIT_OK

    template = blueprint / README
    template.write_text(template.read_text() + "On call: #platform.\n")
    if form != "directory":
        git(blueprint, "commit", "-q", "-am", "v2")

    assert scaffold(project, "sync", "--check").exit_code == EXIT_DRIFT
    result = scaffold(project, "sync")
    assert result.exit_code == EXIT_OK, result.output
    assert "merge  README.md" in result.stdout
    text = readme.read_text()
    assert text.startswith("Our notes service.\n")
    assert text.endswith("Maintained by the platform team.\nOn call: #platform.\n")
    assert skeleton_json(project)["source"] == (source if form == "git url" else "../company")
    assert scaffold(project, "sync", "--check").exit_code == EXIT_OK


def test_an_unreachable_blueprint_is_a_warning_and_the_sync_goes_on(tmp_path: Path) -> None:
    blueprint = company_blueprint(tmp_path / "company")
    assert scaffold(tmp_path, "new", "notes", "--blueprint", "company", "--defaults").exit_code == 0
    shutil.rmtree(blueprint)
    project = tmp_path / "notes"
    spec = project / "scaffold.yaml"
    spec.write_text(spec.read_text().replace("resources: {}\n", SPEC.split("\n", 1)[1]))
    result = scaffold(project, "sync")
    assert result.exit_code == EXIT_OK, result.output
    assert result.stderr == (
        f"warning: blueprint {blueprint} is not there any more; "
        "the project skeleton was not checked for an upgrade\n"
    )
    assert (project / "notes/models/note.py").is_file()


# ------------------------------------------------------- a skeleton that is not scaffold's


@pytest.fixture
def plain_blueprint(tmp_path: Path) -> Path:
    """A Copier template that makes a README and nothing scaffold can generate into."""
    blueprint = tmp_path / "plain"
    blueprint.mkdir()
    (blueprint / "copier.yml").write_text("name:\n  type: str\n  default: notes\n")
    (blueprint / "README.md.jinja").write_text("# {{ name }}\n")
    return blueprint


def test_a_skeleton_without_a_package_still_makes_the_project(
    tmp_path: Path, plain_blueprint: Path
) -> None:
    result = scaffold(tmp_path, "new", "notes", "--blueprint", "plain", "--defaults")
    assert result.exit_code == EXIT_OK
    assert result.stdout == f"summary: 3 created\nCreated {tmp_path / 'notes'}.\n"
    assert result.stderr == (
        "warning: this skeleton has no package with main.py and models/base.py: "
        "`scaffold generate` and `sync` refuse to run until it has one "
        "(see docs/customizing.md)\n"
    )
    project = tmp_path / "notes"
    assert (project / "README.md").read_text() == "# notes\n"
    assert (project / "scaffold.yaml").is_file()
    assert skeleton_json(project)["answers"] == {"name": "notes"}


def test_generate_in_such_a_project_says_what_the_skeleton_lacks(
    tmp_path: Path, plain_blueprint: Path
) -> None:
    scaffold(tmp_path, "new", "notes", "--blueprint", "plain", "--defaults")
    project = tmp_path / "notes"
    result = scaffold(project, "generate", "resource", "Tag", "name:str")
    assert result.exit_code == EXIT_BAD_INPUT
    assert result.stderr.startswith(
        f"error: {project} is not a scaffold project: "
        "no package holds both main.py and models/base.py\n"
    )
    assert "a custom --blueprint must make one; see docs/customizing.md" in result.stderr


def test_new_with_a_spec_and_such_a_skeleton_is_refused_and_writes_nothing(
    tmp_path: Path, plain_blueprint: Path
) -> None:
    (tmp_path / "spec.yaml").write_text(SPEC)
    result = scaffold(
        tmp_path, "new", "notes", "--blueprint", "plain", "--spec", "spec.yaml", "--defaults"
    )
    assert result.exit_code == EXIT_BAD_INPUT
    assert result.stderr == (
        f"error: the skeleton of blueprint {plain_blueprint} is not a scaffold project: no "
        "package holds both main.py and models/base.py; nothing was written\n"
        "  hint: create the project without --spec, or see docs/customizing.md for what a "
        "custom skeleton must contain\n"
    )
    assert not (tmp_path / "notes").exists()


# ------------------------------------------------------------------------ bad sources


def test_bad_blueprints_exit_2_with_a_message(tmp_path: Path, plain_blueprint: Path) -> None:
    cases = {
        "nowhere": f"error: blueprint {tmp_path / 'nowhere'} is not a directory\n",
        ".": f"error: blueprint {tmp_path} is not a Copier template: it has no copier.yml\n",
        f"git+file://{tmp_path}/nowhere.git": (
            f"error: cannot read blueprint git+file://{tmp_path}/nowhere.git: "
            f"'{tmp_path}/nowhere.git' does not appear to be a git repository\n"
        ),
    }
    for source, message in cases.items():
        result = scaffold(tmp_path, "new", "notes", "--blueprint", source, "--defaults")
        assert result.exit_code == EXIT_BAD_INPUT, source
        assert result.stderr.startswith(message), result.stderr
        assert not (tmp_path / "notes").exists()
    unknown = scaffold(
        tmp_path, "new", "notes", "--blueprint", "plain", "--data", "colour=red", "--defaults"
    )
    assert unknown.exit_code == EXIT_BAD_INPUT
    assert unknown.stderr == (
        "error: unknown blueprint question(s): colour\n  hint: the questions are: name\n"
    )


def test_a_blueprint_with_tasks_is_refused(tmp_path: Path, plain_blueprint: Path) -> None:
    config = plain_blueprint / "copier.yml"
    config.write_text("_tasks:\n  - touch pwned\n" + config.read_text())
    result = scaffold(tmp_path, "new", "notes", "--blueprint", "plain", "--defaults")
    assert result.exit_code == EXIT_BAD_INPUT
    assert result.stderr == (
        f"error: blueprint {plain_blueprint} uses potentially unsafe feature: tasks\n"
        "  hint: scaffold renders blueprints in Copier's safe mode: remove `_tasks`, "
        "`_migrations` and `_jinja_extensions` from its copier.yml\n"
    )
    assert not (tmp_path / "notes").exists()
    assert not list(tmp_path.rglob("pwned"))


def test_a_blueprint_rendering_a_binary_file_is_refused(
    tmp_path: Path, plain_blueprint: Path
) -> None:
    (plain_blueprint / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\xff")
    result = scaffold(tmp_path, "new", "notes", "--blueprint", "plain", "--defaults")
    assert result.exit_code == EXIT_BAD_INPUT
    assert result.stderr == (
        "error: the project blueprint renders `logo.png`, which is not UTF-8 text\n"
        "  hint: scaffold keeps a project's files as text, to merge them on upgrades: list "
        "binary files under `_exclude` in the blueprint's copier.yml and add them to the "
        "project after `scaffold new`\n"
    )
    assert not (tmp_path / "notes").exists()


def test_bytecode_beside_the_bundled_blueprint_stays_out_of_the_project(
    tmp_path: Path,
) -> None:
    """pip compiles every .py file of an installed scaffold, the template's included."""
    blueprint = shutil.copytree(project_blueprint(), tmp_path / "installed")
    cache = blueprint / "template/migrations/versions/__pycache__"
    cache.mkdir()
    (cache / "0001_create_users.cpython-311.pyc").write_bytes(b"\xa7\r\r\n\x00")
    (blueprint / "template/stray.pyc").write_bytes(b"\xa7\r\r\n\x00")
    result = scaffold(tmp_path, "new", "notes", "--blueprint", str(blueprint), "--defaults")
    assert result.exit_code == EXIT_OK, result.output
    project = tmp_path / "notes"
    assert (project / "migrations/versions/0001_create_users.py").is_file()
    assert [p for p in project.rglob("*") if p.suffix == ".pyc" or p.name == "__pycache__"] == []
