"""Suite-wide pytest options.

`pytest tests/golden --update-golden` rewrites the expected output of the golden tests
from what the code prints now; review the diff before committing it.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from scaffolder import report


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite tests/golden/**/expected.txt from the current output",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    """True when the run was asked to rewrite golden files instead of comparing them."""
    return bool(request.config.getoption("--update-golden"))


def pytest_configure(config: pytest.Config) -> None:
    """In CI (CI=true), property tests replay a fixed sequence of examples, so a landing
    is never refused by a new random input; locally they keep exploring new ones."""
    import os

    from hypothesis import settings

    settings.register_profile("ci", derandomize=True)
    if os.environ.get("CI"):
        settings.load_profile("ci")


@pytest.fixture(autouse=True)
def _plain_consoles(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Consoles are cached per process and the output mode lasts a run: give each test
    its own — plain (no colours, as off a terminal), 100 columns, the default mode.
    Tests that capture output another way (docs transcripts) set their own terminal."""
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    report._console.cache_clear()
    report.configure()
    yield
    report._console.cache_clear()
    report.configure()
