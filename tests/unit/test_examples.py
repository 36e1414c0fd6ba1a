"""The bundled example specs are the shared contract's examples, and they are valid."""

from __future__ import annotations

from pathlib import Path

import pytest

from scaffolder.examples import example_names, example_path
from scaffolder.spec import load_spec

SHARED = Path(__file__).resolve().parents[3] / "shared" / "examples"


def test_bundled_examples_are_listed() -> None:
    assert example_names() == ["blog", "shop"]


@pytest.mark.parametrize("name", ["blog", "shop"])
def test_bundled_example_loads(name: str) -> None:
    spec = load_spec(example_path(name))
    assert len(spec.resources) == 4


@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared is not beside this checkout")
@pytest.mark.parametrize("shared", sorted(SHARED.glob("*.yaml")) if SHARED.is_dir() else [])
def test_bundled_examples_match_the_shared_ones(shared: Path) -> None:
    """Every shared example is bundled, byte for byte, so the tool ships the contract's specs."""
    assert example_path(shared.stem).read_text() == shared.read_text()
