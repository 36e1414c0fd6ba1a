"""Compiled blueprints are cached between runs, and the cache never changes what is rendered."""

from __future__ import annotations

from pathlib import Path

import pytest

from scaffolder.render.resource import ResourceRenderer
from scaffolder.spec import parse_spec

SPEC = parse_spec(
    "version: 1\nresources:\n  Tag:\n    fields:\n      name: str(50) unique\n", "scaffold.yaml"
)


def _render(project: Path | None = None) -> dict[str, str]:
    return ResourceRenderer(SPEC, "app", project).render(SPEC.resource("Tag"))


def test_cache_is_filled_and_gives_the_same_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SCAFFOLD_CACHE_DIR", str(tmp_path / "cache"))
    first = _render()
    entries = sorted(p.name for p in (tmp_path / "cache" / "jinja").iterdir())
    assert any(name.startswith("blueprint-") for name in entries)
    assert any(name.startswith("html-blueprint-") for name in entries)  # other delimiters
    assert _render() == first
    monkeypatch.setenv("SCAFFOLD_CACHE_DIR", "")  # switched off: compiled every run
    assert _render() == first


def test_an_edited_override_is_compiled_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SCAFFOLD_CACHE_DIR", str(tmp_path / "cache"))
    project = tmp_path / "project"
    override = project / "blueprints" / "resource" / "model.py.jinja"
    override.parent.mkdir(parents=True)
    override.write_text("# first [[ {{ resource.name }} ]]\n")
    assert _render(project)["app/models/tag.py"] == "# first [[ Tag ]]\n"
    override.write_text("# second {{ resource.names.table }}\n")
    assert _render(project)["app/models/tag.py"] == "# second tags\n"


def test_an_unwritable_cache_directory_only_costs_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a directory")
    monkeypatch.setenv("SCAFFOLD_CACHE_DIR", str(blocked / "sub"))
    assert "app/models/tag.py" in _render()
