"""`bench/app/compare.py` runs end to end on a tiny size and prints every figure.

A benchmark is a script, not a timed test: this only checks that it builds both apps,
finds them giving the same answer, measures each on each database and prints the
figures beside each other with their ratio. The figures themselves are not judged here
(docs/performance.md holds a real run's). Needs `wrk` (Debian package); PostgreSQL
like the other end-to-end tests (skipped without binaries unless SCAFFOLD_REQUIRE_POSTGRES).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from e2e.support import REQUIRE_ENV, find_bindir

pytestmark = pytest.mark.e2e

SCRIPT = Path(__file__).resolve().parents[2] / "bench" / "app" / "compare.py"


def databases() -> list[str]:
    """SQLite always; PostgreSQL when its binaries are here (or required)."""
    if find_bindir() is not None or os.environ.get(REQUIRE_ENV):
        return ["sqlite", "postgresql"]
    return ["sqlite"]


def test_the_app_benchmark_prints_both_figures_and_the_ratio_per_database(tmp_path: Path) -> None:
    if shutil.which("wrk") is None:
        pytest.fail("wrk is not installed (apt-get install wrk; .ci/run does)")
    wanted = databases()
    tiny = ["--posts", "5", "--duration", "1", "--warmup", "1", "--rounds", "1"]
    result = subprocess.run(
        [sys.executable, str(SCRIPT), *tiny, "--databases", *wanted, "--workdir", str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    output = result.stdout
    assert "GET /api/posts?page_size=20, 5 posts; one worker each; wrk -t1 -c10" in output
    assert re.search(r"^database\s+scaffold req/s\s+Django\+DRF req/s\s+ratio$", output, re.M)
    for database in wanted:
        row = re.search(rf"^{database}\s+(\d+)\s+(\d+)\s+(\d+\.\d\d)x$", output, re.M)
        assert row, output
        ours, peer, ratio = int(row[1]), int(row[2]), float(row[3])
        assert ours > 0, output
        assert peer > 0, output
        # the ratio is of the unrounded medians: close to that of the printed ones
        assert ratio == pytest.approx(ours / peer, rel=0.05)
    assert "same answer from both" in result.stderr
