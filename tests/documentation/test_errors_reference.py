"""The spec-errors page: each example file fails `scaffold check` with the output shown.

After a change of the messages, `pytest tests/documentation --update-golden`
refreshes docs/_generated/errors/; review the diff.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from documentation.console import scaffold
from documentation.golden import check_files
from documentation.pages import DOCS, EXAMPLES, GENERATED, code_blocks

ERRORS = EXAMPLES / "errors"
EXAMPLE_FILES = sorted(ERRORS.glob("*.yaml"))


def check_output(name: str) -> str:
    run = scaffold(ERRORS, "check", name)
    assert run.exit_code == 2, run.transcript
    assert run.stdout == "", "errors go to standard error"
    assert "Traceback" not in run.stderr
    return run.transcript


def test_error_outputs_are_what_scaffold_check_prints(update_golden: bool) -> None:
    outputs = {f"{p.stem}.txt": check_output(p.name) for p in EXAMPLE_FILES}
    check_files(GENERATED / "errors", outputs, update_golden)


@pytest.mark.parametrize("example", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_each_example_is_shown_with_its_output(example: Path) -> None:
    stem = example.stem
    blocks = code_blocks(DOCS / "reference" / "errors.md")
    includes = [path for block in blocks for path in block.includes]
    position = includes.index(f"docs/examples/errors/{stem}.yaml")
    assert includes[position + 1] == f"docs/_generated/errors/{stem}.txt"
