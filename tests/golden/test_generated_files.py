"""Golden files: an example spec in, the generated project's files out, byte for byte.

Compared: every file `scaffold new --spec` writes beyond the untouched skeleton
(resource files, wiring edits, migrations, scaffold.yaml, the manifest). Refresh
after an intended change with `pytest tests/golden --update-golden`, then review
the diff like any code change.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from scaffolder.commands.new import create_project
from scaffolder.examples import example_path
from scaffolder.project.skeleton import read_tree
from scaffolder.state import FINGERPRINTS_PATH, load_manifest, read_base

GOLDEN = Path(__file__).parent / "generate"


def generated_files(root: Path) -> dict[str, str]:
    """The project's files minus base blobs, skeleton files still as generated, and the
    fingerprints (a cache: they hash the blueprints' source, so any template edit moves
    them; tests/unit/test_render_reuse.py checks what they decide)."""
    tree = read_tree(root)
    manifest = load_manifest(root)
    untouched = {
        path
        for path, record in manifest.files.items()
        if record.owner == "project" and tree.get(path) == read_base(root, record)
    }
    return {
        path: text
        for path, text in tree.items()
        if path not in untouched
        and not path.startswith(".scaffold/base/")
        and path != FINGERPRINTS_PATH
    }


@pytest.mark.parametrize("example", ["blog", "shop"])
def test_generated_files_match_the_golden_files(
    example: str, tmp_path: Path, update_golden: bool
) -> None:
    root = tmp_path / example
    create_project(root, spec_path=example_path(example), answers={}, interactive=False)
    actual = generated_files(root)
    expected_dir = GOLDEN / example / "expected"
    if update_golden:
        shutil.rmtree(expected_dir, ignore_errors=True)
        for path, text in actual.items():
            target = expected_dir / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(text.encode("utf-8"))
    expected = read_tree(expected_dir) if expected_dir.is_dir() else {}
    assert sorted(actual) == sorted(expected), "file list differs: run with --update-golden"
    for path, text in actual.items():
        assert text == expected[path], f"{path} differs from its golden file"
