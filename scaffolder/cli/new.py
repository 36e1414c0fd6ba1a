"""`scaffold new`: create a project from the project blueprint."""

from pathlib import Path
from typing import Annotated

import typer

from scaffolder.cli.context import options

#: The arguments and options of `new`, named so that its signature reads at a glance.
Directory = Annotated[
    Path, typer.Argument(help="Directory of the new project.", metavar="DIRECTORY")
]
SpecFile = Annotated[
    Path | None,
    typer.Option(
        "--spec",
        help="Generate every resource of this spec into the project (validated first).",
        metavar="FILE",
    ),
]
Defaults = Annotated[
    bool, typer.Option("--defaults", help="Answer every question with its default.")
]
Data = Annotated[
    list[str] | None,
    typer.Option(
        "--data",
        help="Answer a blueprint question (repeatable): project_name, package_name, "
        "description, python_version.",
        metavar="KEY=VALUE",
    ),
]
Blueprint = Annotated[
    str | None,
    typer.Option(
        "--blueprint",
        help="Render the skeleton from this Copier template instead of scaffold's own: "
        "a local directory or a git URL (git+https://…, gh:owner/repo). "
        "Recorded, so `scaffold sync` upgrades the skeleton from it.",
        metavar="PATH_OR_GIT_URL",
    ),
]
DryRun = Annotated[
    bool, typer.Option("--dry-run", help="List the files that would be created; write nothing.")
]


def new(
    ctx: typer.Context,
    directory: Directory,
    spec: SpecFile = None,
    defaults: Defaults = False,
    data: Data = None,
    blueprint: Blueprint = None,
    dry_run: DryRun = False,
) -> None:
    """Create a new project in DIRECTORY (which must not exist, or be empty).

    The package name derives from the directory name (my-blog → my_blog). Questions
    are asked only on a terminal and without --defaults; otherwise defaults apply.

    \b
    Examples:
      scaffold new blog --defaults
      scaffold new blog --spec blog.yaml --defaults
      scaffold new shop --data description='Our shop' --dry-run
      scaffold new api --blueprint ../company-skeleton --defaults
      scaffold new api --blueprint git+https://example.com/skeleton.git --defaults
    """
    import sys

    from scaffolder import report
    from scaffolder.commands.new import create_project

    with report.progress() as progress:
        created = create_project(
            options(ctx).path(directory),
            spec_path=options(ctx).path(spec) if spec is not None else None,
            answers=parse_data(data or []),
            interactive=not defaults and sys.stdin.isatty() and not options(ctx).json,
            dry_run=dry_run,
            progress=progress,
            blueprint=_blueprint_source(ctx, blueprint),
        )
    report.new_project(created, dry_run=dry_run)


def parse_data(items: list[str]) -> dict[str, str]:
    """`--data key=value` options as a mapping (the last value of a key wins)."""
    from scaffolder.errors import UsageError

    answers: dict[str, str] = {}
    for item in items:
        key, separator, value = item.partition("=")
        if not separator or not key.strip():
            raise UsageError(
                f"--data {item!r} is not key=value", hint="e.g. --data description='My blog'"
            )
        answers[key.strip()] = value
    return answers


def _blueprint_source(ctx: typer.Context, blueprint: str | None) -> str | None:
    """A local blueprint as an absolute path (resolved like every path, against -C); a git
    URL as given."""
    from scaffolder.project.skeleton import is_url

    if blueprint is None or is_url(blueprint):
        return blueprint
    return str(options(ctx).path(Path(blueprint)).resolve())
