"""`bench/kit_budget.py`: its line counts and its count of repeated blocks.

A budget script is a report, not a gate: this checks that it counts what it says it
counts — the shape of a line, a shared 12-line block between two resources' files (and
not within one resource's) — and that on the blog it prints each kind of file against
its budget, the pairs, and totals that add up. Whether the budget holds is not judged.
"""

from __future__ import annotations

import importlib.util
import json
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

pytestmark = pytest.mark.e2e

SCRIPT = Path(__file__).resolve().parents[2] / "bench" / "kit_budget.py"


def budget() -> ModuleType:
    spec = importlib.util.spec_from_file_location("kit_budget", SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["kit_budget"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_a_line_keeps_its_shape_and_loses_its_names() -> None:
    shape = budget().shape
    assert shape('    post = await post_service.get_post(db, 3, "x")') == ("N = await N.N(N, 0, S)")
    assert shape("    tag = await tag_service.get_tag(db, 7, 'y')") == "N = await N.N(N, 0, S)"
    assert shape("{% for row in rows %}<td>{{ row.title }}</td>{% endfor %}") == (
        "{% for N in N %}<N>{{ N.N }}</N>{% endfor %}"
    )
    for skipped in ["", "   ", "# a comment", "from x import y", "import os", "    ),", "{# c #}"]:
        assert shape(skipped) is None, skipped


def test_a_block_shared_by_two_resources_pairs_them_and_one_resource_does_not(
    tmp_path: Path,
) -> None:
    module = budget()
    body = "".join(f"    value_{n} = compute_{n}(row, {n})\n" for n in range(12))
    (tmp_path / "post.py").write_text(f"def post():\n{body}")
    (tmp_path / "tag.py").write_text("def tag():\n" + body.replace("row", "item"))
    (tmp_path / "post_admin.py").write_text(f"def admin():\n{body}")
    (tmp_path / "short.py").write_text("def short():\n" + "".join(body.splitlines(True)[:10]))
    files = [("post.py", "Post"), ("tag.py", "Tag"), ("post_admin.py", "Post")]
    pairs = module.same_shape_pairs(tmp_path, [*files, ("short.py", "Short")])
    found = {(pair.first, pair.second) for pair in pairs}
    assert found == {("post.py", "tag.py"), ("post_admin.py", "tag.py")}
    first = next(pair for pair in pairs if pair.first == "post.py")
    assert first.span == (1, 13, 1, 13)
    assert first.windows == 2


def test_the_blog_report_prints_each_budget_and_the_pairs(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--keep", str(tmp_path / "blog")],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    output = result.stdout
    files = re.findall(r"^\s+(\d+)  (\S+)  \[(.+)\]$", output, re.M)
    assert ("blog/models/post.py", "application Python") in {(p, k) for _, p, k in files}
    for kind, limit in [("application Python", 400), ("templates", 120), ("tests", 250)]:
        row = re.search(rf"^{kind}\s+(\d+)\s+{limit}  (ok|OVER BUDGET by (\d+))$", output, re.M)
        assert row, output
        total = sum(int(lines) for lines, _, k in files if k == kind)
        assert int(row[1]) == total > 0
        assert (row[2] == "ok") == (total <= limit)
    pairs = re.search(
        r"^Pairs of files of two resources sharing >= 12 lines .*: (\d+)", output, re.M
    )
    assert pairs, output
    listed = re.findall(r"^  (\S+?):\d+-\d+ ~ (\S+?):\d+-\d+", output, re.M)
    assert len(listed) == min(int(pairs[1]), 20)
    manifest = json.loads((tmp_path / "blog" / ".scaffold" / "manifest.json").read_text())
    owner = {path: entry["owner"] for path, entry in manifest["files"].items()}
    for first, second in listed:  # always files of two different resources
        assert owner[first] != owner[second], (first, second)
    assert re.search(r"^  total\s+\d+$", output, re.M)
