"""`scaffold destroy …`: remove a resource and the code generated for it."""

from typing import Annotated

import typer

from scaffolder.cli.context import ReportedCommand, options

app = typer.Typer(
    help="Remove part of the spec and its generated code.",
    epilog="\b\nExample:\n  scaffold destroy resource Tag --dry-run\n",
    no_args_is_help=True,
)


@app.command("resource", cls=ReportedCommand)
def resource(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="Resource to remove.", metavar="NAME")],
    force: Annotated[
        bool, typer.Option("--force", help="Also delete generated files you have edited.")
    ] = False,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Show what would change; write nothing.")
    ] = False,
) -> None:
    """Remove resource NAME from scaffold.yaml with its files, wiring and table.

    Refused while another resource refers to NAME. Files you edited are kept and
    reported (deleted too with --force); a migration drops the table.
    `scaffold undo` reverts the whole run.

    \b
    Examples:
      scaffold destroy resource Tag --dry-run
      scaffold destroy resource Tag
      scaffold destroy resource Tag --force    # edited files too
    """
    from scaffolder import report

    with report.progress() as progress:
        from scaffolder.commands.destroy import destroy_resource

        generation = destroy_resource(
            options(ctx).project,
            name,
            force=force,
            dry_run=dry_run,
            progress=progress,
        )
    report.generation(generation, dry_run=dry_run)
    if generation.plan.problems:
        raise typer.Exit(1)
