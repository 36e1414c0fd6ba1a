"""Running `scaffold` in-process the way a reader's terminal would show it.

Plain text (no colours, a fixed width), standard output and standard error in the
order a terminal shows them when only one of them is written, and the exit status.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

#: The terminal the documentation's transcripts are captured in.
TERMINAL = {"COLUMNS": "88", "LINES": "50", "NO_COLOR": "1", "TERM": "dumb"}


@dataclass(frozen=True)
class Run:
    command: str
    exit_code: int
    stdout: str
    stderr: str

    @property
    def transcript(self) -> str:
        """`$ command`, then what it printed."""
        return f"$ {self.command}\n{self.stdout}{self.stderr}"


@contextmanager
def _in(directory: Path) -> Iterator[None]:
    previous = Path.cwd()
    os.chdir(directory)
    try:
        yield
    finally:
        os.chdir(previous)


def scaffold(directory: Path, *args: str) -> Run:
    """`scaffold ARGS…` run in `directory` (in-process, through the real Typer app)."""
    import shlex

    from typer.testing import CliRunner

    from scaffolder import report
    from scaffolder.cli import app

    # report keeps one console per stream; one made earlier would keep another width
    report._console.cache_clear()
    try:
        with _in(directory):
            result = CliRunner().invoke(app, list(args), env=TERMINAL, catch_exceptions=False)
    finally:
        report._console.cache_clear()
    command = shlex.join(["scaffold", *args])
    return Run(command, result.exit_code, result.stdout, result.stderr)
