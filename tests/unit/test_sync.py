"""Regeneration scenarios on an inline project: exact file text asserted (Copier style).

The stand-in model template renders one function per field, so spec changes and
hand edits land in separate or in the same definitions, as in real generated code.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from inline_project import make_project, set_template, snapshot
from typer.testing import CliRunner

from scaffolder.cli import app

MODEL = '''"""{{ resource.name }} model."""
{% for field in resource.fields %}


def {{ field.name }}() -> str:
    """The {{ field.label | lower }}."""
    return {{ (field.column_type ~ " " ~ field.python_annotation) | py_str }}
{% endfor %}
'''

SPEC = """version: 1
resources:
  Post:
    fields:
      title: str(200)
      body: text
      views: int = 0
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = make_project(tmp_path)
    set_template(root, "model.py.jinja", MODEL)
    (root / "scaffold.yaml").write_text(SPEC)
    assert scaffold(root, "sync")[0] == 0
    return root


def scaffold(project: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["-C", str(project), *args])
    return result.exit_code, result.output


def edit_spec(project: Path, old: str, new: str) -> None:
    spec = project / "scaffold.yaml"
    text = spec.read_text()
    assert old in text
    spec.write_text(text.replace(old, new))


def edit(project: Path, path: str, old: str, new: str) -> None:
    target = project / path
    text = target.read_text()
    assert old in text, text
    target.write_text(text.replace(old, new))


MODEL_PATH = "app/models/post.py"


def test_first_sync_generates_everything(project: Path) -> None:
    assert (project / MODEL_PATH).read_text() == (
        '"""Post model."""\n\n\n'
        'def title() -> str:\n    """The title."""\n    return "String(200) str"\n\n\n'
        'def body() -> str:\n    """The body."""\n    return "Text() str"\n\n\n'
        'def views() -> str:\n    """The views."""\n    return "Integer() int"\n'
    )
    migrations = sorted((project / "migrations/versions").glob("*.py"))
    assert [m.name for m in migrations] == ["0001_create_users.py", "0002_create_posts.py"]


def test_user_edits_one_definition_while_the_spec_changes_another(project: Path) -> None:
    edit(project, MODEL_PATH, '"""The title."""', '"""The headline, shown in lists."""')
    edit_spec(project, "body: text", "body: text?")
    code, output = scaffold(project, "sync")
    assert code == 0, output
    text = (project / MODEL_PATH).read_text()
    assert '"""The headline, shown in lists."""' in text
    assert 'def body() -> str:\n    """The body."""\n    return "Text() str | None"\n' in text
    assert "merge" in output
    migration = (project / "migrations/versions/0003_alter_posts_body_null.py").read_text()
    assert 'batch_op.alter_column("body", existing_type=sa.Text(), nullable=True)' in migration


def test_user_adds_a_function_while_the_spec_adds_a_field(project: Path) -> None:
    edit(
        project,
        MODEL_PATH,
        'return "Integer() int"\n',
        'return "Integer() int"\n\n\ndef mine() -> int:\n    return 1\n',
    )
    edit_spec(project, "      views: int = 0\n", "      views: int = 0\n      rating: float?\n")
    code, output = scaffold(project, "sync")
    assert code == 0, output
    text = (project / MODEL_PATH).read_text()
    assert text.endswith(
        'def views() -> str:\n    """The views."""\n    return "Integer() int"\n\n\n'
        'def rating() -> str:\n    """The rating."""\n    return "Float() float | None"\n\n\n'
        "def mine() -> int:\n    return 1\n"
    )


def test_same_line_changed_on_both_sides_is_a_conflict(project: Path) -> None:
    edit(project, MODEL_PATH, 'return "Integer() int"', 'return "Integer() int, counted"')
    edit_spec(project, "views: int = 0", "views: bigint = 0")
    code, output = scaffold(project, "sync")
    assert code == 1, output
    text = (project / MODEL_PATH).read_text()
    assert text.endswith(
        'def views() -> str:\n    """The views."""\n'
        '<<<<<<< yours\n    return "Integer() int, counted"\n'
        '||||||| generated before\n    return "Integer() int"\n'
        '=======\n    return "BigInteger() int"\n>>>>>>> scaffold\n'
    )
    assert "conflict" in output
    # pending markers keep --check failing until resolved
    assert scaffold(project, "sync", "--check")[0] == 1


def test_spec_removes_a_field_the_user_edited_conflict_keeps_the_users_code(project: Path) -> None:
    edit(project, MODEL_PATH, '"""The views."""', '"""How often it was read."""')
    edit_spec(project, "      views: int = 0\n", "")
    code, _ = scaffold(project, "sync")
    assert code == 1
    text = (project / MODEL_PATH).read_text()
    assert '"""How often it was read."""' in text
    assert "<<<<<<< yours" in text


def test_spec_removes_an_untouched_field(project: Path) -> None:
    edit_spec(project, "      views: int = 0\n", "")
    code, output = scaffold(project, "sync")
    assert code == 0, output
    assert "def views" not in (project / MODEL_PATH).read_text()
    migration = next((project / "migrations/versions").glob("0003_*.py")).read_text()
    assert 'batch_op.drop_column("views")' in migration
    assert "is dropped with its data" in output


def test_rename_with_renamed_from_renames_the_column(project: Path) -> None:
    edit_spec(
        project,
        "      views: int = 0\n",
        "      view_count:\n        type: int\n        default: 0\n        renamed_from: views\n",
    )
    code, output = scaffold(project, "sync")
    assert code == 0, output
    migration = next((project / "migrations/versions").glob("0003_*.py")).read_text()
    assert 'batch_op.alter_column("views", new_column_name="view_count")' in migration
    assert "drop_column" not in migration


def test_rename_without_renamed_from_drops_and_adds(project: Path) -> None:
    edit_spec(project, "views: int = 0", "view_count: int = 0")
    code, output = scaffold(project, "sync")
    assert code == 0, output
    migration = next((project / "migrations/versions").glob("0003_*.py")).read_text()
    assert 'batch_op.drop_column("views")' in migration
    assert 'sa.Column("view_count", sa.Integer(), nullable=False, server_default="0")' in migration
    assert "dropped with its data" in output


def test_a_file_the_user_deleted_stays_deleted(project: Path) -> None:
    (project / "app/api/post.py").unlink()
    edit_spec(project, "body: text", "body: text?")
    code, output = scaffold(project, "sync")
    assert code == 0, output
    assert not (project / "app/api/post.py").exists()
    assert scaffold(project, "sync", "--check")[0] == 0


def test_a_second_sync_changes_nothing(project: Path) -> None:
    edit_spec(project, "body: text", "body: text?")
    assert scaffold(project, "sync")[0] == 0
    before = snapshot(project)
    code, output = scaffold(project, "sync")
    assert code == 0
    assert snapshot(project) == before
    assert "Nothing to do" in output


def test_check_on_a_fresh_and_on_a_stale_project(project: Path) -> None:
    assert scaffold(project, "sync", "--check")[0] == 0
    edit_spec(project, "body: text", "body: text?")
    before = snapshot(project)
    code, output = scaffold(project, "sync", "--check")
    assert code == 1
    assert "app/models/post.py" in output
    assert snapshot(project) == before


def test_undo_restores_the_whole_run(project: Path) -> None:
    before = snapshot(project)
    edit_spec(project, "body: text", "body: text?")
    spec_edited = snapshot(project)
    assert scaffold(project, "sync")[0] == 0
    assert snapshot(project) != spec_edited
    code, output = scaffold(project, "undo")
    assert code == 0, output
    assert snapshot(project) == spec_edited != before
    assert scaffold(project, "undo")[0] == 2  # one run, undone once


def test_destroy_refuses_while_referenced_and_names_the_fields(project: Path) -> None:
    edit_spec(
        project, "      views: int = 0\n", "      views: int = 0\n      author: ref(Author)\n"
    )
    (project / "scaffold.yaml").write_text(
        (project / "scaffold.yaml").read_text() + "  Author:\n    fields:\n      name: str\n"
    )
    assert scaffold(project, "sync")[0] == 0
    before = snapshot(project)
    code, output = scaffold(project, "destroy", "resource", "Author")
    assert code == 2
    assert "Post.author" in output
    assert snapshot(project) == before


def test_destroy_removes_files_wiring_and_table_keeping_edited_files(project: Path) -> None:
    edit(project, "app/services/post.py", '"""Post: service.py.jinja."""', '"""My service."""')
    # the project's tests were run: Python cached its compiled modules beside them
    compiled = project / "tests/post/__pycache__"
    compiled.mkdir()
    (compiled / "test_api.cpython-311-pytest-8.4.2.pyc").write_bytes(b"")
    (compiled / "__init__.cpython-311.pyc").write_bytes(b"")
    (project / "app/__pycache__").mkdir()
    (project / "app/__pycache__/main.cpython-311.pyc").write_bytes(b"")
    code, output = scaffold(project, "destroy", "resource", "Post")
    assert code == 0, output
    assert "Post" not in (project / "scaffold.yaml").read_text()
    assert not (project / MODEL_PATH).exists()
    assert not (project / "tests/post").exists()  # emptied directories go too
    assert (project / "app/__pycache__/main.cpython-311.pyc").exists()  # not a removed module's
    assert (project / "app/services/post.py").read_text() == '"""My service."""\n'
    assert "kept" in output
    assert "Post" not in (project / "app/models/__init__.py").read_text()
    assert "post_api" not in (project / "app/routes.py").read_text()
    migration = next((project / "migrations/versions").glob("0003_*.py")).read_text()
    assert 'op.drop_table("posts")' in migration
    assert 'op.create_table(\n        "posts"' in migration  # downgrade recreates it


def test_resource_rename_with_renamed_from_renames_the_table(project: Path) -> None:
    edit_spec(project, "  Post:\n", "  Article:\n    renamed_from: Post\n")
    code, output = scaffold(project, "sync")
    assert code == 0, output
    migration = next((project / "migrations/versions").glob("0003_*.py")).read_text()
    assert 'op.rename_table("posts", "articles")' in migration
    assert "drop_table" not in migration
    assert "create_table" not in migration
    # the old resource's untouched files go, the new ones come, wiring follows
    assert not (project / MODEL_PATH).exists()
    assert (project / "app/models/article.py").is_file()
    models = (project / "app/models/__init__.py").read_text()
    assert "from app.models.article import Article" in models
    assert "Post" not in models


def stored_bases(project: Path) -> set[str]:
    return {blob.name for blob in (project / ".scaffold/base").iterdir()}


def referenced_bases(project: Path) -> set[str]:
    manifest = json.loads((project / ".scaffold/manifest.json").read_text())
    return {entry["base"] for entry in manifest["files"].values()}


def test_bases_no_longer_referenced_are_removed_and_undo_brings_them_back(
    project: Path,
) -> None:
    before = stored_bases(project)
    assert before == referenced_bases(project)
    edit_spec(project, "body: text", "body: text?")
    assert scaffold(project, "sync")[0] == 0
    after = stored_bases(project)
    assert after == referenced_bases(project)
    assert before - after  # the old model's base went with it
    assert scaffold(project, "undo")[0] == 0
    assert stored_bases(project) == before


def test_a_missing_base_is_a_clear_error_not_a_traceback(project: Path) -> None:
    edit(project, MODEL_PATH, '"""The title."""', '"""The headline."""')
    edit_spec(project, "body: text", "body: text?")
    for blob in (project / ".scaffold/base").iterdir():
        blob.unlink()
    before = snapshot(project)
    code, output = scaffold(project, "sync")
    assert code == 2
    assert "is missing or damaged" in output
    assert "git checkout -- .scaffold" in output
    assert "Traceback" not in output
    assert snapshot(project) == before


def test_a_damaged_manifest_is_a_clear_error(project: Path) -> None:
    (project / ".scaffold/manifest.json").write_text("{not json")
    code, output = scaffold(project, "sync")
    assert code == 2
    assert ".scaffold/manifest.json cannot be read" in output


def test_a_missing_base_of_a_file_the_run_keeps_is_a_clear_error(project: Path) -> None:
    manifest = json.loads((project / ".scaffold/manifest.json").read_text())
    kept = manifest["files"]["migrations/versions/0002_create_posts.py"]["base"]
    edit_spec(project, "body: text", "body: text?")  # Post re-rendered, the rest kept as stored
    (project / ".scaffold/base" / kept).unlink()
    before = snapshot(project)
    code, output = scaffold(project, "sync")
    assert code == 2
    assert f".scaffold/base/{kept} is missing or damaged" in output
    assert "Traceback" not in output
    assert snapshot(project) == before
