"""`scaffold` in a real process, paused at a named checkpoint (`scaffolder.checkpoints`),
for tests that signal it at exactly that moment."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path


@dataclass
class PausedRun:
    """A `scaffold` process waiting at a checkpoint."""

    process: subprocess.Popen[str]
    note: Path  # the checkpoint's file: deleting it resumes the run

    @property
    def children(self) -> list[int]:
        """The processes it started that are still its children (a ruff pass, say)."""
        return children_of(self.process.pid)

    def resume(self) -> None:
        self.note.unlink()

    def finish(self, timeout: float = 60) -> tuple[int, str]:
        """Wait for the end of the run: its exit status and stderr."""
        _, stderr = self.process.communicate(timeout=timeout)
        return self.process.returncode, stderr


@contextmanager
def paused_at(point: str, args: list[str], cwd: Path, scratch: Path) -> Iterator[PausedRun]:
    """Run `scaffold ARGS` in `cwd`, with `scratch` as its TMPDIR, until it reaches
    checkpoint `point`; killed on leaving the block if still running."""
    note = scratch.parent / f"{scratch.name}-paused"
    note.unlink(missing_ok=True)
    environment = {
        **os.environ,
        "SCAFFOLD_PAUSE_AT": point,
        "SCAFFOLD_PAUSED": str(note),
        "TMPDIR": str(scratch),
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "scaffolder", *args],
        cwd=cwd,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 120
        while not note.exists():
            assert process.poll() is None, f"ended before {point}: {process.communicate()}"
            assert time.monotonic() < deadline, f"never reached {point}"
            time.sleep(0.02)
        yield PausedRun(process, note)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()


def children_of(pid: int) -> list[int]:
    """The processes whose parent is `pid`, from /proc."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):  # gone meanwhile
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def alive(pid: int) -> bool:
    """Whether `pid` runs (a zombie, dead but not yet reaped by its new parent, does not)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    return "\nState:\tZ" not in status


def wait_until_gone(pids: list[int], timeout: float = 10) -> None:
    """Fail unless every process of `pids` has ended within `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while any(alive(pid) for pid in pids):
        assert time.monotonic() < deadline, f"still running: {[p for p in pids if alive(p)]}"
        time.sleep(0.02)
