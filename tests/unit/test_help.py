"""Help and shell completion: every command and group shows examples that really parse.

The test walks the whole command tree, reads each help page as a user sees it,
and parses every example line with the app itself (options and arguments are
checked, nothing runs), so an example can never drift from the command line.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from scaffolder.cli import app
from scaffolder.errors import EXIT_BAD_INPUT, EXIT_DRIFT, EXIT_OK

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE_HEADING = re.compile(r"^\s*Examples?:\s*$")
SHELL_OPERATORS = {">", ">>", "|", "&&", "||", ";"}


def command_tree() -> Iterator[tuple[list[str], Any]]:
    """(path, click command) of the app and of every group and command below it."""
    root = typer.main.get_command(app)

    def walk(path: list[str], command: Any) -> Iterator[tuple[list[str], Any]]:
        yield path, command
        for name, sub in sorted(getattr(command, "commands", {}).items()):
            yield from walk([*path, name], sub)

    yield from walk([], root)


TREE = list(command_tree())


def help_text(path: list[str]) -> str:
    result = CliRunner().invoke(app, [*path, "--help"], prog_name="scaffold")
    assert result.exit_code == EXIT_OK, result.output
    return result.stdout


def examples(text: str) -> list[str]:
    """The lines of the help's `Example(s):` sections (indented lines after the heading)."""
    found: list[str] = []
    lines = text.splitlines()
    for at, line in enumerate(lines):
        if not EXAMPLE_HEADING.match(line):
            continue
        for example in lines[at + 1 :]:
            if not example.startswith("    "):
                break
            found.append(example.strip())
    return found


def parse(example: str) -> list[str]:
    """Parse `example` with the app, without running it; return the command path it reaches."""
    words = shlex.split(example, comments=True)
    assert words[0] == "scaffold", example
    for at, word in enumerate(words):  # the shell's business from here: `> file`, `| less`
        if word in SHELL_OPERATORS:
            words = words[:at]
            break
    command: Any = typer.main.get_command(app)
    ctx = command.make_context("scaffold", words[1:])
    path: list[str] = []
    while hasattr(command, "commands"):
        # the subcommand's name and arguments, left by the group's parser (Click keeps
        # the name apart: `_protected_args` in recent versions, `protected_args` before)
        leading = getattr(ctx, "_protected_args", None) or getattr(ctx, "protected_args", [])
        args = [*leading, *ctx.args]
        assert args, f"{example!r} stops at a group"
        name, command, rest = command.resolve_command(ctx, args)
        path.append(name)
        ctx = command.make_context(name, rest, parent=ctx)
    return path


def test_the_tree_has_every_command() -> None:
    paths = {" ".join(path) for path, _ in TREE}
    assert paths >= {
        "",
        "new",
        "generate",
        "generate resource",
        "sync",
        "undo",
        "destroy",
        "destroy resource",
        "check",
        "schema",
        "blueprints",
        "blueprints list",
        "blueprints eject",
    }


IDS = [" ".join(path) or "scaffold" for path, _ in TREE]


@pytest.mark.parametrize(("path", "command"), TREE, ids=IDS)
def test_every_help_shows_examples_that_parse(path: list[str], command: Any) -> None:
    found = examples(help_text(path))
    assert found, f"`scaffold {' '.join(path)} --help` has no Example section"
    for example in found:
        assert_bash_accepts(example)
        reached = parse(example)
        if not hasattr(command, "commands"):  # a command's examples run that command
            assert reached == path, example
        else:
            assert reached[: len(path)] == path, example


def assert_bash_accepts(example: str) -> None:
    """A reader pastes examples into bash: it must read the line as written (an unquoted
    `name:str(50)` is a syntax error there, though `shlex` splits it happily)."""
    syntax = subprocess.run(
        ["bash", "-n", "-c", example], capture_output=True, text=True, check=False
    )
    assert syntax.returncode == 0, f"bash refuses {example!r}: {syntax.stderr}"


def test_bash_refuses_an_unquoted_field_with_parentheses() -> None:
    """The check above can fail: what the help examples once showed."""
    with pytest.raises(AssertionError, match="bash refuses"):
        assert_bash_accepts("scaffold generate resource Tag name:str(50):unique")
    assert_bash_accepts("scaffold generate resource Tag 'name:str(50):unique'")


def test_every_command_reports_its_name_to_the_json_document() -> None:
    from scaffolder.cli.context import ReportedCommand

    leaves = [(path, c) for path, c in TREE if not hasattr(c, "commands")]
    assert leaves
    for path, command in leaves:
        assert isinstance(command, ReportedCommand), " ".join(path)


def test_scaffold_commands_in_the_docs_parse() -> None:
    """Every `scaffold …` line of the docs' shell examples is a valid command line."""
    scripts = sorted((ROOT / "docs/examples").rglob("*.sh"))
    commands = [
        line
        for script in scripts
        for line in script.read_text().replace("\\\n", " ").splitlines()  # continued lines
        if line.startswith("scaffold ")
    ]
    assert any("blueprints eject" in command for command in commands)
    for command in commands:
        parse(command)


def test_a_broken_example_is_caught() -> None:
    """The parser used above refuses what the app refuses."""
    with pytest.raises(Exception, match="No such option"):
        parse("scaffold sync --dry")
    with pytest.raises(Exception, match="No such command"):
        parse("scaffold generate resorce Post")


def test_the_top_level_help_documents_exit_statuses() -> None:
    text = help_text([])
    block = text[text.index("Exit status:") :]
    assert f"{EXIT_OK}  ok" in block
    assert f"{EXIT_DRIFT}  drift or conflict" in block
    assert f"{EXIT_BAD_INPUT}  bad input" in block


# ------------------------------------------------------------------ completion


def run_in_bash(script: str, **env: str) -> subprocess.CompletedProcess[str]:
    """`script` run by bash with no terminal: stdin from /dev/null, output captured."""
    full_env = {**os.environ, "PYTHONPATH": str(ROOT), **env}
    return subprocess.run(
        ["bash", "-c", script],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        env=full_env,
        check=False,
        timeout=120,
    )


SCAFFOLD = f"{shlex.quote(sys.executable)} -m scaffolder"


def test_show_completion_prints_the_bash_script_without_a_terminal() -> None:
    """Typer detects the shell from the parent process (here bash), not from a TTY.

    The `exit $?` keeps bash the parent: bash runs a script's last command by exec,
    and the scaffold process would then look past it, at whatever started pytest
    (no shell at all under `setsid` or a CI runner, and the test failed there).
    """
    result = run_in_bash(f"{SCAFFOLD} --show-completion; exit $?")
    assert result.returncode == 0, result.stderr
    assert "_SCAFFOLD_COMPLETE=complete_bash" in result.stdout
    assert result.stdout.rstrip().endswith("-F _scaffold_completion scaffold")


def test_the_completion_protocol_completes_commands_and_options() -> None:
    """What bash calls on <TAB>, once the script above is installed."""
    commands = run_in_bash(
        f"{SCAFFOLD}", _SCAFFOLD_COMPLETE="complete_bash", COMP_WORDS="scaffold sy", COMP_CWORD="1"
    )
    assert commands.stdout.split() == ["sync"]
    options = run_in_bash(
        f"{SCAFFOLD}",
        _SCAFFOLD_COMPLETE="complete_bash",
        COMP_WORDS="scaffold sync --d",
        COMP_CWORD="2",
    )
    assert options.stdout.split() == ["--dry-run"]


def test_eject_completes_template_names() -> None:
    result = run_in_bash(
        f"{SCAFFOLD}",
        _SCAFFOLD_COMPLETE="complete_bash",
        COMP_WORDS="scaffold blueprints eject resource/templates/de",
        COMP_CWORD="3",
    )
    assert result.stdout.split() == ["resource/templates/detail.html.jinja"]
