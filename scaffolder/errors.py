"""Typed errors raised by library code; only the CLI turns them into messages and exit codes."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

#: Exit statuses, stable and documented: 0 ok, 1 drift or conflict, 2 bad input.
EXIT_OK = 0
EXIT_DRIFT = 1
EXIT_BAD_INPUT = 2


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a spec: where, what, and how to fix it."""

    file: str
    line: int  # 1-based; 0 when the problem has no position (e.g. an empty file)
    column: int  # 1-based
    message: str
    hint: str | None = None  # "did you mean …?" or an explanation
    example: str | None = None  # a corrected snippet the user can copy
    snippet: str | None = None  # the source line the position points into, quoted in reports
    span: int = 1  # how many characters of the snippet to underline

    @property
    def where(self) -> str:
        if self.line <= 0:
            return self.file
        return f"{self.file}:{self.line}:{self.column}"


class ScaffoldError(Exception):
    """Base of every error the CLI reports without a traceback."""

    exit_code = EXIT_BAD_INPUT


class SpecError(ScaffoldError):
    """The spec (file or command-line field) is invalid; carries every problem found at once."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems, key=lambda p: (p.file, p.line, p.column))
        super().__init__("\n".join(f"{p.where}: {p.message}" for p in self.problems))


class UsageError(ScaffoldError):
    """A command was called in a way that cannot work (missing file, bad option value)."""

    def __init__(self, message: str, hint: str | None = None) -> None:
        self.hint = hint
        super().__init__(message)


def display_path(path: Path) -> str:
    """A path as the user should see it: relative to the working directory when possible."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
