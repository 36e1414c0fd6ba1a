"""State shared by commands (global options) and the single exception boundary."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import typer
from typer.core import TyperGroup

from scaffolder.errors import ScaffoldError


@dataclass(frozen=True)
class Options:
    """Global options: where the project is."""

    project: Path

    def path(self, relative: Path) -> Path:
        """A user-given path, resolved against the project directory."""
        return relative if relative.is_absolute() else self.project / relative


def options(ctx: typer.Context) -> Options:
    """The global options of this invocation (defaults when called without the callback)."""
    obj = ctx.find_root().obj
    return obj if isinstance(obj, Options) else Options(project=Path())


class GuardedGroup(TyperGroup):
    """The one exception boundary: the tool's own errors become a report and an exit status.

    Library code only raises typed errors (`ScaffoldError` and subclasses); this is
    where they are printed — never as a traceback — and mapped to exit codes.
    """

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except ScaffoldError as error:
            from scaffolder import report

            report.error(error)
            raise typer.Exit(error.exit_code) from None
