"""The generated app's `GET /api/posts?page_size=20` against a Django + DRF peer, side by side.

    python bench/app/compare.py                      # 200 posts, SQLite and PostgreSQL
    python bench/app/compare.py --duration 2 --rounds 1 --posts 20 --databases sqlite

Method (docs/performance.md, "The generated app"):

1. `scaffold new blog --spec blog.yaml` (this checkout's scaffold and blueprints), then
   per database: `alembic upgrade head` and `load_data.py` (the generated models insert
   POSTS posts, each with an author, a reviewer two times in three, and three tags).
2. The Django peer (`django_peer/`, copied beside the project) maps the same tables
   (`managed = False`), so both apps read the very same rows: a DRF ModelViewSet, a
   ModelSerializer with the same fields (`author_id`, `reviewer_id`, `tag_ids`…),
   `select_related("author", "reviewer").prefetch_related("tags")`, DEBUG off,
   persistent connections, Django's default middleware.
3. One worker each on 127.0.0.1: uvicorn for ours (production settings, no access log),
   gunicorn with one sync worker for the peer (no access log either, its default).
4. Both answers must be the same page of the same rows with the same fields (datetimes
   compared as instants, id lists as sets) before anything is measured.
5. Per database: each server is warmed up, then ROUNDS times peer-then-ours, `wrk -t1
   -cCONNECTIONS -dDURATION`; the figure is each side's median requests/s, the ratio
   ours / peer. Any non-2xx answer or socket error fails the run.

PostgreSQL is a throwaway cluster (initdb into a temp dir, 127.0.0.1, a free port) made
like the end-to-end tests make theirs. Progress goes to stderr, the figures to stdout.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import urllib.request
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, ExitStack, contextmanager
from dataclasses import dataclass
from datetime import datetime
from importlib import metadata
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
sys.path.insert(0, str(REPO / "tests"))

from e2e.support import (  # noqa: E402
    ServerDidNotStartError,
    background_server,
    create_database,
    find_bindir,
    free_port,
    running_server,
)

PATH = "/api/posts?page_size=20"
PACKAGE = "blog"


@dataclass(frozen=True)
class Database:
    """One database both apps read: its name, our URL and the peer's settings."""

    name: str
    url: str  # SQLAlchemy async URL, for the generated app
    peer: dict[str, str]  # PEER_DB_* variables, for Django


@dataclass(frozen=True)
class Figure:
    database: str
    ours: float  # median requests/s
    peer: float

    @property
    def ratio(self) -> float:
        return self.ours / self.peer


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def run(command: Sequence[str], *, cwd: Path, env: dict[str, str] | None = None) -> str:
    """Run a command to completion; its output, or SystemExit with that output."""
    result = subprocess.run(
        command, cwd=cwd, env=env, capture_output=True, text=True, check=False, timeout=600
    )
    if result.returncode != 0:
        raise SystemExit(f"`{' '.join(command)}` failed:\n{result.stdout}{result.stderr}")
    return result.stdout


def environment(**extra: str) -> dict[str, str]:
    """This process's environment without database or pytest settings, plus `extra`."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DATABASE_URL", "PYTHONPATH") and not key.startswith("PYTEST_")
    }
    return {**env, **extra}


# --- the two apps -------------------------------------------------------------------


def generate_project(workdir: Path) -> Path:
    """`scaffold new blog --spec blog.yaml --defaults`, with this checkout's scaffold."""
    root = workdir / PACKAGE
    spec = REPO / "scaffolder" / "examples" / "blog.yaml"
    command = [sys.executable, "-m", "scaffolder", "new", str(root), "--spec", str(spec)]
    run([*command, "--defaults"], cwd=workdir, env=environment(PYTHONPATH=str(REPO)))
    return root


def copy_peer(workdir: Path) -> Path:
    """The Django project, from the template beside this script."""
    root = workdir / "django_peer"
    shutil.copytree(HERE / "django_peer", root)
    return root


def fill(project: Path, database: Database, posts: int) -> None:
    """Create the tables with the project's migrations, then load the rows."""
    env = environment(PYTHONPATH=str(project), DATABASE_URL=database.url)
    run([sys.executable, "-m", "alembic", "upgrade", "head"], cwd=project, env=env)
    run(
        [sys.executable, str(HERE / "load_data.py"), database.url, str(posts)], cwd=project, env=env
    )


def our_server(port: int) -> list[str]:
    return [
        sys.executable,
        "-m",
        "uvicorn",
        f"{PACKAGE}.main:app",
        "--host=127.0.0.1",
        f"--port={port}",
        "--workers=1",
        "--no-access-log",
        "--log-level=warning",
    ]


def our_environment(project: Path, database: Database) -> dict[str, str]:
    return environment(
        PYTHONPATH=str(project),
        DATABASE_URL=database.url,
        ENVIRONMENT="production",
        SECRET_KEY="benchmark-only-secret-key-not-for-production",
        ALLOWED_HOSTS='["127.0.0.1"]',
    )


def peer_server(port: int) -> list[str]:
    return [
        sys.executable,
        "-m",
        "gunicorn",
        "peer.wsgi:application",
        f"--bind=127.0.0.1:{port}",
        "--workers=1",
        "--worker-class=sync",
        "--log-level=warning",
    ]


@contextmanager
def serving(
    command: list[str], *, port: int, cwd: Path, env: dict[str, str], log_file: Path
) -> Iterator[str]:
    """Start a server listening on `port`; yield its base URL once it answers PATH; stop it."""
    url = f"http://127.0.0.1:{port}"
    try:
        with background_server(
            command, cwd=cwd, env=env, log=log_file, ready_url=url + PATH, timeout=60
        ):
            yield url
    except ServerDidNotStartError as error:
        raise SystemExit(f"`{' '.join(command)}` did not answer {PATH}:\n{error}") from None


def get_json(url: str) -> Any:
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.loads(response.read())


# --- the same answer ------------------------------------------------------------------


def normalised(value: Any, key: str = "") -> Any:
    """A JSON value compared by meaning: datetimes as instants, id lists as sets."""
    if isinstance(value, dict):
        return {name: normalised(item, name) for name, item in value.items()}
    if isinstance(value, list):
        items = [normalised(item) for item in value]
        return sorted(items) if key.endswith("_ids") else items
    if isinstance(value, str) and key.endswith("_at"):
        return datetime.fromisoformat(value)
    return value


def check_same_answer(ours_url: str, peer_url: str, posts: int) -> None:
    """Both apps return the same page of the same rows, field for field; else SystemExit."""
    ours, peer = get_json(ours_url + PATH), get_json(peer_url + PATH)
    if normalised(ours) != normalised(peer):
        raise SystemExit(
            f"the two apps disagree on {PATH}:\n"
            f"ours: {json.dumps(ours)[:2000]}\npeer: {json.dumps(peer)[:2000]}"
        )
    if ours["total"] != posts or len(ours["items"]) != min(20, posts):
        raise SystemExit(f"expected {posts} posts, 20 a page; got {json.dumps(ours)[:500]}")
    expected = {"id", "title", "slug", "body", "status", "published_at", "views"}
    expected |= {"author_id", "reviewer_id", "tag_ids", "created_at", "updated_at"}
    if set(ours["items"][0]) != expected:
        raise SystemExit(f"unexpected fields: {sorted(ours['items'][0])}")


# --- the load -----------------------------------------------------------------------


def wrk(url: str, *, seconds: int, connections: int) -> float:
    """Requests/s of `wrk` on url + PATH; SystemExit on any error or non-2xx answer."""
    command = ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", url + PATH]
    output = run(command, cwd=HERE)
    failures = re.search(r"Non-2xx or 3xx responses: (\d+)|Socket errors: .*", output)
    if failures:
        raise SystemExit(f"`{' '.join(command)}` saw failures:\n{output}")
    match = re.search(r"Requests/sec:\s+([\d.]+)", output)
    if match is None:
        raise SystemExit(f"no Requests/sec in the output of wrk:\n{output}")
    return float(match.group(1))


def measure(
    database: Database, ours_url: str, peer_url: str, options: argparse.Namespace
) -> Figure:
    """Warm both up, then ROUNDS times peer-then-ours; the medians."""
    for url in (peer_url, ours_url):
        wrk(url, seconds=options.warmup, connections=options.connections)
    ours: list[float] = []
    peer: list[float] = []
    for number in range(1, options.rounds + 1):
        peer.append(wrk(peer_url, seconds=options.duration, connections=options.connections))
        ours.append(wrk(ours_url, seconds=options.duration, connections=options.connections))
        log(f"  round {number}: ours {ours[-1]:.0f} req/s, peer {peer[-1]:.0f} req/s")
    return Figure(database.name, statistics.median(ours), statistics.median(peer))


# --- databases ------------------------------------------------------------------------


@contextmanager
def sqlite(workdir: Path) -> Iterator[Database]:
    """A database file in the work directory."""
    path = workdir / "bench.db"
    yield Database(
        "sqlite",
        f"sqlite+aiosqlite:///{path}",
        {"PEER_DB_ENGINE": "sqlite3", "PEER_DB_NAME": str(path)},
    )


@contextmanager
def postgresql(_workdir: Path) -> Iterator[Database]:
    """Database `bench` on a throwaway PostgreSQL cluster, stopped and deleted afterwards."""
    bindir = find_bindir()
    if bindir is None:
        raise SystemExit(
            "PostgreSQL server binaries (initdb, pg_ctl) not found: apt-get install postgresql"
        )
    with running_server(bindir) as server_url:
        url = create_database(bindir, server_url, "bench")
        port = url.rsplit(":", 1)[1].split("/")[0]
        peer = {
            "PEER_DB_ENGINE": "postgresql",
            "PEER_DB_NAME": "bench",
            "PEER_DB_HOST": "127.0.0.1",
            "PEER_DB_PORT": port,
            "PEER_DB_USER": "postgres",
        }
        yield Database("postgresql", url, peer)


#: How to get each kind of database the benchmark can run on.
DATABASE_KINDS: dict[str, Callable[[Path], AbstractContextManager[Database]]] = {
    "sqlite": sqlite,
    "postgresql": postgresql,
}


def compare(
    database: Database, project: Path, peer_dir: Path, options: argparse.Namespace
) -> Figure:
    workdir = project.parent
    log(f"{database.name}: migrating and loading {options.posts} posts")
    fill(project, database, options.posts)
    with ExitStack() as stack:
        ours_port, peer_port = free_port(), free_port()
        ours_url = stack.enter_context(
            serving(
                our_server(ours_port),
                port=ours_port,
                cwd=project,
                env=our_environment(project, database),
                log_file=workdir / f"ours-{database.name}.log",
            )
        )
        peer_url = stack.enter_context(
            serving(
                peer_server(peer_port),
                port=peer_port,
                cwd=peer_dir,
                env=environment(**database.peer),
                log_file=workdir / f"peer-{database.name}.log",
            )
        )
        check_same_answer(ours_url, peer_url, options.posts)
        log(f"{database.name}: same answer from both; measuring")
        return measure(database, ours_url, peer_url, options)


def versions() -> str:
    """The software measured: both stacks' main packages, and uvicorn's loop and parser."""
    names = ["fastapi", "sqlalchemy", "pydantic", "uvicorn", "django", "djangorestframework"]
    shown = [f"{name} {metadata.version(name)}" for name in [*names, "gunicorn"]]
    loop = "uvloop" if importlib.util.find_spec("uvloop") else "asyncio"
    http = "httptools" if importlib.util.find_spec("httptools") else "h11"
    return f"{', '.join(shown)}; uvicorn runs {loop} + {http}"


def report(figures: list[Figure], options: argparse.Namespace, load: tuple[float, float]) -> None:
    print(
        f"GET {PATH}, {options.posts} posts; one worker each; wrk -t1 -c{options.connections}, "
        f"{options.rounds} x {options.duration} s after a {options.warmup} s warm-up, medians"
    )
    print(versions())
    print(
        f"load average (1 min) before/after: {load[0]:.2f} / {load[1]:.2f}, {os.cpu_count()} cores"
    )
    print(f"{'database':<12}{'scaffold req/s':>16}{'Django+DRF req/s':>18}{'ratio':>8}")
    for figure in figures:
        print(f"{figure.database:<12}{figure.ours:>16.0f}{figure.peer:>18.0f}{figure.ratio:>7.2f}x")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--posts", type=int, default=200, help="rows loaded (default 200)")
    parser.add_argument("--duration", type=int, default=10, help="seconds per run (10)")
    parser.add_argument("--warmup", type=int, default=3, help="warm-up seconds (3)")
    parser.add_argument("--rounds", type=int, default=3, help="runs per app and database (3)")
    parser.add_argument("--connections", type=int, default=10, help="wrk connections (10)")
    parser.add_argument(
        "--databases", nargs="+", choices=DATABASE_KINDS, default=list(DATABASE_KINDS), metavar="DB"
    )
    parser.add_argument("--workdir", type=Path, help="keep the apps here (default: a temp dir)")
    options = parser.parse_args(argv)
    if shutil.which("wrk") is None:
        raise SystemExit("wrk not found: apt-get install wrk")
    with ExitStack() as stack:
        workdir = options.workdir or Path(stack.enter_context(tempfile.TemporaryDirectory()))
        workdir.mkdir(parents=True, exist_ok=True)
        log(f"generating the blog in {workdir}")
        project, peer_dir = generate_project(workdir), copy_peer(workdir)
        before = os.getloadavg()[0]
        figures = []
        for name in options.databases:
            with DATABASE_KINDS[name](workdir) as database:
                figures.append(compare(database, project, peer_dir, options))
        report(figures, options, (before, os.getloadavg()[0]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
