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


def test_quick_start_is_the_ci_test_command() -> None:
    quick_start = blocks("bash")[0]
    ci = (ROOT / ".ci" / "run").read_text()
    test_command = "pip install -e '.[dev]' && pytest"
    assert test_command in quick_start
    assert ci.rstrip().endswith(test_command)
    assert "scaffold new blog --spec scaffolder/examples/blog.yaml --defaults" in quick_start
    assert (ROOT / "scaffolder" / "examples" / "blog.yaml").is_file()


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
