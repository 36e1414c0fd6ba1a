"""The command-line reference matches the app, and documents the real exit codes.

When a command or option changes, `pytest tests/documentation --update-golden`
refreshes docs/_generated/cli.md; review the diff.
"""

from __future__ import annotations

import re

from documentation.cli_reference import cli_reference
from documentation.golden import check_file
from documentation.pages import DOCS, GENERATED
from scaffolder import errors

PAGE = DOCS / "reference" / "cli.md"


def test_cli_reference_matches_the_app(update_golden: bool) -> None:
    check_file(GENERATED / "cli.md", cli_reference(), update_golden)


def test_cli_reference_covers_every_command() -> None:
    import typer

    from scaffolder.cli import app

    group = typer.main.get_command(app)
    assert isinstance(group, typer.core.TyperGroup)
    text = cli_reference()
    for name, command in group.commands.items():
        subcommands = getattr(command, "commands", {})
        for full in [f"scaffold {name} {sub}" for sub in subcommands] or [f"scaffold {name}"]:
            assert f"## `{full}`" in text


def test_documented_exit_codes_are_the_tools() -> None:
    rows = re.findall(r"^\| `(\d)` \| ([^|]+) \|$", PAGE.read_text(encoding="utf-8"), re.M)
    documented = {int(code): meaning for code, meaning in rows}
    assert set(documented) == {errors.EXIT_OK, errors.EXIT_DRIFT, errors.EXIT_BAD_INPUT}
    assert documented[errors.EXIT_DRIFT].startswith("drift or conflict")
    assert documented[errors.EXIT_BAD_INPUT].startswith("bad input")
    assert errors.SpecError([]).exit_code == errors.UsageError("x").exit_code == 2
