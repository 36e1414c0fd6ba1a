"""`scaffold --help` must stay cheap: no copier, libcst or jinja2 at startup."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

HEAVY = ("copier", "libcst", "jinja2", "ruamel", "inflect")

PROBE = """
import json, sys
sys.argv = ["scaffold", *ARGS]
from scaffolder.cli import main
try:
    main()
except SystemExit:
    pass
print(json.dumps(sorted(sys.modules)))
"""


def _modules_after(code: str) -> set[str]:
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    last_line = result.stdout.strip().splitlines()[-1]
    return set(json.loads(last_line))


def _probe(*args: str) -> str:
    return PROBE.replace("ARGS", json.dumps(list(args)))


def test_help_imports_no_heavy_library() -> None:
    loaded = _modules_after(_probe("--help"))
    heavy = sorted(m for m in loaded if m.split(".")[0] in HEAVY)
    assert heavy == []


def test_probe_detects_heavy_imports(tmp_path: Path) -> None:
    """The probe itself works: running `check` does load the YAML library."""
    spec = tmp_path / "scaffold.yaml"
    spec.write_text("version: 1\nresources: {}\n")
    assert "ruamel.yaml" in _modules_after(_probe("check", str(spec)))


def test_running_a_command_imports_no_pydantic(tmp_path: Path) -> None:
    """typer 0.29 validated each parameter with pydantic (~100 ms per run): pinned out."""
    spec = tmp_path / "scaffold.yaml"
    spec.write_text("version: 1\nresources: {}\n")
    loaded = _modules_after(_probe("check", str(spec)))
    assert "ruamel.yaml" in loaded  # the command did run: it read the spec
    assert sorted(m for m in loaded if m.split(".")[0] in ("pydantic", "pydantic_core")) == []


def test_help_lists_every_command_group() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "scaffolder", "--help"], capture_output=True, text=True, check=True
    )
    for command in ("new", "generate", "sync", "destroy", "check", "schema"):
        assert f"  {command}" in result.stdout
    assert "--project" in result.stdout


def test_sync_with_nothing_to_do_imports_no_heavy_library(tmp_path: Path) -> None:
    """`sync --check` in an up-to-date project parses the spec (ruamel, inflect), and
    plans from the bases: it neither renders (jinja2), wires (libcst) nor renders the
    skeleton (copier), so none of them is imported."""
    spec = tmp_path / "spec.yaml"
    spec.write_text("version: 1\nresources:\n  Author:\n    fields:\n      name: str(100)\n")
    project = tmp_path / "project"
    new = ["new", str(project), "--spec", str(spec), "--defaults"]
    subprocess.run([sys.executable, "-m", "scaffolder", *new], capture_output=True, check=True)
    loaded = _modules_after(_probe("-C", str(project), "sync", "--check"))
    assert "scaffolder.generation" in loaded  # the command did plan
    unused = [m for m in HEAVY if m not in ("ruamel", "inflect")]
    assert sorted(m for m in loaded if m.split(".")[0] in unused) == []
