"""State shared by commands (global options) and the single exception boundary."""

from __future__ import annotations

import signal
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
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


class Interrupted(KeyboardInterrupt):
    """SIGTERM or SIGINT, raised wherever the run is, so that every `finally` and
    `except BaseException` on the way cleans up (temporary files, `new`'s staging
    directory, a half-applied plan), as for Ctrl-C."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def stop_on_signals() -> None:
    """Make SIGTERM stop a run the way Ctrl-C does: by an exception (`Interrupted`).

    Left to its default, SIGTERM ends the process on the spot, leaving what only
    cleaning up removes. Once a signal has arrived, later ones are ignored: the run
    is stopping, and its clean-up (milliseconds) must not be cut short.
    """
    for signum in _STOPPING:
        signal.signal(signum, _interrupt)


_STOPPING = (signal.SIGINT, signal.SIGTERM)


def _interrupt(signum: int, frame: FrameType | None) -> None:
    for each in _STOPPING:
        signal.signal(each, signal.SIG_IGN)
    raise Interrupted(signum)


def _signal_of(interrupt: BaseException) -> int:
    """The signal behind a KeyboardInterrupt, which a library may have wrapped in its own
    (Copier turns one at a question into CopierAnswersInterrupt)."""
    cause: BaseException | None = interrupt
    while cause is not None:
        if isinstance(cause, Interrupted):
            return cause.signum
        cause = cause.__cause__ or cause.__context__
    return signal.SIGINT


class GuardedGroup(TyperGroup):
    """The one exception boundary: the tool's own errors become a report and an exit status.

    Library code only raises typed errors (`ScaffoldError` and subclasses); this is
    where they are printed — never as a traceback — and mapped to exit codes. A run
    stopped by SIGINT or SIGTERM ends here too, with 130 or 143. The run's report ends
    here (with --json, its one document is printed).
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
        except KeyboardInterrupt as interrupt:  # cleaned up on the way: say so, in one line
            signum = _signal_of(interrupt)
            report.interrupted(signal.Signals(signum).name)
            status = 128 + signum  # as a shell reports a process a signal ended
            raise typer.Exit(status) from None
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
