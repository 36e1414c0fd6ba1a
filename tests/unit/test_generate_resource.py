"""`scaffold generate resource` on a small inline project, with stand-in templates."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from inline_project import make_project, set_template, snapshot
from typer.testing import CliRunner

from scaffolder.cli import app


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return make_project(tmp_path)


def run(project: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["-C", str(project), "generate", "resource", *args])
    return result.exit_code, result.output


def test_new_resource_is_declared_generated_wired_and_migrated(project: Path) -> None:
    code, output = run(project, "Author", "name:str(120)", "email:email:unique")
    assert code == 0, output
    spec = (project / "scaffold.yaml").read_text()
    assert spec == (
        "version: 1\n# The resources of this project.\nresources:\n  Author:\n    fields:\n"
        "      name: str(120)\n      email: email unique\n"
    )
    assert (project / "app/models/author.py").read_text() == '"""Author: model.py.jinja."""\n'
    assert (project / "app/api/__init__.py").is_file()
    assert (
        "from app.models.author import Author" in (project / "app/models/__init__.py").read_text()
    )
    routes = (project / "app/routes.py").read_text()
    assert 'app.include_router(author_api.router, prefix="/api")' in routes
    assert 'app.include_router(author_admin.router, prefix="/admin")' in routes
    assert 'url="/admin/authors/"' in (project / "app/admin/registry.py").read_text()
    assert 'NavItem(label="Authors", url="/authors/")' in (project / "app/nav.py").read_text()
    migration = (project / "migrations/versions/0002_create_authors.py").read_text()
    assert 'down_revision: str | None = "0001"' in migration
    assert 'op.create_table(\n        "authors",' in migration
    manifest = json.loads((project / ".scaffold/manifest.json").read_text())
    assert manifest["files"]["app/models/author.py"]["owner"] == "Author"
    assert (project / ".scaffold/spec.yaml").read_text() == spec
    assert "create" in output
    assert "app/models/author.py" in output


def test_running_the_same_command_twice_changes_nothing(project: Path) -> None:
    assert run(project, "Author", "name:str(120)")[0] == 0
    before = snapshot(project)
    code, output = run(project, "Author")
    assert code == 0, output
    assert snapshot(project) == before
    assert "Nothing to do" in output


def test_reference_to_user_adds_the_reverse_collection(project: Path) -> None:
    code, output = run(project, "Comment", "body:text", "author:ref(User)", "--layers", "api")
    assert code == 0, output
    user = (project / "app/models/user.py").read_text()
    assert "if TYPE_CHECKING:\n    from app.models.comment import Comment\n" in user
    assert 'comments: Mapped[list["Comment"]] = relationship(' in user
    assert "from sqlalchemy.orm import Mapped, mapped_column, relationship" in user
    routes = (project / "app/routes.py").read_text()
    assert "comment_api" in routes
    assert "comment_views" not in routes
    assert "layers: [api]" in (project / "scaffold.yaml").read_text()


def test_dry_run_writes_nothing(project: Path) -> None:
    before = snapshot(project)
    code, output = run(project, "Author", "name:str", "--dry-run")
    assert code == 0, output
    assert snapshot(project) == before
    assert "+++ b/app/models/author.py" in output
    assert "nothing was written" in output


def test_bad_field_is_reported_and_nothing_is_written(project: Path) -> None:
    before = snapshot(project)
    code, output = run(project, "Author", "name:strng(120)")
    assert code == 2
    assert "unknown type `strng`" in output
    assert "did you mean `str`?" in output
    assert "Traceback" not in output
    assert snapshot(project) == before


def test_reference_to_an_undeclared_resource_is_refused(project: Path) -> None:
    before = snapshot(project)
    code, output = run(project, "Post", "author:ref(Author)")
    assert code == 2
    assert "refers to an undeclared resource" in output
    assert snapshot(project) == before


def test_undeclared_resource_without_fields_is_refused(project: Path) -> None:
    code, output = run(project, "Autor")
    assert code == 2
    assert "not declared" in output


def test_conflicting_edit_keeps_the_users_text_with_markers(project: Path) -> None:
    assert run(project, "Author", "name:str")[0] == 0
    model = project / "app/models/author.py"
    model.write_text('"""Mine."""\n')
    set_template(project, "model.py.jinja", '"""v2 {{ resource.name }}."""\n')
    code, output = run(project, "Author")
    assert code == 1
    assert model.read_text() == (
        '<<<<<<< yours\n"""Mine."""\n||||||| generated before\n"""Author: model.py.jinja."""\n'
        '=======\n"""v2 Author."""\n>>>>>>> scaffold\n'
    )
    assert "conflict" in output
