"""Example specs shipped with the tool (the README's quick start uses `blog.yaml`)."""

from __future__ import annotations

from pathlib import Path

EXAMPLES_DIR = Path(__file__).parent


def example_names() -> list[str]:
    """Names of the bundled examples (`blog`, `shop`)."""
    return sorted(p.stem for p in EXAMPLES_DIR.glob("*.yaml"))


def example_path(name: str) -> Path:
    """Path of a bundled example spec."""
    return EXAMPLES_DIR / f"{name}.yaml"
