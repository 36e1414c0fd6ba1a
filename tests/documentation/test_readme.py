"""The README: its transcript is what the tool prints, its examples are valid.

The transcript block (between `<!-- transcript` and `<!-- /transcript -->`) is a
list of `$ ` commands run in a temp dir — `cd DIR`, or `scaffold …` through the real
app — each followed by what it printed. `pytest tests/documentation --update-golden`
rewrites the printed lines from a new run; review the diff.
"""

from __future__ import annotations

import re
import shlex
import subprocess
from pathlib import Path

import pytest

from documentation.console import scaffold
from documentation.golden import REFRESH
from documentation.pages import ROOT
from scaffolder.spec import parse_cli_fields, parse_spec

README = ROOT / "README.md"
_TRANSCRIPT = re.compile(
    r"(<!-- transcript[^\n]*-->\n```console\n)(.*?)(```\n<!-- /transcript -->)", re.S
)
_BLOCK = re.compile(r"^```(\w+)\n(.*?)^```$", re.M | re.S)


def blocks(language: str) -> list[str]:
    return [body for lang, body in _BLOCK.findall(README.read_text()) if lang == language]


def replay(transcript: str, directory: Path) -> str:
    """Run the transcript's commands in `directory`; the transcript as they print it now."""
    lines: list[str] = []
    cwd = directory
    for command in (line[2:] for line in transcript.splitlines() if line.startswith("$ ")):
        args = shlex.split(command)
        if args[0] == "cd":
            cwd = cwd / args[1]
            lines.append(f"$ {command}\n")
            continue
        assert args[0] == "scaffold", f"the transcript runs only cd and scaffold: {command}"
        run = scaffold(cwd, *args[1:])
        assert "Traceback" not in run.stderr
        lines.append(f"$ {command}\n{run.stdout}{run.stderr}")
    return "".join(lines)


def test_transcript_is_what_the_tool_prints(tmp_path: Path, update_golden: bool) -> None:
    text = README.read_text(encoding="utf-8")
    match = _TRANSCRIPT.search(text)
    assert match, "README.md has no transcript block"
    actual = replay(match.group(2), tmp_path)
    if update_golden:
        README.write_text(text[: match.start(2)] + actual + text[match.end(2) :], encoding="utf-8")
        return
    assert match.group(2) == actual, f"the README's transcript is out of date; run `{REFRESH}`"


def quick_start() -> list[str]:
    """The quick start's commands: its first bash block, comments left out, `&&` split."""
    lines = [line for line in blocks("bash")[0].splitlines() if line and not line.startswith("#")]
    return [command.strip() for line in lines for command in line.split(" && ")]


def test_ci_runs_the_quick_start_in_a_fresh_venv() -> None:
    """.ci/run makes a venv, activates it, then runs the quick start's commands in order
    (its project in the temp dir rather than beside the checkout); `pytest` comes last."""
    assert quick_start() == [
        "pip install -e .",
        "scaffold new ../blog-demo --spec scaffolder/examples/blog.yaml --defaults",
        "pip install -e '.[dev]'",
        "pytest",
    ]
    assert (ROOT / "scaffolder" / "examples" / "blog.yaml").is_file()
    ci = (ROOT / ".ci" / "run").read_text()
    at = ci.index('python3 -m venv "$work/venv"')
    at = ci.index('source "$work/venv/bin/activate"', at)
    for command in quick_start():
        command = command.replace("../blog-demo", '"$work/blog-demo"')
        assert command in ci[at:], f".ci/run does not run `{command}` after the others"
        at = ci.index(command, at) + len(command)
    assert ci.rstrip().endswith("\npytest"), "CI reads pytest's closing line: it comes last"


def test_the_quick_start_project_lands_outside_the_checkout() -> None:
    """`scaffold new` run from the checkout's root writes beside it, not into it."""
    (new,) = [command for command in quick_start() if command.startswith("scaffold new ")]
    target = ROOT / shlex.split(new)[2]
    assert not target.resolve().is_relative_to(ROOT)


def test_spec_example_is_valid() -> None:
    (spec,) = blocks("yaml")
    assert {r.name for r in parse_spec(spec, "README.md").resources} == {"Author", "Post", "Tag"}


@pytest.mark.parametrize("index", range(len(blocks("bash"))))
def test_bash_blocks_parse_and_their_fields_are_valid(index: int) -> None:
    block = blocks("bash")[index]
    syntax = subprocess.run(
        ["bash", "-n"], input=block, capture_output=True, text=True, check=False
    )
    assert syntax.returncode == 0, syntax.stderr
    for line in block.splitlines():
        words = shlex.split(line, comments=True)
        if words[:3] == ["scaffold", "generate", "resource"]:
            parse_cli_fields(words[4:])  # raises SpecError on a bad field
