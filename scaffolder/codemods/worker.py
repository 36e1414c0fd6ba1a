"""The wiring codemods, run by a forked process that imports libcst while this one works.

Importing libcst costs ~150 ms (its ~250 node classes are dataclasses, built at
import): a third of `scaffold generate resource`, and more than its codemods. A run
needs libcst only once it has read the spec and rendered the resources, so the
commands that wire — `generate resource`, `destroy resource`, and `sync` when the
spec changed — start a worker first (`wiring_worker()`): a forked child imports
libcst on the other core meanwhile, then runs the edits `prepare` hands it and sends
the edited files back.

The worker only ever saves time; it never changes a result. Wherever it cannot
help, the edits run in this process exactly as without it: off Linux (Windows has no
fork, and macOS's system libraries are not fork-safe), in a process running other
threads (one of them could hold a lock the child would then wait for forever), when
libcst is imported already, and when the child fails or does not answer, so its
errors are this process's errors.

The child never outlives the run: the parent stops it when the run ends, however it
ends (a signal included: `scaffolder.cli.context.stop_on_signals`), and should the
parent die without doing so (SIGKILL), the kernel kills the child too (`_die_with`).
"""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from multiprocessing.connection import Connection
    from multiprocessing.process import BaseProcess

    from scaffolder.model.spec import Spec
    from scaffolder.plan.planner import EditedFile

#: Seconds to wait for the child's answer before running the edits here instead.
ANSWER_TIMEOUT = 60.0

Job = tuple[Path, "Spec", "Spec | None", str]


def wire(project: Path, spec: Spec, old: Spec | None, package: str) -> dict[str, EditedFile]:
    """The wiring edits `spec` needs (after `old`), applied in memory to the project's
    hand-owned files. Pure: writes nothing."""
    from scaffolder.codemods.wiring import wiring_edits  # libcst
    from scaffolder.plan.planner import run_edits

    return run_edits(project, wiring_edits(spec, old, package))


class WiringWorker:
    """A forked child importing libcst now, to run `wire` later."""

    def __init__(self) -> None:
        import multiprocessing

        context = multiprocessing.get_context("fork")
        self._connection, child_end = context.Pipe()
        self._process: BaseProcess = context.Process(
            target=_serve,
            args=(child_end, self._connection, os.getpid()),
            name="scaffold-wiring",
            daemon=True,
        )
        try:
            with _signals_held():  # the child sets its own handlers before any arrives
                self._process.start()
        except BaseException:  # perhaps a signal held during the fork: the child goes too
            self._connection.close()
            if self._process.pid is not None:
                self._process.kill()
                self._process.join()
            raise
        finally:
            child_end.close()

    def wire(
        self, project: Path, spec: Spec, old: Spec | None, package: str
    ) -> dict[str, EditedFile]:
        """`wire(…)`, by the child; by this process if the child fails."""
        import pickle

        edited: dict[str, EditedFile] | None = None
        try:
            self._connection.send((project, spec, old, package))
            if self._connection.poll(ANSWER_TIMEOUT):
                edited = self._connection.recv()
        except (OSError, EOFError):  # the child is gone
            pass
        except (pickle.PickleError, TypeError, AttributeError):  # the job could not cross
            pass
        finally:
            self.close()
        return edited if edited is not None else wire(project, spec, old, package)

    def close(self) -> None:
        """Stop the child: done, or not needed after all (perhaps still importing)."""
        self._connection.close()
        if self._process.is_alive():
            self._process.kill()
        self._process.join()


@contextmanager
def wiring_worker() -> Iterator[WiringWorker | None]:
    """A worker for one run, stopped when the run ends; None where it cannot help."""
    import threading

    if sys.platform != "linux" or threading.active_count() > 1 or "libcst" in sys.modules:
        yield None
        return
    try:
        worker = WiringWorker()
    except OSError:  # no process or pipe to spare (a ulimit, a sandbox): no worker
        yield None
        return
    try:
        yield worker
    finally:
        worker.close()


def _serve(connection: Connection, parents_end: Connection, parent: int) -> None:
    """The child: import libcst, then run the one job the parent sends, if any."""
    _die_with(parent)
    parents_end.close()  # so that the parent's end closing, or the parent dying, ends recv
    import scaffolder.codemods.wiring  # noqa: F401  # the point: libcst, imported meanwhile

    try:
        job: Job = connection.recv()
    except EOFError:  # the run ended without wiring
        return
    try:
        edited: dict[str, EditedFile] | None = wire(*job)
    except Exception:  # the parent runs the edits again, and reports what goes wrong
        edited = None
    connection.send(edited)


#: The signals that stop a run (`scaffolder.cli.context.stop_on_signals`).
_STOPPING = frozenset({signal.SIGINT, signal.SIGTERM})


@contextmanager
def _signals_held() -> Iterator[None]:
    """SIGINT and SIGTERM held back (delivered at the end) while the child is forked, so
    none reaches the child before it has replaced the handlers it inherits."""
    held = signal.pthread_sigmask(signal.SIG_BLOCK, _STOPPING)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


def _die_with(parent: int) -> None:
    """Make this child end with the parent, however the parent ends.

    The parent's handlers would raise in here: SIGTERM is set to end the child at
    once, and Ctrl-C — sent to the whole process group — to be ignored, the parent
    reporting it and stopping the child. Linux's PR_SET_PDEATHSIG kills the child
    when the parent dies without stopping it (SIGKILL); a parent already gone by
    then is caught by comparing the parent's id.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)
    except (OSError, AttributeError):  # no prctl: recv's EOF still ends an idle child
        pass
    if os.getppid() != parent:
        os._exit(0)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOPPING)


#: prctl(2)'s option: the signal this process gets when its parent dies.
_PR_SET_PDEATHSIG = 1
