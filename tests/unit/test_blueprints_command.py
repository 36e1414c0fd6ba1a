"""`scaffold blueprints list|eject` and customizing a real project through its overrides.

The last test walks the path the issue's "done when" describes, with the bundled
blueprints: eject a template, edit it, edit the file it generates by hand, change
the spec, sync — the customization, the hand edit and the spec change all land.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from inline_project import make_project, snapshot
from typer.testing import CliRunner, Result

from scaffolder.cli import app
from scaffolder.errors import EXIT_BAD_INPUT, EXIT_OK
from scaffolder.render.blueprints import bundled_blueprints
from scaffolder.render.catalog import bundled_templates

DETAIL = "resource/templates/detail.html.jinja"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A scaffold.yaml and nothing overridden (eject needs no more)."""
    root = tmp_path / "proj"
    root.mkdir()
    (root / "scaffold.yaml").write_text("version: 1\nresources: {}\n")
    return root


def scaffold(project: Path, *args: str) -> Result:
    result = CliRunner().invoke(app, ["-C", str(project), *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def bundled(name: str) -> str:
    return (bundled_blueprints() / name).read_text()


# ------------------------------------------------------------------------- list


def test_the_catalog_is_every_bundled_template_but_the_project_skeleton() -> None:
    names = [t.name for t in bundled_templates()]
    on_disk = sorted(
        p.relative_to(bundled_blueprints()).as_posix()
        for kind in ("resource", "migration")
        for p in (bundled_blueprints() / kind).rglob("*.jinja")
    )
    assert sorted(names) == on_disk
    generates = {t.name: t.generates for t in bundled_templates()}
    assert generates["resource/model.py.jinja"] == "{package}/models/{snake}.py"
    assert generates[DETAIL] == "{package}/templates/{snake}/detail.html"
    assert generates["resource/templates/_macros.html.jinja"] == "(included by other templates)"
    assert generates["migration/revision.py.jinja"] == "migrations/versions/NNNN_<change>.py"


def test_list_shows_what_each_template_generates_and_the_overrides(project: Path) -> None:
    assert scaffold(project, "blueprints", "eject", DETAIL, "resource/model.py").exit_code == 0
    detail = project / "blueprints" / DETAIL
    detail.write_text(detail.read_text() + "[# ours #]\n")
    result = scaffold(project, "blueprints", "list")
    assert result.exit_code == EXIT_OK
    lines = result.stdout.splitlines()
    width = max(len(t.name) for t in bundled_templates())
    assert lines[0].split() == ["template", "generates", "override"]
    assert lines[0].index("generates") == width + 2
    assert f"{'resource/admin.py.jinja':<{width}}  {{package}}/admin/{{snake}}.py" in lines
    model = next(line for line in lines if line.startswith("resource/model.py.jinja "))
    assert model.split() == [
        "resource/model.py.jinja",
        "{package}/models/{snake}.py",
        "copied,",
        "unchanged",
    ]
    edited = next(line for line in lines if line.startswith(DETAIL))
    assert edited.split()[-1] == "edited"
    assert lines[-1] == (
        f"2 of {len(bundled_templates())} templates overridden in blueprints/; "
        "`scaffold blueprints eject TEMPLATE` copies one there."
    )


def test_list_with_quiet_still_lists(project: Path) -> None:
    result = scaffold(project, "-q", "blueprints", "list")
    assert len(result.stdout.splitlines()) == len(bundled_templates()) + 2


def test_list_warns_of_an_override_that_overrides_nothing(project: Path) -> None:
    stray = project / "blueprints/resource/modle.py.jinja"
    stray.parent.mkdir(parents=True)
    stray.write_text("x\n")
    result = scaffold(project, "blueprints", "list")
    assert result.exit_code == EXIT_OK
    assert result.stderr == (
        "warning: blueprints/resource/modle.py.jinja overrides no bundled template and is not "
        "used (did you mean blueprints/resource/model.py.jinja?)\n"
    )


def test_an_override_of_a_template_moved_to_the_skeleton_says_which_file_to_edit(
    project: Path,
) -> None:
    stale = project / "blueprints/resource/tests/resources.py.jinja"  # ejected before the move
    stale.parent.mkdir(parents=True)
    stale.write_text("x\n")
    result = scaffold(project, "blueprints", "list")
    assert result.exit_code == EXIT_OK
    assert result.stderr == (
        "warning: blueprints/resource/tests/resources.py.jinja is not used: tests/resources.py "
        "is a file of the project skeleton now, the same for every resource; edit "
        "tests/resources.py itself\n"
    )


def test_list_as_json(project: Path) -> None:
    scaffold(project, "blueprints", "eject", "migration")
    result = scaffold(project, "--json", "blueprints", "list")
    document = json.loads(result.stdout)
    assert document["command"] == "blueprints list"
    assert document["result"]["status"] == EXIT_OK
    templates = {t["name"]: t for t in document["templates"]}
    assert len(templates) == len(bundled_templates())
    assert templates["migration/revision.py.jinja"] == {
        "name": "migration/revision.py.jinja",
        "generates": "migrations/versions/NNNN_<change>.py",
        "overridden": True,
        "modified": False,
    }
    assert templates["resource/model.py.jinja"]["overridden"] is False


# ------------------------------------------------------------------------ eject


def test_eject_one_template_copies_it(project: Path) -> None:
    result = scaffold(project, "blueprints", "eject", "resource/templates/detail.html")
    assert result.exit_code == EXIT_OK
    assert result.stdout == f"    create  blueprints/{DETAIL}\nsummary: 1 created\n"
    assert (project / "blueprints" / DETAIL).read_text() == bundled(DETAIL)


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        (["resource/model.py.jinja"], ["resource/model.py.jinja"]),
        (["model.py"], ["resource/model.py.jinja"]),
        (["blueprints/resource/model.py"], ["resource/model.py.jinja"]),
        (["migration"], ["migration/revision.py.jinja"]),
        (
            ["resource/templates"],
            [
                f"resource/templates/{name}.html.jinja"
                for name in ("_macros", "_results", "confirm_delete", "detail", "form", "list")
            ],
        ),
    ],
)
def test_eject_accepts_a_file_a_folder_or_a_kind(
    project: Path, names: list[str], expected: list[str]
) -> None:
    assert scaffold(project, "blueprints", "eject", *names).exit_code == EXIT_OK
    copied = sorted(
        p.relative_to(project / "blueprints").as_posix()
        for p in (project / "blueprints").rglob("*")
        if p.is_file()
    )
    assert copied == expected


def test_eject_without_names_copies_everything(project: Path) -> None:
    result = scaffold(project, "blueprints", "eject")
    assert result.exit_code == EXIT_OK
    for template in bundled_templates():
        assert (project / "blueprints" / template.name).read_text() == bundled(template.name)
    assert result.stdout.endswith(f"summary: {len(bundled_templates())} created\n")


@pytest.mark.parametrize(
    ("name", "hint"),
    [
        ("detial.html", "did you mean `resource/templates/detail.html.jinja`?"),
        ("resurce", "did you mean `resource`?"),
        ("resource/modle.py", "did you mean `resource/model.py.jinja`?"),
        ("project/pyproject.toml", "`scaffold blueprints list` shows every template"),
    ],
)
def test_eject_an_unknown_template_exits_2_with_a_suggestion(
    project: Path, name: str, hint: str
) -> None:
    result = scaffold(project, "blueprints", "eject", "model.py", name)
    assert result.exit_code == EXIT_BAD_INPUT
    assert result.stderr == f"error: no bundled template is called `{name}`\n  hint: {hint}\n"
    assert not (project / "blueprints").exists()  # nothing written, not even the good one


def test_eject_never_replaces_an_edited_override_without_force(project: Path) -> None:
    scaffold(project, "blueprints", "eject", "model.py")
    own = project / "blueprints/resource/model.py.jinja"
    own.write_text("{# ours #}\n")
    before = snapshot(project)
    refused = scaffold(project, "blueprints", "eject", "resource")
    assert refused.exit_code == EXIT_BAD_INPUT
    assert refused.stderr == (
        "error: blueprints/resource/model.py.jinja already exists and differs from the bundled "
        "template; nothing was written\n"
        "  hint: pass --force to replace them with the bundled version (`scaffold undo` brings "
        "yours back)\n"
    )
    assert snapshot(project) == before
    forced = scaffold(project, "blueprints", "eject", "model.py", "--force")
    assert forced.exit_code == EXIT_OK
    assert forced.stdout == (
        "    update  blueprints/resource/model.py.jinja  (your version replaced)\n"
        "summary: 1 updated\n"
    )
    assert own.read_text() == bundled("resource/model.py.jinja")
    assert scaffold(project, "undo").exit_code == EXIT_OK
    assert own.read_text() == "{# ours #}\n"


def test_eject_again_changes_nothing(project: Path) -> None:
    scaffold(project, "blueprints", "eject", "model.py")
    result = scaffold(project, "blueprints", "eject", "model.py")
    assert (result.exit_code, result.stdout) == (
        EXIT_OK,
        "Nothing to do: everything is up to date.\n",
    )


def test_eject_dry_run_writes_nothing(project: Path) -> None:
    result = scaffold(project, "blueprints", "eject", "migration", "--dry-run")
    assert result.exit_code == EXIT_OK
    assert result.stdout == (
        "    create  blueprints/migration/revision.py.jinja\n"
        "summary: 1 created\n"
        "dry run: 1 file would change; nothing was written.\n"
    )
    assert not (project / "blueprints").exists()


def test_eject_outside_a_project_exits_2(tmp_path: Path) -> None:
    result = scaffold(tmp_path, "blueprints", "eject", "model.py")
    assert result.exit_code == EXIT_BAD_INPUT
    assert "templates are ejected into a project" in result.stderr
    assert not (tmp_path / "blueprints").exists()


def test_eject_as_json(project: Path) -> None:
    document = json.loads(scaffold(project, "--json", "blueprints", "eject", "model.py").stdout)
    assert document["command"] == "blueprints eject"
    assert document["plan"] == [
        {
            "action": "create",
            "path": "blueprints/resource/model.py.jinja",
            "owner": None,
            "note": None,
        }
    ]
    assert document["result"]["status"] == EXIT_OK


# --------------------------------------------------------------- broken overrides


@pytest.mark.parametrize(
    ("template", "message"),
    [
        (
            '"""{{ resource.name }}."""\n{{ resource.nmae }}\n',
            "error: blueprints/resource/model.py.jinja:2: "
            "'scaffolder.model.spec.Resource object' has no attribute 'nmae'\n",
        ),
        (
            '"""Model."""\n\n{% if %}\n',
            "error: blueprints/resource/model.py.jinja:3: "
            "Expected an expression, got 'end of statement block'\n",
        ),
    ],
)
def test_a_broken_override_names_its_file_and_line_and_nothing_is_written(
    tmp_path: Path, template: str, message: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_project(tmp_path / "proj")
    (root / "blueprints/resource/model.py.jinja").write_text(template)
    (root / "scaffold.yaml").write_text(
        "version: 1\nresources:\n  Post:\n    fields:\n      title: str\n"
    )
    before = snapshot(root)
    monkeypatch.chdir(root)
    result = CliRunner().invoke(app, ["sync"])
    assert result.exit_code == EXIT_BAD_INPUT
    assert result.stderr == (
        message + "  hint: fix the template, or delete it to use the bundled one again "
        "(`scaffold blueprints list` shows your overrides)\n"
    )
    assert snapshot(root) == before


BROKEN_OVERRIDE_DOC = Path(__file__).parents[2] / "docs/_generated/customizing/broken-override.txt"


def test_the_docs_show_the_real_report_of_a_broken_override(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, update_golden: bool
) -> None:
    """docs/customizing.md includes this output; refresh: pytest tests --update-golden."""
    root = make_project(tmp_path / "proj")
    (root / "blueprints/resource/model.py.jinja").write_text(
        '"""{{ resource.name }} model."""\n\n{% for field in resource.feilds %}\n{% endfor %}\n'
    )
    (root / "scaffold.yaml").write_text(
        "version: 1\nresources:\n  Post:\n    fields:\n      title: str\n"
    )
    monkeypatch.chdir(root)
    result = CliRunner().invoke(app, ["sync"])
    assert result.exit_code == EXIT_BAD_INPUT
    shown = f"$ scaffold sync\n{result.stderr}"
    if update_golden:
        BROKEN_OVERRIDE_DOC.parent.mkdir(parents=True, exist_ok=True)
        BROKEN_OVERRIDE_DOC.write_text(shown)
    assert BROKEN_OVERRIDE_DOC.read_text() == shown


# ------------------------------------------------------- customizing a real project


@pytest.mark.slow
def test_customize_a_template_change_the_spec_sync_and_keep_everything(tmp_path: Path) -> None:
    spec = tmp_path / "notes.yaml"
    spec.write_text("version: 1\nresources:\n  Note:\n    fields:\n      title: str(80)\n")
    made = CliRunner().invoke(app, ["new", str(tmp_path / "notes"), "--spec", str(spec)])
    assert made.exit_code == EXIT_OK, made.output
    project = tmp_path / "notes"
    page = project / "notes/templates/note/detail.html"

    # 1. eject the detail page's template and customize it: a banner above the content
    assert scaffold(project, "blueprints", "eject", "resource/templates/detail.html").exit_code == 0
    assert scaffold(project, "sync", "--check").exit_code == EXIT_OK  # a copy changes nothing
    template = project / "blueprints" / DETAIL
    text = template.read_text()
    assert "{% block content %}\n" in text
    template.write_text(
        text.replace(
            "{% block content %}\n",
            '{% block content %}\n<p class="banner">[[ resource.names.plural_label ]]</p>\n',
            1,
        )
    )
    # 2. a hand edit in the generated page, in another block
    assert "{% endblock %}\n" in page.read_text()
    page.write_text(page.read_text() + "{# reviewed by Ann #}\n")
    # 3. the spec changes: a new field
    spec_file = project / "scaffold.yaml"
    spec_file.write_text(
        spec_file.read_text().replace("title: str(80)\n", "title: str(80)\n      body: text?\n")
    )

    result = scaffold(project, "sync")
    assert result.exit_code == EXIT_OK, result.output
    assert "merge  notes/templates/note/detail.html" in result.stdout
    html = page.read_text()
    assert '<p class="banner">Notes</p>' in html  # the customized template
    assert html.endswith("{# reviewed by Ann #}\n")  # the hand edit
    assert "note.body" in html  # the spec change
    assert scaffold(project, "sync", "--check").exit_code == EXIT_OK

    # 4. the next resource gets the customized page too
    added = scaffold(project, "generate", "resource", "Tag", "name:str(30)")
    assert added.exit_code == EXIT_OK, added.output
    assert '<p class="banner">Tags</p>' in (project / "notes/templates/tag/detail.html").read_text()
