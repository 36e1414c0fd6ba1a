"""The documentation site builds, and every example in it is a file the suite checks.

- `mkdocs build --strict` (broken links, missing pages or snippet files fail it);
- every code block of every page is a snippets include, or a copy of a file kept equal
  to it (`--update-golden` refreshes it), never text typed into the page;
- every file under docs/examples and docs/_generated is included by a page;
- example specs are valid (`scaffold check`), except those of the errors page, which
  must fail (tests/documentation/test_errors_reference.py); other YAML parses;
- example Python compiles.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from documentation.golden import REFRESH
from documentation.pages import (
    DOCS,
    EXAMPLES,
    GENERATED,
    ROOT,
    code_blocks,
    copies_refreshed,
    included_files,
    pages,
)
from scaffolder.spec import load_spec

EXAMPLE_FILES = sorted(p for p in EXAMPLES.rglob("*") if p.is_file())
#: Examples that are meant to be invalid specs.
INVALID_SPECS = EXAMPLES / "errors"


@pytest.mark.slow
def test_site_builds_in_strict_mode(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert (tmp_path / "reference" / "fields" / "str" / "index.html").is_file()


#: Pages written by other work, whose commands their own tests run (the benchmarks'
#: commands install system packages and take minutes): not held to the rule below.
OWNED_ELSEWHERE = {DOCS / "performance.md"}


@pytest.mark.parametrize(
    "page",
    [p for p in pages() if p not in OWNED_ELSEWHERE],
    ids=lambda p: str(p.relative_to(DOCS)),
)
def test_every_code_block_is_an_included_file(page: Path) -> None:
    """No example is typed into a page: each code block includes files the suite checks."""
    inline = [block.line for block in code_blocks(page) if not block.only_includes]
    assert not inline, f"{page.name}: code blocks at lines {inline} are not snippet includes"


PAGES_WITH_COPIES = [p for p in pages() if any(b.copy_of for b in code_blocks(p))]


@pytest.mark.parametrize("page", PAGES_WITH_COPIES, ids=lambda p: str(p.relative_to(DOCS)))
def test_every_copy_is_its_file(page: Path, update_golden: bool) -> None:
    """A page that reads as plain Markdown holds copies of the files the suite runs."""
    refreshed = copies_refreshed(page)
    if update_golden:
        page.write_text(refreshed, encoding="utf-8", newline="\n")
        return
    assert page.read_text(encoding="utf-8") == refreshed, f"{page.name}: run `{REFRESH}`"


def test_a_copy_that_drifts_is_caught(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    copy = "<!-- file: docs/examples/tutorial/02-install.sh -->\n```bash\n{}```\n"
    page.write_text(copy.format("pip install -e .\n"))
    assert copies_refreshed(page) == copy.format("pip install -e '.[dev]'\n")
    (block,) = code_blocks(page)
    assert block.includes == ("docs/examples/tutorial/02-install.sh",)
    assert block.only_includes


def test_every_example_and_generated_file_is_included_by_a_page() -> None:
    included = included_files()
    files = [p for p in [*EXAMPLE_FILES, *GENERATED.rglob("*")] if p.is_file()]
    assert files
    missing = [str(p.relative_to(ROOT)) for p in files if p not in included]
    assert not missing, f"not included by any page: {missing}"
    absent = [str(p.relative_to(ROOT)) for p in included if not p.is_file()]
    assert not absent, f"included but missing: {absent}"


def _is_spec(path: Path) -> bool:
    from ruamel.yaml import YAML

    data = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    return isinstance(data, dict) and "resources" in data


@pytest.mark.parametrize(
    "example",
    [p for p in EXAMPLE_FILES if p.suffix == ".yaml" and not p.is_relative_to(INVALID_SPECS)],
    ids=lambda p: str(p.relative_to(EXAMPLES)),
)
def test_yaml_examples_are_valid(example: Path) -> None:
    from ruamel.yaml import YAML

    if _is_spec(example):
        load_spec(example)  # raises SpecError with every problem
    else:
        assert YAML(typ="safe").load(example.read_text(encoding="utf-8")) is not None


@pytest.mark.parametrize(
    "example",
    [p for p in [*EXAMPLE_FILES, *GENERATED.rglob("*.py")] if p.suffix == ".py"],
    ids=lambda p: str(p.relative_to(ROOT)),
)
def test_python_examples_compile(example: Path) -> None:
    compile(example.read_text(encoding="utf-8"), str(example), "exec")
