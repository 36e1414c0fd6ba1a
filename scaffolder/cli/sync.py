"""`scaffold sync` and `scaffold undo`: regenerate after spec changes, keeping hand edits."""

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
    and exits 1. A migration is written for the spec's changes. Changed templates
    in the project's blueprints/ count too. `scaffold undo` reverts the whole run.

    \b
    Examples:
      scaffold sync --dry-run
      scaffold sync
      scaffold sync --check      # CI and pre-commit: exit 1 when out of date
    """
    from scaffolder import report
    from scaffolder.commands.sync import apply_sync, plan_sync

    project = options(ctx).project
    with report.progress() as progress:
        generation = plan_sync(project, progress)
    plan = generation.plan
    if not dry_run and not check:  # first: a refusal to write is not preceded by the plan
        apply_sync(project, generation)
    report.generation(generation, dry_run=dry_run, check=check)
    if check:
        if not plan.changes_nothing:
            raise typer.Exit(1)
        return
    if plan.problems:
        raise typer.Exit(1)


def undo(
    ctx: typer.Context,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Show what would be restored; write nothing.")
    ] = False,
) -> None:
    """Undo the last sync, generate or destroy: every file it changed gets its old text back.

    Files it created are removed. There is one snapshot: undo works once.

    \b
    Examples:
      scaffold undo --dry-run
      scaffold undo
    """
    from scaffolder import report
    from scaffolder.commands.undo import apply_undo, plan_undo, shown

    project = options(ctx).project
    plan = plan_undo(project)
    if not dry_run:  # first: a refusal to write is not preceded by the plan
        apply_undo(project, plan)
    report.plan(shown(plan), dry_run=dry_run)
