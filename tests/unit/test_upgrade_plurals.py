"""Upgrading scaffold: a project made when `Staff` had the table `staffs` keeps its names.

The "earlier release" is this scaffold with the plural rule it had before 2026-12-04
(inflect's plural for every word: `Staff` → `staffs`, `Values` → `valuess`). Its
project gets a database with rows; then the current scaffold syncs a spec change. The
tables, URLs and functions keep their names (pinned as `plural:` in scaffold.yaml), the
migration alters the existing table, and alembic upgrade, check and downgrade run on
the database that holds the rows.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from scaffolder.cli import app
from scaffolder.model import names

SPEC = """\
version: 1
resources:
  Staff:
    fields:
      name: str(100)
  Values:
    fields:
      value: str(50)
      staff: ref(Staff)?
"""


def scaffold(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.output


def alembic(project: Path, *args: str) -> str:
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
    return result.stdout + result.stderr


@pytest.fixture
def old_project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project the earlier plural rule made: tables `staffs` and `valuess`."""
    earlier = names._pluralize_last

    def every_word_inflected(words: str, separator: str, *_: object) -> str:
        return earlier(words, separator, names.earlier_pluralize)

    spec = tmp_path / "spec.yaml"
    spec.write_text(SPEC)
    with monkeypatch.context() as patch:
        patch.setattr(names, "_pluralize_last", every_word_inflected)
        code, output = scaffold("new", str(tmp_path / "crew"), "--spec", str(spec), "--defaults")
    assert code == 0, output
    project = tmp_path / "crew"
    assert '__tablename__ = "staffs"' in (project / "crew/models/staff.py").read_text()
    return project


def add_phone(project: Path) -> None:
    spec = project / "scaffold.yaml"
    spec.write_text(
        spec.read_text().replace("name: str(100)", "name: str(100)\n      phone: str(20)?")
    )


def test_sync_pins_the_earlier_plurals_and_alters_the_old_table(old_project: Path) -> None:
    add_phone(old_project)

    code, output = scaffold("-C", str(old_project), "sync")

    assert code == 0, output
    assert "`plural: Staffs` added to scaffold.yaml" in output
    spec = (old_project / "scaffold.yaml").read_text()
    assert "  Staff:\n    plural: Staffs\n" in spec
    assert "  Values:\n    plural: Valuess\n" in spec
    assert '__tablename__ = "staffs"' in (old_project / "crew/models/staff.py").read_text()
    assert 'prefix="/staffs"' in (old_project / "crew/api/staff.py").read_text()
    migration = (old_project / "migrations/versions/0003_add_staffs_phone.py").read_text()
    assert 'batch_alter_table("staffs")' in migration
    # pinned once: the next sync has nothing to do
    assert scaffold("-C", str(old_project), "sync", "--check")[0] == 0


def test_a_project_made_now_is_not_pinned(tmp_path: Path) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text(SPEC)
    assert scaffold("new", str(tmp_path / "crew"), "--spec", str(spec), "--defaults")[0] == 0
    add_phone(tmp_path / "crew")

    code, output = scaffold("-C", str(tmp_path / "crew"), "sync")

    assert code == 0, output
    assert "plural:" not in (tmp_path / "crew/scaffold.yaml").read_text()
    assert (tmp_path / "crew/migrations/versions/0003_add_staff_phone.py").is_file()


@pytest.mark.slow
def test_the_rows_survive_the_upgrade_and_the_project_passes(old_project: Path) -> None:
    alembic(old_project, "upgrade", "head")  # the database of the earlier release
    with sqlite3.connect(old_project / "db.sqlite") as db:
        db.execute("INSERT INTO staffs (name, created_at, updated_at) VALUES ('Ann', 'x', 'x')")
        db.execute(
            "INSERT INTO valuess (value, staff_id, created_at, updated_at)"
            " VALUES ('v', 1, 'x', 'x')"
        )
    add_phone(old_project)
    assert scaffold("-C", str(old_project), "sync")[0] == 0

    alembic(old_project, "upgrade", "head")
    assert "No new upgrade operations detected" in alembic(old_project, "check")
    with sqlite3.connect(old_project / "db.sqlite") as db:
        assert db.execute("SELECT name, phone FROM staffs").fetchall() == [("Ann", None)]
        assert db.execute("SELECT value, staff_id FROM valuess").fetchall() == [("v", 1)]
    alembic(old_project, "downgrade", "-1")
    with sqlite3.connect(old_project / "db.sqlite") as db:
        assert db.execute("SELECT name FROM staffs").fetchall() == [("Ann",)]
    tests = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"],
        cwd=old_project,
        env={**os.environ, "PYTHONPATH": str(old_project)},
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert tests.returncode == 0, tests.stdout[-3000:]
