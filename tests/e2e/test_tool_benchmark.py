"""`bench/tool/tool_speed.py` runs end to end on a tiny size and prints every figure.

A benchmark is a script, not a timed test: this checks that it builds the projects and
the Rails peer, times each command and prints each figure with its target, the peer's
beside it and the ratio. The times themselves are not judged (docs/performance.md holds
a real run's). The Rails peer needs Debian's ruby-rails and a few gems (.ci/run installs
them): missing, it fails when SCAFFOLD_REQUIRE_RAILS is set, else only our side runs.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e

SCRIPT = Path(__file__).resolve().parents[2] / "bench" / "tool" / "tool_speed.py"
MS = r"\s+(\d+) ms\s+(\d+) ms"


def test_the_tool_benchmark_prints_every_figure_beside_its_peer(tmp_path: Path) -> None:
    required = bool(os.environ.get("SCAFFOLD_REQUIRE_RAILS"))
    with_rails = shutil.which("rails") is not None
    if required and not with_rails:
        pytest.fail("Rails is not installed (apt-get install ruby-rails; .ci/run does)")
    tiny = ["--resources", "3", "--runs", "1", "--warmup", "0", "--workdir", str(tmp_path)]
    result = subprocess.run(
        [sys.executable, str(SCRIPT), *tiny, *(["--require-peer"] if required else [])],
        capture_output=True,
        text=True,
        check=False,
        timeout=900,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    output = result.stdout
    assert "medians of wall-clock time" in output
    assert re.search(
        rf"^scaffold --help{MS}\s+<= 100 ms\s+python -c pass{MS}\s+\d+\.\d\dx$", output, re.M
    ), output
    generate = re.search(
        rf"^generate resource \(4 fields, ref\){MS}\s+<= 0.4x\s+rails generate scaffold"
        rf"(?:{MS}\s+(\d+\.\d\d)x|\s+-\s+-\s+-)$",
        output,
        re.M,
    )
    assert generate, output
    if with_rails:
        ours, peer, ratio = int(generate[1]), int(generate[3]), float(generate[5])
        assert ours > 0, output
        assert peer > 0, output
        assert ratio == pytest.approx(ours / peer, rel=0.05, abs=0.01)
    assert re.search(rf"^new --spec \(3 resources\){MS}\s+-", output, re.M), output
    assert re.search(rf"^sync --check, nothing to do{MS}\s+<= 1 s", output, re.M), output
    changed = re.search(rf"^sync, one field added to (\w+){MS}", output, re.M)
    assert changed, output
    written = re.search(r"^  that sync wrote (\d+) files: (.*)$", output, re.M)
    assert written, output
    paths = written[2].split(", ")
    assert int(written[1]) == len(paths) > 0
    # only what depends on the change: the resource's own files and the migration
    snake = re.sub(r"(?<!^)(?=[A-Z])", "_", changed[1]).lower()
    assert all(snake in path or path.startswith("migrations/") for path in paths), paths
    assert any(path.startswith("migrations/versions/") for path in paths), paths
