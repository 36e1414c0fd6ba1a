"""`scaffold new`: create a project from the project blueprint."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from scaffolder.errors import NotAvailableError


def new(
    directory: Annotated[Path, typer.Argument(help="Directory of the new project.", metavar="DIR")],
    spec: Annotated[
        Path | None,
        typer.Option("--spec", help="Generate every resource of this spec into the project."),
    ] = None,
    defaults: Annotated[
        bool, typer.Option("--defaults", help="Answer every question with its default.")
    ] = False,
    data: Annotated[
        list[str] | None,
        typer.Option("--data", help="Answer a blueprint question: key=value (repeatable)."),
    ] = None,
) -> None:
    """Create a new project in DIRECTORY.

    Example: scaffold new blog --spec blog.yaml --defaults
    """
    raise NotAvailableError("`scaffold new` is not available yet in this version.")
