"""The `scaffold` command line: a thin Typer app, one module per command group.

Modules here import only typer and the standard library at import time, so that
`scaffold --help` stays fast; each command imports what it needs when it runs.
Every command is a `ReportedCommand` and every help text ends with examples that
are real invocations (tests/unit/test_help.py parses each one).

Unlike the rest of scaffold, the modules that declare commands do without `from
__future__ import annotations`: typer reads every command's parameters on each run,
and annotations kept as strings would each be compiled and evaluated then (~2.5 ms).
"""

import gc
from pathlib import Path
from typing import Annotated

import typer

from scaffolder import __version__
from scaffolder.cli import blueprints, check, destroy, generate, new, schema, sync
from scaffolder.cli.context import GuardedGroup, ReportedCommand

EPILOG = """\
\b
Examples:
  scaffold new blog --spec blog.yaml --defaults
  scaffold -C blog generate resource Tag 'name:str(50):unique'
  scaffold -C blog sync --dry-run
  scaffold --json sync --check

\b
Exit status:
  0  ok
  1  drift or conflict: `sync --check` found changes, a merge left conflict
     markers, or wiring must be added by hand
  2  bad input: spec errors, bad arguments, unknown names (nothing written)
  130, 143  stopped by Ctrl-C or SIGTERM (no file left half-written)
"""

app = typer.Typer(
    name="scaffold",
    cls=GuardedGroup,
    help=(
        "Generate typed FastAPI + SQLAlchemy project code from scaffold.yaml, "
        "and keep it up to date without losing hand edits."
    ),
    epilog=EPILOG,
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    # Plain help: rendering it with rich costs ~50 ms of imports on every --help.
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"scaffold {__version__}")
        raise typer.Exit()


@app.callback()
def main_callback(
    ctx: typer.Context,
    project: Annotated[
        Path | None,
        typer.Option(
            "-C",
            "--project",
            help="Run as if scaffold was started in DIR (the project root).",
            metavar="DIR",
            show_default=False,
        ),
    ] = None,
    quiet: Annotated[
        bool,
        typer.Option(
            "-q", "--quiet", help="Print only warnings and errors (and the data asked for)."
        ),
    ] = False,
    json: Annotated[
        bool,
        typer.Option(
            "--json",
            help="Print one JSON document on stdout: the plan and the result "
            '(status, migration, warnings, problems; shape: "version": 1).',
        ),
    ] = False,
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            callback=_show_version,
            is_eager=True,
            help="Show the version and exit.",
        ),
    ] = False,
) -> None:
    """Global options shared by every command."""
    from scaffolder import report
    from scaffolder.cli.context import Options

    report.configure(quiet=quiet, json=json)
    ctx.obj = Options(project=project or Path(), quiet=quiet, json=json)


app.command("new", cls=ReportedCommand)(new.new)
app.add_typer(generate.app, name="generate")
app.command("sync", cls=ReportedCommand)(sync.sync)
app.command("undo", cls=ReportedCommand)(sync.undo)
app.add_typer(destroy.app, name="destroy")
app.command("check", cls=ReportedCommand)(check.check)
app.command("schema", cls=ReportedCommand)(schema.schema)
app.add_typer(blueprints.app, name="blueprints")


def main() -> None:
    """Console-script entry point. Named `scaffold` however it was started (`python -m
    scaffolder` too), so usage lines and shell completion scripts name the command.
    SIGTERM stops it as Ctrl-C does, cleaning up (`stop_on_signals`)."""
    from scaffolder.cli.context import stop_on_signals

    stop_on_signals()
    try:
        app(prog_name="scaffold")
    finally:
        # The run is over. Frozen objects are left out of the garbage collections the
        # interpreter makes as it exits, which would otherwise walk every object of the
        # libraries imported (Jinja, rich, the spec's model; ~75 ms of a `generate
        # resource` when it imported libcst too). Everything still runs its finalizers
        # but for objects in reference cycles, and scaffold leaves nothing there to
        # flush or close.
        gc.freeze()
