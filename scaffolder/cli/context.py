"""State shared by commands (global options) and the single exception boundary."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import typer
from typer.core import TyperCommand, TyperGroup

from scaffolder.errors import EXIT_DRIFT, EXIT_OK, ScaffoldError


@dataclass(frozen=True)
class Options:
    """Global options: where the project is, and how much to print."""

    project: Path
    quiet: bool = False
    json: bool = False

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
    where they are printed — never as a traceback — and mapped to exit codes. The
    run's report ends here too (with --json, its one document is printed).
    """

    def invoke(self, ctx: Any) -> Any:
        from scaffolder import report

        status = EXIT_OK
        try:
            return super().invoke(ctx)
        except ScaffoldError as error:
            report.error(error)
            status = error.exit_code
            raise typer.Exit(status) from None
        except typer.Exit as exit_:
            status = exit_.exit_code
            raise
        except Exception:  # a bug: its traceback follows; the document says it failed
            status = EXIT_DRIFT
            raise
        finally:
            report.finish(status)


class ReportedCommand(TyperCommand):
    """A command of the tree: tells the report which command runs (`generate resource`)."""

    def invoke(self, ctx: Any) -> Any:
        from scaffolder import report

        names: list[str] = []
        level = ctx
        while level.parent is not None:  # up to the root, whose name is the program's
            names.insert(0, level.info_name)
            level = level.parent
        report.begin(" ".join(names))
        return super().invoke(ctx)
