"""bench/tool/make_spec.py writes a spec the tool accepts, at the size the benchmark uses.

A self reference (`parent`) in a resource that also has a nullable `backup` ref used to
lose its `nullable: true` (identical lines were dropped across fields), which `check`
now refuses as a cycle of required refs: the 100-resource benchmark stopped at once.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from typer.testing import CliRunner

from scaffolder.cli import app

SCRIPT = Path(__file__).resolve().parents[2] / "bench" / "tool" / "make_spec.py"


def spec_text(resources: int) -> str:
    spec = importlib.util.spec_from_file_location("make_spec", SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_spec"] = module
    spec.loader.exec_module(module)
    text: str = module.spec_text(resources, 6)
    return text


def test_the_100_resource_spec_is_valid(tmp_path: Path) -> None:
    path = tmp_path / "spec100.yaml"
    path.write_text(spec_text(100))
    result = CliRunner().invoke(app, ["check", str(path)])
    assert result.exit_code == 0, result.output
    assert "100 resources" in result.output


def test_a_self_reference_keeps_every_line_of_its_long_form() -> None:
    text = spec_text(100)
    parents = text.split("      parent:\n")[1:]
    assert parents
    for rest in parents:
        block = rest[: rest.index("back: children")]
        assert "nullable: true" in block, block
        assert "on_delete: set_null" in block, block
