"""A reader's shell session, for running the command files of the documentation.

Each command file runs with bash (`-e -u -o pipefail`) in the directory the previous
one ended in (so `cd blog` carries over). `scaffold` is this checkout run by this
interpreter; `python`, `pip` and the project's tools are those of a venv that sees this
interpreter's packages (`e2e.support.make_venv`), where the tool's dev extra has
installed everything a generated project needs: pip is told to download nothing and to
build without an isolated build environment, and the tools pip would have put in the
venv's `bin` run there as `python -m TOOL`.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from e2e.support import make_venv, suite_path

ROOT = Path(__file__).resolve().parents[2]
#: Console scripts of the project's dependencies that its documentation runs.
TOOLS = ("alembic", "pytest", "uvicorn", "mypy", "pyright")


@dataclass
class Session:
    """Where the reader is, and the environment their commands see."""

    cwd: Path
    env: dict[str, str]

    def run(self, step: Path, status: int = 0) -> str:
        """Run a command file, which must exit with `status`; return what it printed. The
        session ends where the file ended."""
        marker = Path(self.env["SCAFFOLD_DOCS_STATE"]) / "cwd"
        marker.unlink(missing_ok=True)
        result = subprocess.run(
            [
                "bash",
                "-uo",
                "pipefail",
                "-c",
                'set -e; source "$0"; pwd >"$1"',
                str(step),
                str(marker),
            ],
            cwd=self.cwd,
            env=self.env,
            capture_output=True,
            text=True,
            check=False,
            timeout=900,
        )
        output = result.stdout + result.stderr
        assert result.returncode == status, f"{step.name} exited {result.returncode}:\n{output}"
        if marker.exists():
            self.cwd = Path(marker.read_text().strip())
        return output

    def command(self, *args: str) -> subprocess.CompletedProcess[str]:
        """Run one command the way the reader's shell would, without failing on its status."""
        return subprocess.run(
            args, cwd=self.cwd, env=self.env, capture_output=True, text=True, check=False
        )


def new_venv(root: Path) -> Path:
    """A venv in `root/venv` that sees this interpreter's packages."""
    return make_venv(root / "venv")


def make_session(
    root: Path, venv: Path | None = None, extra: dict[str, str] | None = None
) -> Session:
    """A session in `root`: `scaffold` on PATH, and `venv`'s tools first when given."""
    bin_dir = venv / "bin" if venv is not None else root / "bin"
    bin_dir.mkdir(parents=True, exist_ok=True)
    _script(bin_dir / "scaffold", f'PYTHONPATH="{ROOT}" exec "{sys.executable}" -m scaffolder')
    for tool in TOOLS if venv is not None else ():
        if not (bin_dir / tool).exists():
            _script(bin_dir / tool, f'exec "{bin_dir / "python"}" -m {tool}')
    if venv is not None:
        # `python -m ruff` runs the ruff binary it finds in the venv's bin: the real one
        from ruff.__main__ import find_ruff_bin

        _script(bin_dir / "ruff", f'exec "{find_ruff_bin()}"')
    state = root / ".session"
    state.mkdir(exist_ok=True)
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DATABASE_URL", "PYTHONPATH", "VIRTUAL_ENV")
        and not key.startswith("PYTEST_")
    }
    env.update(
        PATH=os.pathsep.join([str(bin_dir), *suite_path(env)]),
        PIP_NO_INDEX="1",
        PIP_NO_BUILD_ISOLATION="0",  # pip's spelling of "build without isolation"
        PIP_DISABLE_PIP_VERSION_CHECK="1",
        NO_COLOR="1",
        COLUMNS="88",
        SCAFFOLD_DOCS_STATE=str(state),
        **(extra or {}),
    )
    if venv is not None:
        env["VIRTUAL_ENV"] = str(venv)
    return Session(root, env)


def _script(path: Path, line: str) -> None:
    path.write_text(f'#!/bin/sh\n{line} "$@"\n')
    path.chmod(0o755)


@contextmanager
def serving(
    session: Session, step: Path, log: Path, port: int = 8000, host: str | None = None
) -> Iterator[str]:
    """A command file that starts a server, in the background until /health answers on
    127.0.0.1:`port` (asked for as `host` when given); yields the base URL, then stops
    the server and its workers."""
    wait_for_free_port(port)
    with log.open("wb") as output:
        server = subprocess.Popen(
            ["bash", "-euo", "pipefail", str(step)],
            cwd=session.cwd,
            env=session.env,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: the server goes with bash
        )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while not _healthy(base, host):
            if time.monotonic() > deadline or server.poll() is not None:
                pytest.fail(f"{step.name}: the server did not answer /health:\n{log.read_text()}")
            time.sleep(0.3)
        yield base
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait(timeout=20)


def _healthy(base: str, host: str | None) -> bool:
    headers = {"Host": host} if host else {}
    request = urllib.request.Request(f"{base}/health", headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=2) as response:
            return bool(response.status == 200)
    except OSError:
        return False


def wait_for_free_port(port: int) -> None:
    """The documented commands serve on a fixed port: wait a little if something holds it."""
    deadline = time.monotonic() + 60
    while True:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) != 0:
                return
        if time.monotonic() > deadline:
            pytest.fail(f"port {port} stays busy, and the documented command needs it")
        time.sleep(1)
