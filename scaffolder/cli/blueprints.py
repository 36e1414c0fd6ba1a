"""`scaffold blueprints …`: the templates code is generated from, and the project's overrides."""

from typing import Annotated

import typer

from scaffolder.cli.context import ReportedCommand, options

app = typer.Typer(
    help="List the templates scaffold generates from; copy them into blueprints/ to change them.",
    epilog="\b\nExamples:\n  scaffold blueprints list\n"
    "  scaffold blueprints eject resource/templates/detail.html\n",
    no_args_is_help=True,
)


def _template_names(incomplete: str) -> list[str]:
    """Shell completion of TEMPLATE: kinds and template names."""
    from scaffolder.render.catalog import KINDS, bundled_templates

    names = [*KINDS, *(t.name for t in bundled_templates())]
    return [name for name in names if name.startswith(incomplete)]


@app.command("list", cls=ReportedCommand)
def list_templates(ctx: typer.Context) -> None:
    """List every template a project can override, what it generates, and which ones
    this project overrides (in its blueprints/ folder).

    A template of blueprints/ replaces the bundled one of the same name, file by file;
    `scaffold sync` regenerates with it (hand edits are merged as usual).

    \b
    Examples:
      scaffold blueprints list
      scaffold --json blueprints list
    """
    from scaffolder import report
    from scaffolder.render.catalog import overrides, stray_warnings

    project = options(ctx).project
    report.warnings(stray_warnings(project))
    report.templates(overrides(project))


@app.command("eject", cls=ReportedCommand)
def eject(
    ctx: typer.Context,
    templates: Annotated[
        list[str] | None,
        typer.Argument(
            help="Templates to copy: a kind (resource, migration), a folder "
            "(resource/templates) or a file (resource/model.py). All when omitted.",
            metavar="TEMPLATE...",
            show_default=False,
            autocompletion=_template_names,
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Replace overrides you already changed.")
    ] = False,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Show what would be copied; write nothing.")
    ] = False,
) -> None:
    """Copy bundled templates into the project's blueprints/ to customize them.

    Edit the copies, then `scaffold sync`: the generated files follow, and your
    hand edits in them are merged as usual. An override you changed is never
    replaced without --force. Delete a copy to use the bundled template again.

    \b
    Examples:
      scaffold blueprints eject resource/templates/detail.html
      scaffold blueprints eject resource/model.py resource/schemas.py
      scaffold blueprints eject resource --dry-run
    """
    from scaffolder import report
    from scaffolder.commands.blueprints import apply_eject, plan_eject

    project = options(ctx).project
    plan = plan_eject(project, templates or [], force=force)
    if not dry_run:  # first: a refusal to write is not preceded by the plan
        apply_eject(project, plan)
    report.plan(plan, dry_run=dry_run, diffs=False)
