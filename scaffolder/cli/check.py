"""`scaffold check`: validate a spec and summarise it."""

from pathlib import Path
from typing import Annotated

import typer

from scaffolder.cli.context import options


def check(
    ctx: typer.Context,
    spec: Annotated[Path, typer.Argument(help="The spec to validate.", metavar="SPEC")] = Path(
        "scaffold.yaml"
    ),
) -> None:
    """Validate SPEC (every error at once) and print a summary of its resources.

    Exit status: 0 when valid, 2 when the spec has errors. With --json, the
    resources (or every error with its file, line, column and hint) as data.

    \b
    Examples:
      scaffold check
      scaffold check specs/blog.yaml
      scaffold --json check
    """
    from scaffolder import report
    from scaffolder.spec import load_spec

    loaded = load_spec(options(ctx).path(spec))
    report.spec_summary(loaded)
