"""`scaffold destroy …`: remove a resource and the code generated for it."""

from __future__ import annotations

from typing import Annotated

import typer

from scaffolder.errors import NotAvailableError

app = typer.Typer(help="Remove part of the spec and its generated code.", no_args_is_help=True)


@app.command("resource")
def resource(
    name: Annotated[str, typer.Argument(help="Resource to remove.", metavar="NAME")],
    force: Annotated[
        bool, typer.Option("--force", help="Also delete generated files you have edited.")
    ] = False,
) -> None:
    """Remove resource NAME from scaffold.yaml with its files, wiring and table.

    Example: scaffold destroy resource Tag
    """
    raise NotAvailableError("`scaffold destroy resource` is not available yet in this version.")
