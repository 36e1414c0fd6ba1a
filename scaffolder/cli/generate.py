"""`scaffold generate …`: add code for one resource."""

from __future__ import annotations

from typing import Annotated

import typer

from scaffolder.errors import NotAvailableError

app = typer.Typer(help="Generate code for part of the spec.", no_args_is_help=True)


@app.command("resource")
def resource(
    name: Annotated[
        str,
        typer.Argument(help="Resource name, PascalCase and singular: BlogPost.", metavar="NAME"),
    ],
    fields: Annotated[
        list[str] | None,
        typer.Argument(
            help="Fields as name:TYPE, e.g. title:str(200) 'author:ref(Author)'.",
            metavar="FIELD...",
            show_default=False,
        ),
    ] = None,
    layers: Annotated[
        str | None, typer.Option("--layers", help="Comma-separated layers: api,html,admin.")
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Show what would change; write nothing.")
    ] = False,
) -> None:
    """Add resource NAME to scaffold.yaml (or use its declaration) and generate its code.

    Example: scaffold generate resource Post title:str(200) body:text 'author:ref(Author)'
    """
    raise NotAvailableError("`scaffold generate resource` is not available yet in this version.")
