"""The `scaffold` command line: a thin Typer app, one module per command group.

Modules here import only typer and the standard library at import time, so that
`scaffold --help` stays fast; each command imports what it needs when it runs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from scaffolder import __version__
from scaffolder.cli import check, destroy, generate, new, schema, sync
from scaffolder.cli.context import GuardedGroup

app = typer.Typer(
    name="scaffold",
    cls=GuardedGroup,
    help=(
        "Generate typed FastAPI + SQLAlchemy project code from scaffold.yaml, "
        "and keep it up to date without losing hand edits."
    ),
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
    from scaffolder.cli.context import Options

    ctx.obj = Options(project=project or Path())


app.command("new")(new.new)
app.add_typer(generate.app, name="generate")
app.command("sync")(sync.sync)
app.command("undo")(sync.undo)
app.add_typer(destroy.app, name="destroy")
app.command("check")(check.check)
app.command("schema")(schema.schema)


def main() -> None:
    """Console-script entry point."""
    app()
