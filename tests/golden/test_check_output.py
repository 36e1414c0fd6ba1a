"""Golden tests of `scaffold check`: exit status, stdout and stderr, byte for byte.

Each case is a directory `tests/golden/check/<case>/` holding `spec.yaml` and
`expected.txt`. The CLI runs in that directory with a fixed terminal width, so the
output is the same on every machine. After an intended change of the output, refresh
every expected file with:

    pytest tests/golden --update-golden

and review the diff like code.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from scaffolder import report
from scaffolder.cli import app
from scaffolder.examples import example_path

CASES_DIR = Path(__file__).parent / "check"
CASES = sorted(p.name for p in CASES_DIR.iterdir() if (p / "spec.yaml").is_file())
#: The golden copies of the shipped examples must stay identical to them.
EXAMPLE_CASES = {"example-blog": "blog", "example-shop": "shop"}
ENV = {"COLUMNS": "100", "LINES": "50", "NO_COLOR": "1", "TERM": "dumb"}


def run_check(case_dir: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """`scaffold check spec.yaml` in `case_dir`, as the text of a golden file."""
    monkeypatch.chdir(case_dir)
    for name, value in ENV.items():
        monkeypatch.setenv(name, value)
    # report keeps one console per stream for the process; a console made by an earlier
    # test would keep that test's terminal width
    report._console.cache_clear()
    try:
        result = CliRunner().invoke(app, ["check", "spec.yaml"], catch_exceptions=False)
    finally:
        report._console.cache_clear()
    return (
        "$ scaffold check spec.yaml\n"
        f"exit status: {result.exit_code}\n"
        "--- stdout\n"
        f"{result.stdout}"
        "--- stderr\n"
        f"{result.stderr}"
    )


def test_there_are_cases() -> None:
    assert set(EXAMPLE_CASES) <= set(CASES)
    assert len(CASES) >= 8


@pytest.mark.parametrize("case", CASES)
def test_check_output(case: str, monkeypatch: pytest.MonkeyPatch, update_golden: bool) -> None:
    case_dir = CASES_DIR / case
    actual = run_check(case_dir, monkeypatch)
    expected_file = case_dir / "expected.txt"
    if update_golden:
        expected_file.write_text(actual, encoding="utf-8", newline="\n")
        return
    assert expected_file.is_file(), f"no {expected_file}; run: pytest tests/golden --update-golden"
    expected = expected_file.read_text(encoding="utf-8")
    assert actual == expected, "run `pytest tests/golden --update-golden` and review the diff"


@pytest.mark.parametrize("case", sorted(EXAMPLE_CASES))
def test_example_cases_are_the_shipped_examples(case: str) -> None:
    shipped = example_path(EXAMPLE_CASES[case]).read_text(encoding="utf-8")
    assert (CASES_DIR / case / "spec.yaml").read_text(encoding="utf-8") == shipped


@pytest.mark.parametrize("case", CASES)
def test_exit_status_matches_the_kind_of_case(case: str) -> None:
    expected = (CASES_DIR / case / "expected.txt").read_text(encoding="utf-8")
    status = 0 if case.startswith("example-") else 2
    assert f"exit status: {status}\n" in expected
    assert "Traceback" not in expected
