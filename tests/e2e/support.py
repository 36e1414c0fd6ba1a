"""What the end-to-end tests share: a throwaway PostgreSQL server and generated projects.

PostgreSQL: a fresh cluster (initdb into a temp dir, 127.0.0.1, a free port; owned by
the `postgres` user when running as root, since PostgreSQL refuses root). Without the
server binaries the tests that need it are skipped, unless SCAFFOLD_REQUIRE_POSTGRES is
set (CI sets it), which makes it a failure.

Projects: `scaffold new`, then installed with `--no-deps --no-build-isolation` into a
throwaway venv that sees this interpreter's packages (`make_venv`). The tool's dev extra
already holds the generated project's dependencies, so this lays the project out
exactly as `pip install -e '.[dev]'` would, in seconds, with no per-test pip resolution.
"""

from __future__ import annotations

import os
import pwd
import re
import shutil
import site
import socket
import subprocess
import sys
import sysconfig
import tempfile
import time
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from scaffolder.cli import app

# --- a throwaway PostgreSQL server ------------------------------------------------

#: Warnings the generated suite must not raise, made errors where the e2e tests run it:
#: an SAWarning is a real defect (a link that would not be saved), and a class of the
#: application that pytest takes for a test class (`TestimonialRead`) is noise users see.
STRICT_WARNINGS = (
    *("-W", "error::sqlalchemy.exc.SAWarning"),
    *("-W", "error::pytest.PytestCollectionWarning"),
)

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


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
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
    data, log, port = base / "data", base / "server.log", free_port()
    initdb, pg_ctl = str(bindir / "initdb"), str(bindir / "pg_ctl")
    try:
        run_checked(
            *as_owner, initdb, "-D", str(data), "-U", "postgres", "--auth=trust", "--no-sync"
        )
        options = f"-k {base} -h 127.0.0.1 -p {port} -F"
        try:
            start = ["-D", str(data), "-l", str(log), "-o", options, "-w", "start"]
            run_checked(*as_owner, pg_ctl, *start)
        except AssertionError:
            raise AssertionError(log.read_text(errors="replace")) from None
        try:
            yield f"postgresql+asyncpg://postgres@127.0.0.1:{port}/postgres"
        finally:
            run_checked(*as_owner, pg_ctl, "-D", str(data), "-m", "immediate", "stop")
    finally:
        shutil.rmtree(base, ignore_errors=True)


def create_database(bindir: Path, server_url: str, name: str) -> str:
    """Create database `name` on the server; return its URL."""
    port = server_url.rsplit(":", 1)[1].split("/")[0]
    run_checked(str(bindir / "createdb"), "-h", "127.0.0.1", "-p", port, "-U", "postgres", name)
    return server_url.rsplit("/", 1)[0] + f"/{name}"


def run_checked(*command: str) -> None:
    """Run a command; fail with its output unless it succeeds."""
    result = subprocess.run(command, capture_output=True, text=True, check=False, timeout=120)
    assert result.returncode == 0, f"{command}: {result.stdout}{result.stderr}"


@dataclass(frozen=True)
class PostgresServer:
    bindir: Path
    url: str

    def database(self, name: str) -> str:
        """Create database `name`; return its URL."""
        return create_database(self.bindir, self.url, name)


@contextmanager
def throwaway_postgres() -> Iterator[PostgresServer]:
    """A running throwaway server; skips the test without binaries, unless required."""
    bindir = find_bindir()
    if bindir is None:
        message = "PostgreSQL server binaries (initdb, pg_ctl) not found"
        if os.environ.get(REQUIRE_ENV):
            pytest.fail(f"{message}, and {REQUIRE_ENV} is set")
        pytest.skip(f"{message}; install postgresql (or set {REQUIRE_ENV}=1 to fail instead)")
    with running_server(bindir) as server_url:
        yield PostgresServer(bindir, server_url)


# --- throwaway venvs ----------------------------------------------------------------


def site_directories() -> list[str]:
    """Where this interpreter's installed packages are: its site-packages directories,
    and the user's when it reads that (`pip install --user`)."""
    directories = list(site.getsitepackages())
    if site.ENABLE_USER_SITE and site.getusersitepackages() in sys.path:
        directories.append(site.getusersitepackages())
    return [directory for directory in directories if Path(directory).is_dir()]


def suite_path(env: dict[str, str]) -> list[str]:
    """PATH for a command the suite runs: the scripts of the interpreter running it
    first, then `env`'s PATH. Run as `venv/bin/pytest` without activating the venv, the
    suite still finds its own python, ruff, mypy…, never other copies on PATH."""
    return [sysconfig.get_path("scripts"), env.get("PATH", "")]


def make_venv(path: Path) -> Path:
    """A new venv at `path` whose Python also imports every package this one has.

    The suite runs where the reader ran `pip install -e '.[dev]'`: often a venv, whose
    packages a `--system-site-packages` venv would not see (that flag reaches the base
    interpreter, not this venv). So the new venv is isolated, and a `.pth` file in its
    site-packages lists this interpreter's site directories, after its own: the dev
    extra (the generated projects' dependencies) imports there, and pip counts it as
    installed. Plain directory lines: the `.pth` files of those directories (editable
    installs, scaffold's own among them) are not read, so an installed wheel of scaffold
    is the only scaffold the venv has.
    """
    subprocess.run([sys.executable, "-m", "venv", str(path)], check=True)
    python = path / "bin" / "python"
    own = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
        capture_output=True,
        text=True,
        check=True,
    )
    listing = "".join(f"{directory}\n" for directory in site_directories())
    (Path(own.stdout.strip()) / "_scaffold_suite_outer.pth").write_text(listing)
    return path


# --- generated projects -------------------------------------------------------------


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
        env["PATH"] = os.pathsep.join([str(self.venv / "bin"), *suite_path(env)])
        env["VIRTUAL_ENV"] = str(self.venv)
        return {**env, **(extra or {})}

    @contextmanager
    def serve(self, env: dict[str, str], log: Path) -> Iterator[str]:
        """`python -m PKG serve` on 127.0.0.1 and a free port; yields its base URL.

        The server's output goes to `log`; a server that does not answer /health
        within 30 seconds fails the test with that output.
        """
        port = free_port()
        command = [str(self.python), "-m", self.package, "serve"]
        base_url = f"http://127.0.0.1:{port}"
        try:
            with background_server(
                [*command, "--host", "127.0.0.1", "--port", str(port)],
                cwd=self.root,
                env=self.environment(env),
                log=log,
                ready_url=f"{base_url}/health",
            ):
                yield base_url
        except ServerDidNotStartError as error:
            pytest.fail(f"the server did not answer /health:\n{error}")


class ServerDidNotStartError(Exception):
    """A server exited, or did not answer in time; the message is its output."""


@contextmanager
def background_server(
    command: Sequence[str],
    *,
    cwd: Path,
    env: dict[str, str],
    log: Path,
    ready_url: str,
    timeout: float = 30,
) -> Iterator[None]:
    """Run a server (its output going to `log`) for the duration of the block.

    The block starts once `ready_url` answers 200; ServerDidNotStartError if the server
    exits first or `timeout` seconds pass. The server is terminated afterwards.
    """
    with log.open("wb") as output:
        server = subprocess.Popen(
            command, cwd=cwd, env=env, stdout=output, stderr=subprocess.STDOUT
        )
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                with urllib.request.urlopen(ready_url, timeout=2) as response:
                    assert response.status == 200
                    break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    server.kill()
                    server.wait(timeout=10)
                    raise ServerDidNotStartError(log.read_text(errors="replace")) from None
                time.sleep(0.2)
        yield
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=10)


def create_project(parent: Path, name: str, *options: str) -> Project:
    """`scaffold new parent/name --defaults [options]`, installed editable into parent/venv."""
    result = CliRunner().invoke(app, ["new", str(parent / name), "--defaults", *options])
    assert result.exit_code == 0, result.output
    venv = make_venv(parent / "venv")
    project = Project(root=parent / name, venv=venv, package=name)
    project.run(
        "pip", "install", "--quiet", "--no-deps", "--no-build-isolation", "-e", str(project.root)
    )
    return project
