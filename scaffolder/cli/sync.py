"""`scaffold sync`: regenerate after spec changes, keeping hand edits."""

from __future__ import annotations

from typing import Annotated

import typer

from scaffolder.errors import NotAvailableError


def sync(
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Show the plan with diffs; write nothing.")
    ] = False,
    check: Annotated[
        bool,
        typer.Option("--check", help="Write nothing; exit 1 if anything would change."),
    ] = False,
) -> None:
    """Bring the generated code in line with scaffold.yaml, merging hand edits.

    Example: scaffold sync --dry-run
    """
    raise NotAvailableError("`scaffold sync` is not available yet in this version.")
