"""Writing a plan under faults: symbolic links out of the project, an apply that fails
halfway, the temporary files a killed run leaves.

Every write path goes through `apply_plan`: sync, generate, destroy, undo and
`blueprints eject` are each run here against a link out of the project.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from inline_project import make_project, set_template, snapshot
from typer.testing import CliRunner

from scaffolder.cli import app
from scaffolder.commands.sync import apply_sync, plan_sync
from scaffolder.plan import apply as apply_module
from scaffolder.plan.apply import remove_stale_temp_files

FORM = "[% for field in resource.fields %][[ field.name ]]\n[% endfor %]"
MODEL = '"""{{ resource.name }}:{% for f in resource.fields %} {{ f.name }}{% endfor %}."""\n'
POST = "  Post:\n    fields:\n      title: str(200)\n"


def scaffold(project: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["-C", str(project), *args])
    return result.exit_code, result.output


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project with Post generated; its form and model list the fields, so a new field
    changes them."""
    root = make_project(tmp_path / "project")
    set_template(root, "templates/form.html.jinja", FORM)
    set_template(root, "model.py.jinja", MODEL)
    assert scaffold(root, "generate", "resource", "Post", "title:str(200)")[0] == 0
    return root


@pytest.fixture
def elsewhere(tmp_path: Path) -> Path:
    """A directory outside the project."""
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    return outside


def add_field(project: Path) -> None:
    spec = project / "scaffold.yaml"
    body = "title: str(200)\n      body: text\n"
    spec.write_text(spec.read_text().replace("title: str(200)\n", body))


def move_out(project: Path, relative: str, outside: Path) -> None:
    """Replace the directory or file `relative` by a link to a copy of it in `outside`."""
    link = project / relative
    outside.mkdir(exist_ok=True)
    target = outside / link.name
    link.rename(target)
    link.symlink_to(target, target_is_directory=target.is_dir())


def files_in(directory: Path) -> dict[str, str]:
    return {
        str(p.relative_to(directory)): p.read_text()
        for p in sorted(directory.rglob("*"))
        if p.is_file()
    }


def assert_refused(code: str | int, output: str, link: str, target: Path) -> None:
    assert code == 2, output
    assert f"{link} -> {target}" in output, output
    assert "nothing was written" in output
    assert "hint: scaffold writes only inside the project" in output
    assert "Traceback" not in output


def test_sync_refuses_to_write_through_a_directory_linked_out_of_the_project(
    project: Path, elsewhere: Path
) -> None:
    move_out(project, "app/templates/post", elsewhere)
    add_field(project)
    undo = project / ".scaffold/undo/last-run.json"
    before, outside, undo_before = snapshot(project), files_in(elsewhere), undo.read_text()
    code, output = scaffold(project, "sync")
    assert_refused(code, output, "app/templates/post", elsewhere / "post")
    assert f"cp -R {elsewhere / 'post'} app/templates/post" in output
    assert snapshot(project) == before
    assert files_in(elsewhere) == outside
    assert undo.read_text() == undo_before  # not even the snapshot: undo still undoes generate


def test_generate_refuses_a_migrations_directory_linked_out_of_the_project(
    project: Path, elsewhere: Path
) -> None:
    move_out(project, "migrations/versions", elsewhere)
    before, outside = snapshot(project), files_in(elsewhere)
    code, output = scaffold(project, "generate", "resource", "Tag", "name:str(50)")
    assert_refused(code, output, "migrations/versions", elsewhere / "versions")
    assert snapshot(project) == before  # scaffold.yaml too: it is written with the rest
    assert files_in(elsewhere) == outside


def test_a_linked_file_out_of_the_project_is_refused_too(project: Path, elsewhere: Path) -> None:
    move_out(project, "app/templates/post/form.html", elsewhere)
    add_field(project)
    before = snapshot(project)
    code, output = scaffold(project, "sync")
    assert_refused(code, output, "app/templates/post/form.html", elsewhere / "form.html")
    assert f"cp {elsewhere / 'form.html'} app/templates/post/form.html" in output
    assert snapshot(project) == before
    assert (elsewhere / "form.html").read_text() == "title\n"


def test_every_link_out_is_named_at_once(project: Path, elsewhere: Path) -> None:
    move_out(project, "app/templates/post", elsewhere)
    move_out(project, "app/models", elsewhere)
    add_field(project)
    code, output = scaffold(project, "sync")
    assert code == 2, output
    assert "these symbolic links lead out of the project" in output
    assert f"app/models -> {elsewhere / 'models'}" in output
    assert f"app/templates/post -> {elsewhere / 'post'}" in output


def test_a_link_to_nothing_out_of_the_project_is_refused(project: Path, tmp_path: Path) -> None:
    (project / "migrations/versions").rename(tmp_path / "gone")
    (project / "migrations/versions").symlink_to(tmp_path / "nowhere")
    code, output = scaffold(project, "generate", "resource", "Tag", "name:str(50)")
    assert_refused(code, output, "migrations/versions", tmp_path / "nowhere")
    assert "rm migrations/versions, a link to nothing" in output
    assert not (tmp_path / "nowhere").exists()


def test_destroy_refuses_to_remove_through_a_link_out(project: Path, elsewhere: Path) -> None:
    move_out(project, "app/templates/post", elsewhere)
    before, outside = snapshot(project), files_in(elsewhere)
    code, output = scaffold(project, "destroy", "resource", "Post")
    assert_refused(code, output, "app/templates/post", elsewhere / "post")
    assert snapshot(project) == before
    assert files_in(elsewhere) == outside


def test_undo_refuses_a_link_out_made_since_the_run(project: Path, elsewhere: Path) -> None:
    add_field(project)
    assert scaffold(project, "sync")[0] == 0
    move_out(project, "app/templates/post", elsewhere)
    outside = files_in(elsewhere)
    code, output = scaffold(project, "undo")
    assert_refused(code, output, "app/templates/post", elsewhere / "post")
    assert files_in(elsewhere) == outside
    assert (project / ".scaffold/undo/last-run.json").is_file()  # undo can run once fixed


def test_blueprints_eject_refuses_a_blueprints_directory_linked_out(
    project: Path, elsewhere: Path
) -> None:
    move_out(project, "blueprints", elsewhere)
    code, output = scaffold(project, "blueprints", "eject", "model.py.jinja", "--force")
    assert_refused(code, output, "blueprints", elsewhere / "blueprints")


def test_a_dry_run_reads_through_a_link_out_and_writes_nothing(
    project: Path, elsewhere: Path
) -> None:
    move_out(project, "app/templates/post", elsewhere)
    add_field(project)
    code, output = scaffold(project, "sync", "--dry-run")
    assert code == 0, output
    assert "update  app/templates/post/form.html" in output
    assert (elsewhere / "post/form.html").read_text() == "title\n"


def test_a_directory_linked_inside_the_project_is_written_through(project: Path) -> None:
    """Links that stay inside the project are fine: the files land where they lead,
    the link stays, and undo puts back what was there."""
    move_out(project, "app/templates/post", project / "shared")
    add_field(project)
    code, output = scaffold(project, "sync")
    assert code == 0, output
    assert (project / "app/templates/post").is_symlink()
    assert (project / "shared/post/form.html").read_text() == "title\nbody\n"
    assert scaffold(project, "undo")[0] == 0
    assert (project / "app/templates/post").is_symlink()
    assert (project / "shared/post/form.html").read_text() == "title\n"


def test_a_file_linked_inside_the_project_stays_a_link(project: Path) -> None:
    move_out(project, "app/templates/post/form.html", project / "shared")
    add_field(project)
    code, output = scaffold(project, "sync")
    assert code == 0, output
    form = project / "app/templates/post/form.html"
    assert form.is_symlink()
    assert form.resolve() == (project / "shared/form.html").resolve()
    assert form.read_text() == "title\nbody\n"


def test_removing_a_resource_keeps_a_linked_directory_and_what_it_points_to(
    project: Path,
) -> None:
    move_out(project, "app/templates/post", project / "shared")
    code, output = scaffold(project, "destroy", "resource", "Post")
    assert code == 0, output
    assert (project / "app/templates/post").is_symlink()
    assert (project / "shared/post").is_dir()
    assert not list((project / "shared/post").iterdir())


def test_a_failing_apply_puts_back_what_it_had_written(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """All or nothing: the snapshot taken for undo rolls back an apply stopped halfway
    (by an error here; by a signal in test_signals.py)."""
    add_field(project)
    before = snapshot(project)
    real_write = apply_module.write_atomic
    written: list[Path] = []

    def fail_on_the_third(target: Path, text: str) -> None:
        written.append(target)
        if len(written) == 3:
            raise OSError(28, "No space left on device")
        real_write(target, text)

    monkeypatch.setattr(apply_module, "write_atomic", fail_on_the_third)
    with pytest.raises(OSError, match="No space left"):
        apply_sync(project, plan_sync(project))
    monkeypatch.undo()
    assert snapshot(project) == before
    assert not list(project.rglob("*.tmp"))
    assert not (project / ".scaffold/undo/last-run.json").exists()


def stale(directory: Path, name: str) -> Path:
    leftover = directory / name
    leftover.write_text("half a file")
    return leftover


def test_the_next_run_removes_the_temporary_files_a_killed_run_left(project: Path) -> None:
    post = project / "app/templates/post"
    marked = stale(post, ".form.html.k2j4h6g8.scaffold.tmp")
    unmarked = stale(post, ".form.html.k2j4h6g8.tmp")  # named as scaffold did before
    state = stale(project / ".scaffold", ".manifest.json.ab12cd34.scaffold.tmp")
    mine = [stale(post, ".notes.abcdefgh.tmp"), stale(post, "form.html.tmp")]
    code, output = scaffold(project, "sync")  # nothing to do but that
    assert code == 0, output
    assert not marked.exists()
    assert not unmarked.exists()
    assert not state.exists()
    assert all(p.exists() for p in mine)  # not recognisably scaffold's: left alone


def test_undo_removes_the_temporary_files_a_killed_run_left(project: Path) -> None:
    add_field(project)
    assert scaffold(project, "sync")[0] == 0
    leftovers = [
        stale(project / "app/templates/post", ".form.html.x1y2z3w4.scaffold.tmp"),
        stale(project / ".scaffold/undo", ".last-run.json.x1y2z3w4.scaffold.tmp"),
    ]
    assert scaffold(project, "undo")[0] == 0
    assert not any(p.exists() for p in leftovers)
    assert (project / "app/templates/post/form.html").read_text() == "title\n"


def test_stale_temporary_files_are_recognised_by_name_only_beside_the_paths_given(
    tmp_path: Path,
) -> None:
    (tmp_path / "a").mkdir()
    names = [".x.py.abcdefgh.scaffold.tmp", ".x.py.abcdefgh.tmp", ".y.py.abcdefgh.tmp"]
    for name in names:
        stale(tmp_path / "a", name)
    (tmp_path / "a" / ".z.py.abcdefgh.scaffold.tmp").symlink_to(tmp_path / "a" / names[0])
    removed = remove_stale_temp_files(tmp_path, ["a/x.py", "missing/dir/file.py"])
    assert sorted(removed) == ["a/.x.py.abcdefgh.scaffold.tmp", "a/.x.py.abcdefgh.tmp"]
    assert sorted(p.name for p in (tmp_path / "a").iterdir()) == [
        ".y.py.abcdefgh.tmp",
        ".z.py.abcdefgh.scaffold.tmp",  # a link: not a file scaffold wrote
    ]
