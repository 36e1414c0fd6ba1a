"""The field-type reference: one page per type, its example valid, its code current.

The "Generated code" of each page is rendered by the real blueprints (see
`excerpts`); when they change, refresh the committed excerpts with
`pytest tests/documentation --update-golden` and review the diff.
"""

from __future__ import annotations

import re

import pytest

from documentation.excerpts import EXAMPLES, GENERATED, field_examples, render_excerpts
from documentation.golden import check_files
from documentation.pages import DOCS, code_blocks
from scaffolder.model.types import TYPE_NAMES
from scaffolder.spec import load_spec

PAGES = DOCS / "reference" / "fields"
HEADINGS = ["What it does", "Example", "Generated code", "Options"]


def test_every_field_type_has_an_example_and_a_page() -> None:
    assert sorted(p.stem for p in field_examples()) == sorted(TYPE_NAMES)
    pages = {p.stem for p in PAGES.glob("*.md")} - {"index"}
    assert pages == set(TYPE_NAMES)


@pytest.mark.parametrize("type_name", TYPE_NAMES)
def test_page_has_the_fixed_headings_and_includes_its_files(type_name: str) -> None:
    page = PAGES / f"{type_name}.md"
    text = page.read_text(encoding="utf-8")
    assert text.startswith(f"# `{type_name}`\n")
    assert re.findall(r"^## (.+)$", text, re.MULTILINE) == HEADINGS
    included = {path for block in code_blocks(page) for path in block.includes}
    expected = {f"docs/examples/fields/{type_name}.yaml"} | {
        p.relative_to(DOCS.parent).as_posix() for p in (GENERATED / type_name).glob("*.py")
    }
    assert included == expected


@pytest.mark.parametrize("type_name", TYPE_NAMES)
def test_example_is_a_valid_spec(type_name: str) -> None:
    spec = load_spec(EXAMPLES / f"{type_name}.yaml")
    assert any(f.type.value == type_name for f in spec.resources[0].fields)


def test_generated_code_is_what_the_blueprints_render(update_golden: bool) -> None:
    excerpts = render_excerpts(field_examples())
    for path, text in excerpts.items():
        compile(text, path, "exec")  # each excerpt is itself valid Python
    check_files(GENERATED, excerpts, update_golden)
