"""`scaffold generate …`: add code for one resource."""

from typing import Annotated

import typer

from scaffolder.cli.context import ReportedCommand, options

app = typer.Typer(
    help="Generate code for part of the spec.",
    epilog="\b\nExample:\n  scaffold generate resource Tag 'name:str(50):unique'\n",
    no_args_is_help=True,
)


@app.command("resource", cls=ReportedCommand)
def resource(
    ctx: typer.Context,
    name: Annotated[
        str,
        typer.Argument(help="Resource name, PascalCase and singular: BlogPost.", metavar="NAME"),
    ],
    fields: Annotated[
        list[str] | None,
        typer.Argument(
            help="Fields as name:TYPE, e.g. 'title:str(200)' 'author:ref(Author)'.",
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

    With fields, NAME is added to scaffold.yaml (comments and order kept); without,
    NAME must already be declared there. Running it twice changes nothing.

    \b
    Examples:
      scaffold generate resource Author 'name:str(120)' email:email:unique
      scaffold generate resource Post 'title:str(200)' body:text 'author:ref(Author)'
      scaffold generate resource Comment body:text 'post:ref(Post)' --layers api --dry-run
    """
    from scaffolder import report

    project = options(ctx).project
    layer_list = [part.strip() for part in layers.split(",") if part.strip()] if layers else None
    with report.progress() as progress:
        from scaffolder.commands.generate import generate_resource

        outcome = generate_resource(
            project,
            name,
            fields or [],
            layer_list,
            dry_run=dry_run,
            progress=progress,
        )
    report.generation(outcome, dry_run=dry_run)
    if outcome.plan.problems:
        raise typer.Exit(1)
