"""No leftovers after any signal: `new`, `generate resource` and `sync`, run as real
processes, stopped by SIGTERM and SIGINT at each moment that matters.

Each run is paused at a named checkpoint (`scaffolder.checkpoints`: the environment
names it, the run says when it is there), so the signal lands exactly there, not
after a guessed delay. Then: exit status 128 + the signal, one line on stderr and no
traceback, no temporary file or staging directory anywhere (scratch directories
included: the run's TMPDIR must be empty), no process of the run still alive, and
the project exactly as it was before the run.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from inline_project import make_project, snapshot
from paused_run import paused_at, wait_until_gone
from typer.testing import CliRunner

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="reads /proc")

SIGNALS = [signal.SIGTERM, signal.SIGINT]
SPEC = Path(__file__).parents[2] / "scaffolder" / "examples"


@dataclass
class Stopped:
    """A run stopped by a signal at a checkpoint."""

    status: int
    stderr: str
    children: list[int]  # the processes it had started, alive when it was paused


def stop_at(point: str, signum: int, args: list[str], cwd: Path, scratch: Path) -> Stopped:
    """Run `scaffold ARGS` until it reaches checkpoint `point`, then send it `signum`."""
    with paused_at(point, args, cwd, scratch) as run:
        children = run.children
        run.process.send_signal(signum)
        status, stderr = run.finish()
    return Stopped(status, stderr, children)


def assert_stopped_cleanly(stopped: Stopped, signum: int, scratch: Path) -> None:
    name = signal.Signals(signum).name
    assert stopped.status == 128 + signum, stopped.stderr
    assert stopped.stderr == (f"interrupted: stopped by {name}: no file was left half-written\n"), (
        stopped.stderr
    )
    wait_until_gone(stopped.children)  # killed and reaped before the exit: at once
    assert not list(scratch.iterdir()), "scratch files left in TMPDIR"


def temp_files(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.name.endswith(".tmp")]


@pytest.fixture
def scratch(tmp_path: Path) -> Path:
    """The run's TMPDIR: what it holds after the run was left behind."""
    directory = tmp_path / "tmp"
    directory.mkdir()
    return directory


# ---- generate and sync: the project as it was, whatever the moment ----------------

#: checkpoint -> what the run has done when it is reached there
MOMENTS = {
    "prepare": "planning, nothing written",
    "snapshot": "the undo snapshot written, nothing else",
    "write:6": "five files written (`new` in place, in its hidden directory), not the sixth",
}
GENERATE = ["generate", "resource", "Post", "title:str(200)", "author:ref(User)"]


def add_post_to_the_spec(project: Path) -> None:
    spec = project / "scaffold.yaml"
    post = "  Post:\n    fields:\n      title: str(200)\n"
    spec.write_text(spec.read_text().replace("resources: {}\n", "resources:\n" + post))


@pytest.mark.parametrize("signum", SIGNALS, ids=lambda s: signal.Signals(s).name)
@pytest.mark.parametrize("point", MOMENTS)
@pytest.mark.parametrize("command", ["generate", "sync"])
def test_generate_and_sync_stopped_leave_the_project_as_it_was(
    tmp_path: Path, scratch: Path, command: str, point: str, signum: int
) -> None:
    project = make_project(tmp_path / "project")
    args = GENERATE
    if command == "sync":
        add_post_to_the_spec(project)
        args = ["sync"]
    before = snapshot(project)
    stopped = stop_at(point, signum, args, project, scratch)
    assert_stopped_cleanly(stopped, signum, scratch)
    if point == "prepare":  # planning runs in the process itself: nothing to orphan
        assert not stopped.children
    assert snapshot(project) == before
    assert not temp_files(project)
    assert not (project / "app/templates/post").exists()  # no empty directory either
    # and the project still works: the same command then does the whole job
    result = subprocess.run(
        [sys.executable, "-m", "scaffolder", *args], cwd=project, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert (project / "app/models/post.py").is_file()


def test_undo_stopped_halfway_finishes_when_run_again(tmp_path: Path, scratch: Path) -> None:
    project = make_project(tmp_path / "project")
    before = snapshot(project)
    done = subprocess.run([sys.executable, "-m", "scaffolder", *GENERATE], cwd=project)
    assert done.returncode == 0
    stopped = stop_at("write:3", signal.SIGTERM, ["undo"], project, scratch)
    assert_stopped_cleanly(stopped, signal.SIGTERM, scratch)
    assert not temp_files(project)
    again = subprocess.run(
        [sys.executable, "-m", "scaffolder", "undo"], cwd=project, capture_output=True, text=True
    )
    assert again.returncode == 0, again.stderr
    assert snapshot(project) == before


# ---- new: nothing where the project was to be --------------------------------------

NEW_MOMENTS = ["prepare", "write:6", "staged"]


def hidden_entries(directory: Path) -> list[str]:
    return [p.name for p in directory.iterdir() if p.name.startswith(".")]


@pytest.mark.parametrize("signum", SIGNALS, ids=lambda s: signal.Signals(s).name)
@pytest.mark.parametrize("point", NEW_MOMENTS)
def test_new_stopped_leaves_no_project_and_no_staging_directory(
    tmp_path: Path, scratch: Path, point: str, signum: int
) -> None:
    parent = tmp_path / "projects"
    parent.mkdir()
    args = ["new", "blog", "--spec", str(SPEC / "blog.yaml"), "--defaults"]
    stopped = stop_at(point, signum, args, parent, scratch)
    assert_stopped_cleanly(stopped, signum, scratch)
    assert list(parent.iterdir()) == []


@pytest.mark.parametrize("signum", SIGNALS, ids=lambda s: signal.Signals(s).name)
def test_new_stopped_while_moving_into_an_empty_directory_empties_it_again(
    tmp_path: Path, scratch: Path, signum: int
) -> None:
    destination = tmp_path / "blog"
    destination.mkdir()
    stopped = stop_at("move:3", signum, ["new", "blog", "--defaults"], tmp_path, scratch)
    assert_stopped_cleanly(stopped, signum, scratch)
    assert list(destination.iterdir()) == []
    assert hidden_entries(tmp_path) == []


def test_new_removes_the_staging_directory_a_killed_new_left(tmp_path: Path, scratch: Path) -> None:
    """SIGKILL: no clean-up runs at all. The next `new` of the same directory removes
    what is left, once the process that made it is gone."""
    stopped = stop_at("staged", signal.SIGKILL, ["new", "blog", "--defaults"], tmp_path, scratch)
    assert stopped.status == -signal.SIGKILL
    [left] = hidden_entries(tmp_path)
    assert left.startswith(".blog.scaffold-")
    older = tmp_path / ".blog.scaffold-0a1b2c3d"  # named as scaffold did before
    older.mkdir()
    live = tmp_path / f".blog.scaffold-{os.getpid()}-0a1b2c3d"  # a `new` still running
    live.mkdir()
    result = subprocess.run(
        [sys.executable, "-m", "scaffolder", "new", "blog", "--defaults"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert hidden_entries(tmp_path) == [live.name]
    assert (tmp_path / "blog" / "pyproject.toml").is_file()


# ---- the message, in-process ------------------------------------------------------


@pytest.mark.parametrize("signum", SIGNALS, ids=lambda s: signal.Signals(s).name)
def test_an_interrupted_run_says_so_in_the_json_document(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, signum: int
) -> None:
    import json

    from scaffolder.cli import app
    from scaffolder.cli.context import Interrupted
    from scaffolder.commands import sync as sync_module

    def interrupted(*args: object) -> None:
        raise Interrupted(signum) if signum != signal.SIGINT else KeyboardInterrupt

    project = make_project(tmp_path / "project")
    monkeypatch.setattr(sync_module, "plan_sync", interrupted)
    result = CliRunner().invoke(app, ["--json", "-C", str(project), "sync"])
    assert result.exit_code == 128 + signum
    document = json.loads(result.stdout)
    assert document["result"]["status"] == 128 + signum
    [problem] = document["result"]["problems"]
    assert problem["kind"] == "interrupted"
    assert signal.Signals(signum).name in problem["message"]


def test_a_signal_at_a_blueprint_question_stops_new_as_a_signal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Copier wraps the interruption of a question in its own error, which is not the
    blueprint refusing to render (exit 2): the signal is what the user hears of."""
    from copier.errors import CopierAnswersInterrupt

    from scaffolder.cli import app
    from scaffolder.cli.context import Interrupted
    from scaffolder.project.skeleton import _copier_worker

    def asking(*args: object, **kwargs: object) -> None:
        try:
            raise Interrupted(signal.SIGTERM)
        except KeyboardInterrupt as interrupt:
            raise CopierAnswersInterrupt(None, None, None) from interrupt  # type: ignore[arg-type]

    monkeypatch.setattr(_copier_worker(), "run_copy", asking)  # where Copier asks questions
    result = CliRunner().invoke(app, ["new", str(tmp_path / "blog")])
    assert result.exit_code == 143, result.output
    assert result.output == "interrupted: stopped by SIGTERM: no file was left half-written\n"
    assert list(tmp_path.iterdir()) == []
