"""`bench/app/admin_compare.py` runs end to end on a tiny size and prints every figure.

A benchmark is a script, not a timed test: this checks that both admins come up with a
logged-in staff user, show the same posts on each page measured, and that every page
gets both figures and their ratio per database. The figures are not judged here
(docs/performance.md holds a real run's). Needs `wrk`; PostgreSQL as in
test_app_benchmark (skipped without binaries unless SCAFFOLD_REQUIRE_POSTGRES).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from e2e.test_app_benchmark import databases

pytestmark = pytest.mark.e2e

SCRIPT = Path(__file__).resolve().parents[2] / "bench" / "app" / "admin_compare.py"


def test_the_admin_benchmark_prints_both_figures_and_the_ratio_per_page(tmp_path: Path) -> None:
    if shutil.which("wrk") is None:
        pytest.fail("wrk is not installed (apt-get install wrk; .ci/run does)")
    wanted = databases()
    tiny = ["--posts", "60", "--duration", "3", "--warmup", "1", "--rounds", "1"]
    tiny += ["--connections", "2"]  # a request or more finishes even on a busy machine
    result = subprocess.run(
        [sys.executable, str(SCRIPT), *tiny, "--databases", *wanted, "--workdir", str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
        timeout=900,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    output = result.stdout
    assert (
        "admin change list of 60 posts, 50 a page, logged-in staff; one worker each; wrk -t1 -c2"
        in output
    )
    for database in wanted:
        assert f"{database}: the same posts on both admins' pages" in result.stderr
        for page in ["change list", "searched and filtered"]:
            row = re.search(rf"^{database}\s+{page}\s+(\d+)\s+(\d+)\s+(\d+\.\d\d)x$", output, re.M)
            assert row, output
            ours, peer, ratio = int(row[1]), int(row[2]), float(row[3])
            assert ours > 0, output
            assert peer > 0, output
            assert ratio == pytest.approx(ours / peer, rel=0.1, abs=0.02)
