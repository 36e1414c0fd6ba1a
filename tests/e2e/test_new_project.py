"""`scaffold new` makes a project whose own toolchain passes, end to end.

Two projects: `scaffold new demo --defaults` (the skeleton alone) and `scaffold new
blog --spec <bundled blog example>` (the skeleton with generated resources).

In the generated project: `ruff check .`, `ruff format --check .`, `mypy .` (strict),
`pyright` (strict), `alembic upgrade head`, `alembic check` and `pytest` — on SQLite
and on a real PostgreSQL server started here (initdb into a temp dir, 127.0.0.1,
a free port; owned by the `postgres` user when running as root, since PostgreSQL
refuses root). Without PostgreSQL binaries that part is skipped, unless
SCAFFOLD_REQUIRE_POSTGRES is set (CI sets it), which makes it a failure.

Speed: no per-test pip resolution. The tool's dev extra already holds the generated
project's dependencies, so the project is installed with `--no-deps
--no-build-isolation` into a venv that sees this interpreter's packages (`make_venv`),
exactly as `pip install -e '.[dev]'` would lay it out, in seconds. The server and the project
helpers are shared with the other end-to-end tests (`e2e.support`, `conftest.py`).
"""

from __future__ import annotations

import tomllib
import urllib.request
from pathlib import Path

import pytest

from e2e.support import PostgresServer, Project, create_project
from scaffolder.examples import example_path

pytestmark = pytest.mark.e2e


@pytest.fixture(
    scope="module",
    params=[("demo", None), ("blog", "blog")],
    ids=["skeleton", "blog-spec"],
)
def project(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Project:
    """`scaffold new NAME --defaults [--spec EXAMPLE]`, installed editable into a venv."""
    name, example = request.param
    spec = ["--spec", str(example_path(example))] if example else []
    return create_project(tmp_path_factory.mktemp("e2e"), name, *spec)


def test_this_environment_provides_every_dependency_of_the_project(project: Project) -> None:
    """The premise of `--no-deps` above: scaffold's dev extra covers the project's needs."""
    from importlib.metadata import PackageNotFoundError, requires, version

    from packaging.requirements import Requirement

    metadata = tomllib.loads((project.root / "pyproject.toml").read_text())["project"]
    wanted = [*metadata["dependencies"], *metadata["optional-dependencies"]["dev"]]
    requirements = [Requirement(text) for text in wanted]
    for requirement in list(requirements):  # what extras such as pydantic[email] add
        for extra in requirement.extras:
            for text in requires(requirement.name) or []:
                needed = Requirement(text)
                if needed.marker is not None and needed.marker.evaluate({"extra": extra}):
                    requirements.append(needed)
    problems = []
    for requirement in requirements:
        try:
            installed = version(requirement.name)
        except PackageNotFoundError:
            problems.append(f"{requirement}: not installed")
            continue
        if not requirement.specifier.contains(installed, prereleases=True):
            problems.append(f"{requirement}: {installed} is installed")
    assert problems == [], "add these to the dev extra of scaffold's pyproject.toml"


@pytest.mark.parametrize(
    "command",
    [
        ["ruff", "check", "."],
        ["ruff", "format", "--check", "."],
        ["mypy", "."],
        ["pyright"],
    ],
    ids=" ".join,
)
def test_static_checks_pass(project: Project, command: list[str]) -> None:
    if command == ["pyright"]:
        command = [*command, "--pythonpath", str(project.python)]
    project.run(*command)


def test_migrations_and_tests_pass_on_sqlite(project: Project) -> None:
    project.run("alembic", "upgrade", "head")
    project.run("alembic", "check")
    project.run("pytest", "-q", "-p", "no:cacheprovider")
    assert (project.root / f"{project.package}.db").is_file()  # the default DATABASE_URL


def test_migrations_and_tests_pass_on_postgresql(
    project: Project, postgres: PostgresServer
) -> None:
    env = {"DATABASE_URL": postgres.database(project.package)}
    project.run("alembic", "upgrade", "head", env=env)
    project.run("alembic", "check", env=env)
    project.run("pytest", "-q", "-p", "no:cacheprovider", env=env)
    result = project.run(
        project.package,
        "createsuperuser",
        "--email",
        "admin@example.com",
        "--password",
        "pw-123456",
        env=env,
    )
    assert "Created superuser admin@example.com" in result.stdout


def test_the_server_starts_and_answers_health(project: Project, tmp_path: Path) -> None:
    env = {"DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'serve.db'}"}
    with (
        project.serve(env, tmp_path / "server.log") as base_url,
        urllib.request.urlopen(f"{base_url}/health", timeout=10) as response,
    ):
        assert response.status == 200
