"""What every command prints: Rails-style lines and a summary, --quiet, --json, exit statuses,
and the progress bar. Exact text and exact JSON, on an inline project (fast).
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from inline_project import make_project, set_template, snapshot
from rich.console import Console
from typer.testing import CliRunner, Result

from scaffolder import report
from scaffolder.cli import app
from scaffolder.errors import EXIT_BAD_INPUT, EXIT_DRIFT, EXIT_OK
from scaffolder.generation import prepare
from scaffolder.spec import parse_spec
from scaffolder.spec.json_schema import spec_json_schema
from scaffolder.state import is_state

API_FILES = [
    "app/models/post.py",
    "app/schemas/post.py",
    "app/services/post.py",
    "app/api/post.py",
    "tests/post/__init__.py",
    "tests/post/factories.py",
    "tests/post/test_model.py",
    "tests/post/test_api.py",
]
INITS = ["app/schemas/__init__.py", "app/services/__init__.py", "app/api/__init__.py"]
MIGRATION = "migrations/versions/0002_create_posts.py"

#: `scaffold generate resource Post title:str --layers api` on the inline project.
GENERATE_OUTPUT = (
    "    update  scaffold.yaml\n"
    + "".join(f"    create  {path}\n" for path in [*API_FILES, *INITS])
    + f"    create  {MIGRATION}\n"
    "    inject  app/models/__init__.py\n"
    "    inject  app/routes.py\n"
    "summary: 12 created, 1 updated, 2 injected\n"
    f"migration: {MIGRATION}\n"
)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return make_project(tmp_path / "proj")


def scaffold(project: Path, *args: str) -> Result:
    result = CliRunner().invoke(app, ["-C", str(project), *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def as_json(result: Result) -> dict[str, Any]:
    """The one JSON document of a --json run (and nothing else on stdout or stderr)."""
    document: dict[str, Any] = json.loads(result.stdout)
    assert result.stderr == ""
    assert document["version"] == 1
    assert set(document) >= {"version", "command", "plan", "result"}
    assert set(document["result"]) == {"status", "dry_run", "migration", "warnings", "problems"}
    assert document["result"]["status"] == result.exit_code
    return document


def generate_post(project: Path, *options: str) -> Result:
    return scaffold(
        project, *options, "generate", "resource", "Post", "title:str", "--layers", "api"
    )


def _stale(project: Path) -> None:
    """A template changed since the last run: one file is out of date."""
    generate_post(project)
    set_template(project, "api.py.jinja", '"""{{ resource.name }} API, v2."""\n')


def _conflicted(project: Path) -> None:
    """A template changed since the last run, and so did the file it generates."""
    _stale(project)
    (project / "app/api/post.py").write_text('"""Mine."""\n')


# ----------------------------------------------------------------- people's output


def test_generate_prints_a_line_per_file_then_a_summary_and_the_migration(project: Path) -> None:
    result = generate_post(project)
    assert result.exit_code == EXIT_OK
    assert result.stdout == GENERATE_OUTPUT
    assert result.stderr == ""


def test_a_run_with_nothing_to_do_says_so(project: Path) -> None:
    generate_post(project)
    result = scaffold(project, "sync")
    assert (result.exit_code, result.stdout) == (
        EXIT_OK,
        "Nothing to do: everything is up to date.\n",
    )


def test_check_lists_what_is_out_of_date(project: Path) -> None:
    _stale(project)
    result = scaffold(project, "sync", "--check")
    assert result.exit_code == EXIT_DRIFT
    assert result.stdout == (
        "    update  app/api/post.py\n"
        "summary: 1 updated\n"
        "out of date: 1 file would change; run `scaffold sync`.\n"
    )


def test_dry_run_shows_diffs_and_writes_nothing(project: Path) -> None:
    _stale(project)
    before = snapshot(project)
    result = scaffold(project, "sync", "--dry-run")
    assert result.exit_code == EXIT_OK
    assert result.stdout == (
        "    update  app/api/post.py\n"
        "--- a/app/api/post.py\n"
        "+++ b/app/api/post.py\n"
        "@@ -1 +1 @@\n"
        '-"""Post: api.py.jinja."""\n'
        '+"""Post API, v2."""\n'
        "summary: 1 updated\n"
        "dry run: 1 file would change; nothing was written.\n"
    )
    assert snapshot(project) == before


def test_a_conflict_is_listed_summarised_and_reported_on_stderr(project: Path) -> None:
    _conflicted(project)
    result = scaffold(project, "sync")
    assert result.exit_code == EXIT_DRIFT
    assert result.stdout == (
        "  conflict  app/api/post.py  (1 conflict: resolve the marked lines)\n"
        "summary: 1 conflicted\n"
    )
    assert result.stderr == "conflict: app/api/post.py: 1 conflict: resolve the marked lines\n"


def test_undo_lists_what_it_puts_back(project: Path) -> None:
    before = snapshot(project)
    generate_post(project)
    preview = scaffold(project, "undo", "--dry-run")
    assert preview.exit_code == EXIT_OK
    assert "    remove  app/models/post.py\n" in preview.stdout
    assert "    update  app/routes.py\n" in preview.stdout
    assert preview.stdout.endswith(
        "summary: 3 updated, 12 removed\ndry run: 15 files would change; nothing was written.\n"
    )
    result = scaffold(project, "undo")
    assert result.exit_code == EXIT_OK
    assert result.stdout.endswith("summary: 3 updated, 12 removed\n")
    assert snapshot(project) == before


def test_the_summary_is_a_coloured_table_on_a_terminal(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setenv("FORCE_COLOR", "1")
    result = generate_post(project)
    assert result.exit_code == EXIT_OK
    lines = result.stdout.splitlines()
    header = next(line for line in lines if "created" in line and "injected" in line)
    assert "\x1b[1;32mcreated" in header  # the colours of the verbs
    assert "\x1b[1;36minjected" in header
    assert "summary:" not in result.stdout
    counts = lines[lines.index(header) + 2]
    assert "\x1b[1;32m12\x1b[0m" in counts
    assert lines[lines.index(header) + 3] == f"\x1b[1mmigration\x1b[0m {MIGRATION}"


# ---------------------------------------------------------------------- --quiet


def test_quiet_prints_nothing_on_success(project: Path) -> None:
    result = generate_post(project, "-q")
    assert (result.exit_code, result.stdout, result.stderr) == (EXIT_OK, "", "")
    assert (project / "app/models/post.py").is_file()


def test_quiet_keeps_warnings_and_errors(project: Path) -> None:
    generate_post(project)
    spec = project / "scaffold.yaml"
    spec.write_text(spec.read_text().replace("title: str\n", "title: str\n      body: text\n"))
    result = scaffold(project, "--quiet", "sync")
    assert result.exit_code == EXIT_OK
    assert result.stdout == ""
    assert result.stderr.startswith("warning: existing rows of `posts` get ''")
    bad = scaffold(project, "-q", "generate", "resource", "Tag", "name:strr")
    assert bad.exit_code == EXIT_BAD_INPUT
    assert bad.stdout == ""
    assert "unknown type `strr`" in bad.stderr


def test_quiet_still_prints_the_data_asked_for(project: Path) -> None:
    result = scaffold(project, "-q", "schema")
    assert json.loads(result.stdout) == spec_json_schema()


# ----------------------------------------------------------------------- --json


def test_json_of_generate_is_the_plan_and_the_result(project: Path) -> None:
    result = generate_post(project, "--json")
    document = as_json(result)
    assert document["command"] == "generate resource"
    plan = document["plan"]
    assert plan[0] == {"action": "update", "path": "scaffold.yaml", "owner": None, "note": None}
    assert {"action": "create", "path": "app/models/post.py", "owner": "Post", "note": None} in plan
    assert {"action": "create", "path": MIGRATION, "owner": "migration", "note": None} in plan
    assert {"action": "inject", "path": "app/routes.py", "owner": None, "note": None} in plan
    assert [op["path"] for op in plan if op["action"] == "create"] == [
        *API_FILES,
        *INITS,
        MIGRATION,
    ]
    assert document["result"] == {
        "status": 0,
        "dry_run": False,
        "migration": MIGRATION,
        "warnings": [],
        "problems": [],
    }


def test_json_of_a_conflict_has_status_1_and_the_problem(project: Path) -> None:
    _conflicted(project)
    document = as_json(scaffold(project, "--json", "sync"))
    assert document["command"] == "sync"
    assert document["result"]["status"] == EXIT_DRIFT
    assert document["result"]["problems"] == [
        {
            "kind": "conflict",
            "file": "app/api/post.py",
            "line": None,
            "column": None,
            "message": "1 conflict: resolve the marked lines",
            "hint": None,
            "example": None,
        }
    ]


def test_json_of_sync_check_and_dry_run(project: Path) -> None:
    generate_post(project)
    fresh = as_json(scaffold(project, "--json", "sync", "--check"))
    assert fresh["result"]["status"] == EXIT_OK
    assert fresh["result"]["dry_run"] is True
    assert {op["action"] for op in fresh["plan"]} == {"identical"}
    spec = project / "scaffold.yaml"
    spec.write_text(spec.read_text().replace("title: str\n", "title: str\n      body: text?\n"))
    stale = as_json(scaffold(project, "--json", "sync", "--check"))
    assert stale["result"]["status"] == EXIT_DRIFT
    assert stale["result"]["migration"] == "migrations/versions/0003_add_posts_body.py"
    before = snapshot(project)
    dry = as_json(scaffold(project, "--json", "sync", "--dry-run"))
    assert (dry["result"]["status"], dry["result"]["dry_run"]) == (EXIT_OK, True)
    assert dry["plan"] == stale["plan"]
    assert snapshot(project) == before


JSON_DOC = Path(__file__).parents[2] / "docs/_generated/json/sync-check.json"


def test_the_cli_reference_shows_a_real_json_document(project: Path, update_golden: bool) -> None:
    """docs/reference/cli.md includes this document; refresh: pytest tests --update-golden."""
    _stale(project)
    result = scaffold(project, "--json", "sync", "--check")
    document = as_json(result)
    document["plan"] = [op for op in document["plan"] if op["action"] != "identical"]
    shown = json.dumps(document, indent=2) + "\n"
    if update_golden:
        JSON_DOC.parent.mkdir(parents=True, exist_ok=True)
        JSON_DOC.write_text(shown)
    assert JSON_DOC.read_text() == shown


def test_json_carries_the_warnings(project: Path) -> None:
    generate_post(project)
    spec = project / "scaffold.yaml"
    spec.write_text(spec.read_text().replace("title: str\n", "body: text?\n"))
    document = as_json(scaffold(project, "--json", "sync"))
    assert document["result"]["warnings"] == ["column `posts.title` is dropped with its data"]


def test_json_of_a_spec_error_gives_file_line_column_message_hint(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("scaffold.yaml").write_text(
        "version: 1\nresources:\n  Post:\n    fields:\n      title: strr\n"
    )
    document = as_json(CliRunner().invoke(app, ["--json", "check"]))
    assert document["command"] == "check"
    assert document["result"]["status"] == EXIT_BAD_INPUT
    assert document["result"]["problems"] == [
        {
            "kind": "spec",
            "file": "scaffold.yaml",
            "line": 5,
            "column": 14,
            "message": "field `title` of `Post`: unknown type `strr`",
            "hint": "did you mean `str`?",
            "example": None,
        }
    ]
    assert "spec" not in document


def test_json_of_check_summarises_the_resources(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("scaffold.yaml").write_text(
        "version: 1\nresources:\n  Tag:\n    fields:\n      name: str\n"
        "  Post:\n    fields:\n      title: str\n      tags: many(Tag)\n    layers: [api]\n"
    )
    document = as_json(CliRunner().invoke(app, ["--json", "check"]))
    assert document["spec"] == {
        "path": "scaffold.yaml",
        "resources": [
            {
                "name": "Tag",
                "table": "tags",
                "fields": ["name"],
                "relations": [],
                "layers": ["api", "html", "admin"],
            },
            {
                "name": "Post",
                "table": "posts",
                "fields": ["title", "tags"],
                "relations": [{"field": "tags", "target": "Tag", "many": True}],
                "layers": ["api"],
            },
        ],
    }
    assert document["plan"] == []


def test_json_of_schema_holds_the_schema(project: Path) -> None:
    document = as_json(scaffold(project, "--json", "schema"))
    assert document["command"] == "schema"
    assert document["schema"] == spec_json_schema()


def test_json_of_a_usage_error(project: Path) -> None:
    document = as_json(scaffold(project, "--json", "destroy", "resource", "Post"))
    assert document["command"] == "destroy resource"
    assert document["result"]["status"] == EXIT_BAD_INPUT
    [problem] = document["result"]["problems"]
    assert problem["kind"] == "error"
    assert problem["message"] == "resource `Post` is not declared in scaffold.yaml"


def test_json_of_destroy_and_undo(project: Path) -> None:
    generate_post(project)
    destroyed = as_json(scaffold(project, "--json", "destroy", "resource", "Post"))
    assert destroyed["command"] == "destroy resource"
    assert {"action": "remove", "path": "app/api/post.py", "owner": "Post", "note": None} in (
        destroyed["plan"]
    )
    assert destroyed["result"]["migration"] == "migrations/versions/0003_drop_posts.py"
    assert destroyed["result"]["warnings"] == ["table `posts` is dropped with all its rows"]
    undone = as_json(scaffold(project, "--json", "undo"))
    assert undone["command"] == "undo"
    assert {"action": "create", "path": "app/api/post.py", "owner": None, "note": None} in (
        undone["plan"]
    )
    assert not any(op["path"].startswith(".scaffold/") for op in undone["plan"])


def test_json_of_new(tmp_path: Path) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text("version: 1\nresources:\n  Note:\n    fields:\n      title: str(80)\n")
    result = CliRunner().invoke(
        app, ["--json", "new", str(tmp_path / "notes"), "--spec", str(spec), "--defaults"]
    )
    document = as_json(result)
    assert document["command"] == "new"
    assert document["project"] == {
        "path": str(tmp_path / "notes"),
        "package": "notes",
        "files": sum(1 for p in (tmp_path / "notes").rglob("*") if p.is_file()),
    }
    assert document["result"]["migration"] == "migrations/versions/0002_create_notes.py"
    plan = document["plan"]
    assert {op["action"] for op in plan} == {"create"}
    on_disk = {
        p.relative_to(tmp_path / "notes").as_posix()
        for p in (tmp_path / "notes").rglob("*")
        if p.is_file()
    }
    assert {op["path"] for op in plan} == {p for p in on_disk if not is_state(p)}
    assert ".scaffold/schema.json" in on_disk
    owners = {op["path"]: op["owner"] for op in plan}
    assert owners["notes/models/note.py"] == "Note"
    assert owners["notes/main.py"] == "project"
    assert owners["scaffold.yaml"] is None


# ---------------------------------------------------------------- exit statuses


#: (command, how to prepare the project, expected exit status) for every command.
EXIT_CASES: list[tuple[list[str], Any, int]] = [
    (["check"], generate_post, EXIT_OK),
    (["check", "missing.yaml"], generate_post, EXIT_BAD_INPUT),
    (["schema"], lambda p: None, EXIT_OK),
    (["generate", "resource", "Tag", "name:str"], lambda p: None, EXIT_OK),
    (["generate", "resource", "Post"], _conflicted, EXIT_DRIFT),
    (["generate", "resource", "Tag", "name:strr"], lambda p: None, EXIT_BAD_INPUT),
    (["generate", "resource", "Tag"], lambda p: None, EXIT_BAD_INPUT),
    (["sync"], generate_post, EXIT_OK),
    (["sync"], _conflicted, EXIT_DRIFT),
    (["sync", "--check"], generate_post, EXIT_OK),
    (["sync", "--check"], _stale, EXIT_DRIFT),
    (["sync", "--dry-run"], _conflicted, EXIT_DRIFT),
    (["sync"], lambda p: (p / "scaffold.yaml").unlink(), EXIT_BAD_INPUT),
    (["undo"], generate_post, EXIT_OK),
    (["undo"], lambda p: None, EXIT_BAD_INPUT),
    (["destroy", "resource", "Post"], generate_post, EXIT_OK),
    (["destroy", "resource", "Post"], lambda p: None, EXIT_BAD_INPUT),
    (["destroy", "resource", "Post"], lambda p: _unwired(p), EXIT_DRIFT),
    (["sync", "--no-such-option"], lambda p: None, EXIT_BAD_INPUT),
    (["blueprints", "list"], lambda p: None, EXIT_OK),
    (["blueprints", "eject", "migration"], lambda p: None, EXIT_OK),
    (["blueprints", "eject", "modle.py"], lambda p: None, EXIT_BAD_INPUT),
    (["blueprints", "eject", "api.py"], lambda p: None, EXIT_BAD_INPUT),  # overridden already
    (["blueprints", "eject", "api.py", "--force"], lambda p: None, EXIT_OK),
]


def _unwired(project: Path) -> None:
    """Wiring the codemods cannot undo: the routes module is gone."""
    generate_post(project)
    (project / "app/routes.py").unlink()


@pytest.mark.parametrize(
    ("command", "prepare_project", "status"),
    EXIT_CASES,
    ids=[f"{' '.join(c)}->{s}" for c, _, s in EXIT_CASES],
)
@pytest.mark.parametrize("mode", ["text", "json"])
def test_exit_statuses(
    project: Path, command: list[str], prepare_project: Any, status: int, mode: str
) -> None:
    prepare_project(project)
    options = ["--json"] if mode == "json" else []
    result = scaffold(project, *options, *command)
    assert result.exit_code == status, result.output
    if mode == "json" and "--no-such-option" not in command:
        assert as_json(result)["result"]["status"] == status


def test_new_exit_statuses(tmp_path: Path) -> None:
    (tmp_path / "taken").mkdir()
    (tmp_path / "taken" / "file").write_text("x")
    assert scaffold(tmp_path, "new", "taken", "--defaults").exit_code == EXIT_BAD_INPUT
    assert scaffold(tmp_path, "new", "fresh", "--spec", "nope.yaml").exit_code == EXIT_BAD_INPUT
    assert scaffold(tmp_path, "new", "fresh", "--defaults", "--dry-run").exit_code == EXIT_OK
    assert not (tmp_path / "fresh").exists()


# --------------------------------------------------------------------- progress


def test_the_pipeline_reports_its_progress(project: Path) -> None:
    spec_text = (
        "version: 1\nresources:\n  Tag:\n    fields:\n      name: str\n"
        "  Post:\n    fields:\n      title: str\n"
    )
    calls: list[tuple[str, int, int | None]] = []
    prepare(project, parse_spec(spec_text), spec_text, lambda *call: calls.append(call))
    assert calls == [("rendering", 1, 2), ("rendering", 2, 2), ("formatting", 0, None)]


def _terminal(monkeypatch: pytest.MonkeyPatch) -> io.StringIO:
    stream = io.StringIO()
    console = Console(file=stream, force_terminal=True, width=80)
    monkeypatch.setattr(report, "err", lambda: console)
    return stream


def test_the_progress_bar_shows_for_long_runs_on_a_terminal(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    stream = _terminal(monkeypatch)
    report.configure()
    with report.progress(threshold=3) as progress:
        progress("rendering", 1, 3)
        progress("rendering", 3, 3)
        progress("formatting", 0, None)
    assert "rendering" in stream.getvalue()
    assert "3/3" in stream.getvalue()
    assert "formatting" in stream.getvalue()


def test_no_progress_bar_for_short_runs_quiet_or_json_runs(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    stream = _terminal(monkeypatch)
    for quiet, as_json_ in [(False, False), (True, False), (False, True)]:
        report.configure(quiet=quiet, json=as_json_)
        with report.progress(threshold=3 if not (quiet or as_json_) else 1) as progress:
            progress("rendering", 1, 2)
            progress("rendering", 2, 2)
    assert stream.getvalue() == ""
    report.configure()


def test_no_progress_bar_off_a_terminal() -> None:
    from scaffolder.progress import ignore

    report.configure()
    with report.progress(threshold=1) as progress:
        assert progress is ignore


def test_commands_draw_the_progress_bar_for_many_resources(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stream = _terminal(monkeypatch)
    monkeypatch.setattr(report, "PROGRESS_THRESHOLD", 2)
    spec = project / "scaffold.yaml"
    spec.write_text(
        "version: 1\nresources:\n"
        + "".join(f"  R{n}:\n    fields:\n      name: str\n    layers: [api]\n" for n in range(3))
    )
    assert scaffold(project, "sync").exit_code == EXIT_OK
    assert "rendering" in stream.getvalue()
    assert "3/3" in stream.getvalue()
