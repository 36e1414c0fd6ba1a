"""Upgrading scaffold: a skeleton migration the project already has is history.

The project is made by an "old version" of the project blueprint (a copy whose
`0001_create_users.py` lacks users.session_version, as before the column existed),
then synced with the bundled one: 0001 stays as the project's databases ran it, and
the column comes as a revision with a fixed id after the project's head.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from scaffolder.cli import app
from scaffolder.migrate.revisions import head, read_revisions, versions_on_disk
from scaffolder.project.skeleton import project_blueprint

SPEC = "version: 1\nresources:\n  Note:\n    fields:\n      title: str(80)\n"
USERS = "migrations/versions/0001_create_users.py"
COLUMN = '        sa.Column("session_version", sa.Integer(), server_default="0", nullable=False),\n'
UPGRADE = "migrations/versions/0003_add_users_session_version.py"


def scaffold(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.output


@pytest.fixture
def old_project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project the previous blueprint made: users without session_version."""
    old = tmp_path / "blueprint-v1"
    shutil.copytree(project_blueprint(), old)
    users = old / "template" / USERS
    assert COLUMN in users.read_text()
    users.write_text(users.read_text().replace(COLUMN, ""))
    spec = tmp_path / "spec.yaml"
    spec.write_text(SPEC)
    with monkeypatch.context() as patch:
        patch.setattr("scaffolder.project.skeleton.project_blueprint", lambda: old)
        code, output = scaffold("new", str(tmp_path / "notes"), "--spec", str(spec), "--defaults")
    assert code == 0, output
    return tmp_path / "notes"


def test_the_upgrade_keeps_0001_and_adds_the_column_after_the_head(old_project: Path) -> None:
    users_before = (old_project / USERS).read_text()
    head_before = head(read_revisions(versions_on_disk(old_project)))

    code, output = scaffold("-C", str(old_project), "sync")

    assert code == 0, output
    assert (old_project / USERS).read_text() == users_before
    upgrade = (old_project / UPGRADE).read_text()
    assert 'revision: str = "users_session_version"' in upgrade
    assert f'down_revision: str | None = "{head_before}"' in upgrade
    assert "batch_op.add_column(" in upgrade
    assert COLUMN.strip().rstrip(",") in upgrade
    assert head(read_revisions(versions_on_disk(old_project))) == "users_session_version"
    assert UPGRADE in output
    assert "alembic upgrade head" in output
    # done once: nothing is left to do, and a later upgrade does not add it again
    assert scaffold("-C", str(old_project), "sync", "--check")[0] == 0
    (old_project / ".scaffold/skeleton.json").write_text(
        (old_project / ".scaffold/skeleton.json")
        .read_text()
        .replace('"blueprint": "', '"blueprint": "x')
    )
    assert scaffold("-C", str(old_project), "sync")[0] == 0
    assert len(versions_on_disk(old_project)) == 3


def test_a_spec_change_in_the_same_sync_chains_after_the_upgrade(old_project: Path) -> None:
    spec = old_project / "scaffold.yaml"
    spec.write_text(spec.read_text().replace("title: str(80)", "title: str(80)\n      body: text"))

    code, output = scaffold("-C", str(old_project), "sync")

    assert code == 0, output
    revisions = read_revisions(versions_on_disk(old_project))
    assert [Path(r.path).name for r in revisions][2:] == [
        "0003_add_users_session_version.py",
        "0004_add_notes_body.py",
    ]
    assert revisions[3].down_revision == "users_session_version"
    assert head(revisions) == revisions[3].revision  # one line, no fork


def test_new_projects_create_the_column_in_0001_and_get_no_upgrade(tmp_path: Path) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text(SPEC)
    assert scaffold("new", str(tmp_path / "notes"), "--spec", str(spec), "--defaults")[0] == 0
    assert COLUMN in (tmp_path / "notes" / USERS).read_text()
    assert len(versions_on_disk(tmp_path / "notes")) == 2


def alembic(project: Path, *args: str) -> None:
    env = {
        **os.environ,
        "PYTHONPATH": str(project),
        "DATABASE_URL": "sqlite+aiosqlite:///db.sqlite",
    }
    result = subprocess.run(
        [sys.executable, "-m", "alembic", *args],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.slow
def test_an_old_database_upgrades_to_the_models(old_project: Path) -> None:
    alembic(old_project, "upgrade", "head")  # the database of the old version
    assert scaffold("-C", str(old_project), "sync")[0] == 0
    alembic(old_project, "upgrade", "head")
    alembic(old_project, "check")  # the models' session_version is in the database
    alembic(old_project, "downgrade", "base")
