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
--no-build-isolation` into a venv created with `--system-site-packages`, exactly as
`pip install -e '.[dev]'` would lay it out, in seconds.
"""

from __future__ import annotations

import os
import pwd
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import tomllib
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from scaffolder.cli import app
from scaffolder.examples import example_path

pytestmark = pytest.mark.e2e

# --- a throwaway PostgreSQL server ------------------------------------------------

#: Set in CI: a missing PostgreSQL is then a failure, not a skip.
REQUIRE_ENV = "SCAFFOLD_REQUIRE_POSTGRES"


def find_bindir() -> Path | None:
    """The directory of `initdb`/`pg_ctl`: Debian's newest /usr/lib/postgresql/N/bin, or PATH."""

    def version(path: Path) -> int:
        match = re.fullmatch(r"\d+", path.parent.parent.name)
        return int(match.group()) if match else 0

    debian = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"), key=version, reverse=True)
    for pg_ctl in debian:
        if (pg_ctl.parent / "initdb").exists():
            return pg_ctl.parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@contextmanager
def running_server(bindir: Path) -> Iterator[str]:
    """Start a fresh cluster; yield its server URL (database `postgres`); stop and delete it."""
    # Under /tmp itself: pytest's own temp dirs are private to root, and the
    # server (running as `postgres`) must be able to reach its data directory.
    base = Path(tempfile.mkdtemp(prefix="scaffold-pg-"))
    as_owner: list[str] = []
    if os.geteuid() == 0:
        owner = pwd.getpwnam("postgres")
        os.chown(base, owner.pw_uid, owner.pw_gid)
        as_owner = ["runuser", "-u", "postgres", "--"]
    data, log, port = base / "data", base / "server.log", _free_port()
    initdb, pg_ctl = str(bindir / "initdb"), str(bindir / "pg_ctl")
    try:
        _run(*as_owner, initdb, "-D", str(data), "-U", "postgres", "--auth=trust", "--no-sync")
        options = f"-k {base} -h 127.0.0.1 -p {port} -F"
        try:
            _run(*as_owner, pg_ctl, "-D", str(data), "-l", str(log), "-o", options, "-w", "start")
        except AssertionError:
            raise AssertionError(log.read_text(errors="replace")) from None
        try:
            yield f"postgresql+asyncpg://postgres@127.0.0.1:{port}/postgres"
        finally:
            _run(*as_owner, pg_ctl, "-D", str(data), "-m", "immediate", "stop")
    finally:
        shutil.rmtree(base, ignore_errors=True)


def create_database(bindir: Path, server_url: str, name: str) -> str:
    """Create database `name` on the server; return its URL."""
    port = server_url.rsplit(":", 1)[1].split("/")[0]
    _run(str(bindir / "createdb"), "-h", "127.0.0.1", "-p", port, "-U", "postgres", name)
    return server_url.rsplit("/", 1)[0] + f"/{name}"


def _run(*command: str) -> None:
    result = subprocess.run(command, capture_output=True, text=True, check=False, timeout=120)
    assert result.returncode == 0, f"{command}: {result.stdout}{result.stderr}"


@dataclass(frozen=True)
class PostgresServer:
    bindir: Path
    url: str

    def database(self, name: str) -> str:
        """Create database `name`; return its URL."""
        return create_database(self.bindir, self.url, name)


@pytest.fixture(scope="module")
def postgres() -> Iterator[PostgresServer]:
    """A throwaway PostgreSQL server (skipped without binaries, unless required)."""
    bindir = find_bindir()
    if bindir is None:
        message = "PostgreSQL server binaries (initdb, pg_ctl) not found"
        if os.environ.get(REQUIRE_ENV):
            pytest.fail(f"{message}, and {REQUIRE_ENV} is set")
        pytest.skip(f"{message}; install postgresql (or set {REQUIRE_ENV}=1 to fail instead)")
    with running_server(bindir) as server_url:
        yield PostgresServer(bindir, server_url)


# --- the generated project ----------------------------------------------------------


@dataclass(frozen=True)
class Project:
    root: Path
    venv: Path
    package: str

    @property
    def python(self) -> Path:
        return self.venv / "bin" / "python"

    def run(
        self, *args: str, env: dict[str, str] | None = None, timeout: float = 600
    ) -> subprocess.CompletedProcess[str]:
        """Run `python -m …` in the project's venv and root; fail with its output."""
        result = subprocess.run(
            [str(self.python), "-m", *args],
            cwd=self.root,
            env=self.environment(env),
            capture_output=True,
            text=True,
            check=False,
            timeout=timeout,
        )
        assert result.returncode == 0, f"`{' '.join(args)}` failed:\n{result.stdout}{result.stderr}"
        return result

    def environment(self, extra: dict[str, str] | None) -> dict[str, str]:
        """This process's environment minus its database and pytest settings, plus `extra`."""
        env = {
            key: value
            for key, value in os.environ.items()
            if key != "DATABASE_URL" and not key.startswith("PYTEST_")
        }
        env["PATH"] = f"{self.venv / 'bin'}{os.pathsep}{env.get('PATH', '')}"
        env["VIRTUAL_ENV"] = str(self.venv)
        return {**env, **(extra or {})}


@pytest.fixture(
    scope="module",
    params=[("demo", None), ("blog", "blog")],
    ids=["skeleton", "blog-spec"],
)
def project(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Project:
    """`scaffold new NAME --defaults [--spec EXAMPLE]`, installed editable into a venv."""
    name, example = request.param
    root = tmp_path_factory.mktemp("e2e")
    spec = ["--spec", str(example_path(example))] if example else []
    result = CliRunner().invoke(app, ["new", str(root / name), "--defaults", *spec])
    assert result.exit_code == 0, result.output
    venv = root / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--system-site-packages", str(venv)], check=True)
    generated = Project(root=root / name, venv=venv, package=name)
    generated.run(
        "pip", "install", "--quiet", "--no-deps", "--no-build-isolation", "-e", str(generated.root)
    )
    return generated


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
    port = _free_port()
    env = project.environment({"DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'serve.db'}"})
    server = subprocess.Popen(
        [
            str(project.python),
            "-m",
            project.package,
            "serve",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
        ],
        cwd=project.root,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                url = f"http://127.0.0.1:{port}/health"
                with urllib.request.urlopen(url, timeout=2) as response:
                    assert response.status == 200
                    break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    server.kill()
                    _, errors = server.communicate()
                    pytest.fail(f"the server did not answer /health:\n{errors.decode()}")
                time.sleep(0.2)
    finally:
        server.terminate()
        server.wait(timeout=10)
