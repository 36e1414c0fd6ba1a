"""`scaffold sync` and `scaffold undo`: regenerate after spec changes, keeping hand edits."""

from __future__ import annotations

from typing import Annotated

import typer

from scaffolder.cli.context import options


def sync(
    ctx: typer.Context,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Show the plan with diffs; write nothing.")
    ] = False,
    check: Annotated[
        bool,
        typer.Option("--check", help="Write nothing; exit 1 if anything would change."),
    ] = False,
) -> None:
    """Bring the generated code in line with scaffold.yaml, merging hand edits.

    Files you edited are merged three ways; a real conflict leaves diff3 markers
    and exits 1. A migration is written for the spec's changes. `scaffold undo`
    reverts the whole run.

    Examples: scaffold sync --dry-run    scaffold sync --check  (CI, pre-commit)
    """
    from scaffolder import report
    from scaffolder.commands.sync import apply_generation, plan_sync

    project = options(ctx).project
    generation = plan_sync(project)
    plan = generation.plan
    report.warnings(generation.warnings)
    if check:
        report.plan(plan, dry_run=True, diffs=False)
        if not plan.changes_nothing:
            raise typer.Exit(1)
        return
    report.plan(plan, dry_run=dry_run)
    if not dry_run:
        apply_generation(project, generation)
    if plan.problems:
        raise typer.Exit(1)


def undo(ctx: typer.Context) -> None:
    """Undo the last sync or generate: every file it changed gets its old text back.

    Example: scaffold undo
    """
    from scaffolder import report
    from scaffolder.plan.snapshot import undo_last_run

    restored = undo_last_run(options(ctx).project)
    report.out().print(f"Restored {len(restored)} files to their state before the last run.")
