"""docs/architecture.md draws scaffolder's layers from the contract the suite enforces.

The diagram is generated from `[tool.importlinter]` in pyproject.toml (which
tests/test_layers.py runs), so the page cannot drift from the code. After changing
the layers, `pytest tests/documentation --update-golden` refreshes
docs/_generated/layers.txt; review the diff.
"""

from __future__ import annotations

import tomllib

from documentation.golden import check_file
from documentation.pages import GENERATED, ROOT


def layers() -> list[str]:
    """The layers of the contract, top to bottom (`a | b`: side by side)."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    (contract,) = (c for c in config["tool"]["importlinter"]["contracts"] if c["id"] == "layers")
    return list(contract["layers"])


def diagram() -> str:
    """The layers as docs/architecture.md shows them: each imports from those below."""
    return "\n    ↓\n".join(layers()) + "\n"


def test_the_layer_diagram_is_the_contract(update_golden: bool) -> None:
    check_file(GENERATED / "layers.txt", diagram(), update_golden)


def test_the_page_describes_every_layer() -> None:
    """The module table has a row for every module of every layer."""
    page = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    for layer in layers():
        for module in layer.split(" | "):
            assert f"| `{module}/`" in page or f"`{module}.py`" in page, module
