"""Fixtures shared by the end-to-end tests; the helpers behind them are in `e2e.support`."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from e2e.support import PostgresServer, Project, create_project, throwaway_postgres
from scaffolder.examples import example_path

#: Specs only the tests use, such as variety.yaml (every other name is a bundled example).
SPECS = Path(__file__).parent / "specs"


def spec_path(name: str) -> Path:
    """tests/e2e/specs/NAME.yaml if there is one, else the bundled example NAME."""
    own = SPECS / f"{name}.yaml"
    return own if own.is_file() else example_path(name)


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresServer]:
    """A throwaway PostgreSQL server (skipped without binaries, unless required)."""
    with throwaway_postgres() as server:
        yield server


@pytest.fixture(scope="session")
def example_project(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Project]:
    """`example_project("blog")`: `scaffold new blog --spec <blog.yaml> --defaults`.

    The spec is `spec_path(name)`: tests/e2e/specs/NAME.yaml or the bundled example.

    Made once per session and shared by every test that asks for it (one venv each),
    so tests must not change the project's files.
    """
    made: dict[str, Project] = {}

    def make(name: str) -> Project:
        if name not in made:
            spec = str(spec_path(name))
            made[name] = create_project(tmp_path_factory.mktemp(name), name, "--spec", spec)
        return made[name]

    return make
