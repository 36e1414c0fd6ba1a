"""A project's own `blueprints/` take part in regeneration, like the spec does.

Editing, adding or removing an override (or a partial it includes) must change
the generated files on the next `scaffold sync`, with hand edits merged as usual;
`sync --check` must see the drift. These tests fail if a sync ever skips
rendering because only a template changed (a render cache that forgets the
project's overrides).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from inline_project import make_project, set_template
from typer.testing import CliRunner

from scaffolder.cli import app

MODEL = '''"""{{ resource.name }} model."""
{% for field in resource.fields %}


def {{ field.name }}() -> str:
    """The {{ field.label | lower }}."""
    return {{ field.python_annotation | py_str }}
{% endfor %}
'''

SPEC = "version: 1\nresources:\n  Post:\n    fields:\n      title: str(200)\n      body: text\n"
MODEL_PATH = "app/models/post.py"


def scaffold(project: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["-C", str(project), *args])
    return result.exit_code, result.output


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = make_project(tmp_path)
    set_template(root, "model.py.jinja", MODEL)
    (root / "scaffold.yaml").write_text(SPEC)
    assert scaffold(root, "sync")[0] == 0
    return root


def test_an_edited_override_changes_the_generated_file_on_the_next_sync(project: Path) -> None:
    set_template(project, "model.py.jinja", MODEL.replace('"""The ', '"""Our '))
    assert scaffold(project, "sync", "--check")[0] == 1
    code, output = scaffold(project, "sync")
    assert code == 0, output
    assert f"update  {MODEL_PATH}" in output
    text = (project / MODEL_PATH).read_text()
    assert '"""Our title."""' in text
    assert '"""Our body."""' in text
    assert scaffold(project, "sync", "--check")[0] == 0


def test_an_edited_override_merges_with_hand_edits(project: Path) -> None:
    model = project / MODEL_PATH
    model.write_text(model.read_text() + "\n\ndef mine() -> int:\n    return 1\n")
    set_template(project, "model.py.jinja", MODEL.replace('"""The ', '"""Our '))
    code, output = scaffold(project, "sync")
    assert code == 0, output
    assert f"merge  {MODEL_PATH}" in output
    assert model.read_text() == (
        '"""Post model."""\n\n\n'
        'def title() -> str:\n    """Our title."""\n    return "str"\n\n\n'
        'def body() -> str:\n    """Our body."""\n    return "str"\n\n\n'
        "def mine() -> int:\n    return 1\n"
    )


def test_an_edited_partial_changes_the_files_of_templates_that_include_it(
    project: Path,
) -> None:
    set_template(project, "model.py.jinja", '{% include "_header.py.jinja" %}\nX = 1\n')
    set_template(project, "_header.py.jinja", '"""{{ resource.name }}: first."""\n')
    assert scaffold(project, "sync")[0] == 0
    assert (project / MODEL_PATH).read_text() == '"""Post: first."""\n\nX = 1\n'
    set_template(project, "_header.py.jinja", '"""{{ resource.name }}: second."""\n')
    code, output = scaffold(project, "sync")
    assert code == 0, output
    assert (project / MODEL_PATH).read_text() == '"""Post: second."""\n\nX = 1\n'


def test_a_removed_override_brings_back_the_bundled_template(project: Path) -> None:
    (project / "blueprints/resource/model.py.jinja").unlink()
    code, output = scaffold(project, "sync")
    assert code == 0, output
    text = (project / MODEL_PATH).read_text()
    assert text.startswith('"""The post model: the `posts` table."""\n')
    assert "class Post(TimestampMixin, Base):" in text
    assert "title: Mapped[str] = mapped_column(sa.String(200))" in text


def test_an_override_of_the_migration_template_shapes_the_next_migration(
    project: Path,
) -> None:
    bundled = Path(__file__).parents[2] / "blueprints/migration/revision.py.jinja"
    override = project / "blueprints/migration/revision.py.jinja"
    override.parent.mkdir(parents=True)
    override.write_text("# Reviewed by the data team.\n" + bundled.read_text())
    spec = project / "scaffold.yaml"
    spec.write_text(spec.read_text() + "      views: int = 0\n")
    code, output = scaffold(project, "sync")
    assert code == 0, output
    migration = next((project / "migrations/versions").glob("0003_*.py")).read_text()
    assert migration.startswith("# Reviewed by the data team.\n")
    assert 'batch_op.add_column(sa.Column("views"' in migration
