"""The wiring worker: a forked child runs the codemods, and never changes a result.

The parent's copy of `wire` is replaced after the fork in several tests: the child
keeps the original, so a right answer proves the child computed it.
"""

from __future__ import annotations

import errno
import os
import pickle
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from inline_project import make_project, snapshot
from paused_run import paused_at, wait_until_gone
from typer.testing import CliRunner

from scaffolder.cli import app
from scaffolder.codemods import worker as worker_module
from scaffolder.codemods.worker import WiringWorker, wire, wiring_worker
from scaffolder.model.spec import Spec
from scaffolder.plan.planner import EditedFile
from scaffolder.spec import parse_spec

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="the worker forks: Linux only")

SPEC = (
    "version: 1\nresources:\n  Author:\n    fields:\n      name: str(120)\n"
    "  Post:\n    fields:\n      title: str(200)\n      author: ref(Author)\n"
)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return make_project(tmp_path)


@pytest.fixture
def as_scaffold_forks(monkeypatch: pytest.MonkeyPatch) -> None:
    """This process as `scaffold` is when it forks: no libcst yet, no other thread
    (whatever the suite imported or left running), so only what a test changes counts."""
    monkeypatch.delitem(sys.modules, "libcst", raising=False)
    monkeypatch.setattr(threading, "active_count", lambda: 1)


def job(project: Path) -> tuple[Path, Spec, None, str]:
    return project, parse_spec(SPEC, "scaffold.yaml"), None, "app"


def edited_paths(edited: dict[str, EditedFile]) -> list[str]:
    return sorted(p for p, f in edited.items() if f.original is not None and f.text != f.original)


def never(*args: object) -> dict[str, EditedFile]:
    raise AssertionError("the edits ran in the parent")


def test_the_child_wires_exactly_as_this_process_would(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = wire(*job(project))
    assert edited_paths(expected) == [
        "app/admin/registry.py",
        "app/models/__init__.py",
        "app/nav.py",
        "app/routes.py",
    ]
    worker = WiringWorker()
    monkeypatch.setattr(worker_module, "wire", never)
    assert worker.wire(*job(project)) == expected


def test_the_child_does_not_outlive_its_answer(project: Path) -> None:
    worker = WiringWorker()
    worker.wire(*job(project))
    assert not worker._process.is_alive()  # exited, or stopped while exiting


@pytest.mark.usefixtures("as_scaffold_forks")
def test_a_run_that_does_not_wire_stops_the_child() -> None:
    with wiring_worker() as worker:
        assert worker is not None
        process = worker._process
        assert process.is_alive()
    assert not process.is_alive()


def in_the_child(behaviour: str, ran_here: list[str]) -> object:
    """`wire`, except that it fails or hangs in the child; notes the parent's calls."""
    parent = os.getpid()

    def patched(*args: object) -> dict[str, EditedFile]:
        if os.getpid() != parent:
            if behaviour == "hang":
                time.sleep(60)
            raise RuntimeError("broken child")
        ran_here.append("wire")
        return wire(*args)  # type: ignore[arg-type]

    return patched


def test_a_child_that_fails_leaves_the_edits_to_this_process(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ran_here: list[str] = []
    monkeypatch.setattr(worker_module, "wire", in_the_child("fail", ran_here))
    assert WiringWorker().wire(*job(project)) == wire(*job(project))
    assert ran_here == ["wire"]


def test_a_child_that_is_gone_leaves_the_edits_to_this_process(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    worker = WiringWorker()
    worker._process.kill()
    worker._process.join()
    ran_here: list[str] = []
    monkeypatch.setattr(worker_module, "wire", in_the_child("fail", ran_here))
    assert worker.wire(*job(project)) == wire(*job(project))
    assert ran_here == ["wire"]


def test_a_child_that_does_not_answer_in_time_is_stopped(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ran_here: list[str] = []
    monkeypatch.setattr(worker_module, "wire", in_the_child("hang", ran_here))
    monkeypatch.setattr(worker_module, "ANSWER_TIMEOUT", 0.5)
    worker = WiringWorker()
    started = time.monotonic()
    assert worker.wire(*job(project)) == wire(*job(project))
    assert time.monotonic() - started < 30
    assert ran_here == ["wire"]
    assert not worker._process.is_alive()


def ignores_sigint(pid: int) -> bool:
    """Whether process `pid` ignores SIGINT, from its signal mask in /proc."""
    status = Path(f"/proc/{pid}/status").read_text()
    ignored = int(next(line for line in status.splitlines() if line.startswith("SigIgn:"))[7:], 16)
    return bool(ignored & (1 << (signal.SIGINT - 1)))


def test_ctrl_c_is_left_to_the_parent(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    worker = WiringWorker()
    pid = worker._process.pid
    assert pid is not None
    deadline = time.monotonic() + 30
    while not ignores_sigint(pid):  # the child sets that first thing; wait, not guess
        assert time.monotonic() < deadline
        time.sleep(0.01)
    os.kill(pid, signal.SIGINT)
    monkeypatch.setattr(worker_module, "wire", never)
    assert edited_paths(worker.wire(*job(project)))


def test_a_job_that_cannot_cross_to_the_child_runs_here(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    worker = WiringWorker()

    def unpicklable(job: object) -> None:
        raise pickle.PicklingError("cannot pickle a future field")

    monkeypatch.setattr(worker._connection, "send", unpicklable)
    ran_here: list[str] = []
    monkeypatch.setattr(worker_module, "wire", in_the_child("fail", ran_here))
    assert worker.wire(*job(project)) == wire(*job(project))
    assert ran_here == ["wire"]
    assert not worker._process.is_alive()


@pytest.mark.usefixtures("as_scaffold_forks")
def test_no_worker_when_no_process_can_be_started(monkeypatch: pytest.MonkeyPatch) -> None:
    from multiprocessing.context import ForkProcess

    def refused(self: ForkProcess) -> None:
        raise BlockingIOError(errno.EAGAIN, "Resource temporarily unavailable")

    monkeypatch.setattr(ForkProcess, "start", refused)
    with wiring_worker() as worker:
        assert worker is None


@pytest.mark.usefixtures("as_scaffold_forks")
def test_no_worker_off_linux(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "darwin")
    with wiring_worker() as worker:
        assert worker is None


def test_no_worker_in_a_process_running_other_threads(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delitem(sys.modules, "libcst", raising=False)  # the rest as `scaffold` has it
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        with wiring_worker() as worker:
            assert worker is None
    finally:
        stop.set()
        other.join()


def test_no_worker_once_libcst_is_imported(monkeypatch: pytest.MonkeyPatch) -> None:
    import libcst  # noqa: F401

    monkeypatch.setattr(threading, "active_count", lambda: 1)  # the rest as `scaffold` has it
    with wiring_worker() as worker:
        assert worker is None


GENERATE = ["generate", "resource", "Post", "title:str(200)", "author:ref(User)"]
POST = "  Post:\n    fields:\n      title: str(200)\n      author: ref(User)\n"

#: `scaffold` in a fresh interpreter (libcst not imported: the worker runs), noting
#: each worker it starts in the file named by the first argument.
CONSOLE_SCRIPT = """
import sys
from pathlib import Path
from scaffolder.codemods import worker

started = Path(sys.argv.pop(1))
started.write_text("")
real_init = worker.WiringWorker.__init__

def noted_init(self):
    real_init(self)
    started.write_text(started.read_text() + "started\\n")

worker.WiringWorker.__init__ = noted_init
from scaffolder.cli import main
sys.exit(main())
"""


def in_process(project: Path, *args: str) -> None:
    import libcst  # noqa: F401  # so this run has no worker

    outcome = CliRunner().invoke(app, ["-C", str(project), *args])
    assert outcome.exit_code == 0, outcome.output


def fresh_scaffold(project: Path, *args: str) -> int:
    """Run `scaffold ARGS` in a fresh interpreter; how many workers it started."""
    noted = project.parent / f"{project.name}-workers.txt"
    result = subprocess.run(
        [sys.executable, "-c", CONSOLE_SCRIPT, str(noted), "-C", str(project), *args],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return noted.read_text().count("started")


def add_post_to_the_spec(project: Path) -> None:
    spec = project / "scaffold.yaml"
    spec.write_text(spec.read_text().replace("resources: {}\n", "resources:\n" + POST))


#: command -> (what to do first, in-process, on both projects; the command)
COMMANDS: dict[str, tuple[Callable[[Path], None], list[str]]] = {
    "generate resource": (lambda p: None, GENERATE),
    "sync after a spec change": (add_post_to_the_spec, ["sync"]),
    "destroy resource": (lambda p: in_process(p, *GENERATE), ["destroy", "resource", "Post"]),
}


@pytest.mark.parametrize("command", COMMANDS)
def test_commands_that_wire_use_the_worker_and_write_what_an_in_process_run_does(
    tmp_path: Path, command: str
) -> None:
    prepare, args = COMMANDS[command]
    with_worker = make_project(tmp_path / "with-worker")
    without = make_project(tmp_path / "in-process")
    for project in (with_worker, without):
        prepare(project)
    assert fresh_scaffold(with_worker, *args) == 1
    in_process(without, *args)
    assert snapshot(with_worker) == snapshot(without)
    routes = (with_worker / "app/routes.py").read_text()
    assert ("post_api" in routes) is (command != "destroy resource")


def test_a_sync_with_nothing_to_do_starts_no_worker(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    in_process(project, *GENERATE)
    assert fresh_scaffold(project, "sync", "--check") == 0


def test_the_child_ends_when_the_parent_closes_its_end_without_stopping_it() -> None:
    """The child keeps no copy of the parent's end of the pipe: the parent gone (its
    end closed), the child's wait for a job ends; it no longer blocks forever."""
    worker = WiringWorker()
    worker._connection.close()
    worker._process.join(timeout=30)
    assert worker._process.exitcode == 0


def test_the_child_dies_with_a_parent_killed_outright(tmp_path: Path) -> None:
    """SIGKILL leaves the parent no chance to stop the child: the kernel does it."""
    project = make_project(tmp_path / "project")
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    with paused_at("prepare", GENERATE, project, scratch) as run:
        [child] = run.children
        run.process.kill()
        assert run.finish()[0] == -signal.SIGKILL
    wait_until_gone([child])


def test_sigterm_to_the_child_alone_leaves_the_edits_to_the_parent(tmp_path: Path) -> None:
    """The child does not keep the parent's SIGTERM handler (which raises): it ends
    quietly, without a traceback, and the run wires in-process."""
    project = make_project(tmp_path / "with-worker")
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    with paused_at("prepare", GENERATE, project, scratch) as run:
        [child] = run.children
        os.kill(child, signal.SIGTERM)
        wait_until_gone([child])
        run.resume()
        status, stderr = run.finish()
    assert status == 0, stderr
    assert "Traceback" not in stderr
    without = make_project(tmp_path / "in-process")
    in_process(without, *GENERATE)
    assert snapshot(project) == snapshot(without)
