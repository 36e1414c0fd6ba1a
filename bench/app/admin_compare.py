"""The generated admin's Post change list against Django's admin change list, side by side.

    python bench/app/admin_compare.py               # 2,000 posts, SQLite and PostgreSQL
    python bench/app/admin_compare.py --posts 20 --duration 1 --rounds 1 --databases sqlite

Method (docs/performance.md, "The admin change list"); the apps, data and load are those
of compare.py, whose helpers this script uses:

1. `scaffold new blog --spec blog.yaml`, then per database `alembic upgrade head` and
   POSTS posts from `load_data.py`. The Django peer (`django_peer/`) runs with
   `peer.admin_settings`: Django's admin added as `startproject` adds it, `migrate` for
   its own tables (users, sessions…) in the same database, and a `PostAdmin` declaring
   what the spec's `admin:` declares: columns title, status, author, published_at;
   search in title and body; filters status and author; 50 rows a page.
2. A staff user on each side (`python -m blog createsuperuser`; Django's
   `createsuperuser`), logged in through each app's own login form; the session cookie
   goes with every request of the run, as a browser's would.
3. Two pages: the change list as it opens, and the same list searched and filtered
   (`q=1`, status published: a search term and a filter both apps apply alike). Before
   measuring, both apps must show the same posts in the same order on each page.
4. One worker each (uvicorn, production settings, no access log; gunicorn with one sync
   worker); per database and page, a warm-up of each, then ROUNDS times peer-then-ours,
   `wrk -t1 -cCONNECTIONS -dDURATION --timeout 30s`; each side's median requests/s and
   the ratio. Any non-2xx answer or socket error (a timeout included) fails the run.
"""

from __future__ import annotations

import argparse
import http.client
import os
import re
import shutil
import statistics
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from compare import (
    DATABASE_KINDS,
    PACKAGE,
    Database,
    copy_peer,
    environment,
    fill,
    generate_project,
    log,
    our_environment,
    our_server,
    peer_server,
    run,
    versions,
)
from e2e.support import ServerDidNotStartError, background_server, free_port

EMAIL, USERNAME, PASSWORD = "admin@example.com", "admin", "benchmark-only-password"


@dataclass(frozen=True)
class Page:
    """One change-list page, as each app spells its URL."""

    name: str
    ours: str
    peer: str


PAGES = (
    Page("change list", "/admin/posts/", "/admin/peer/post/"),
    Page(
        "searched and filtered",
        "/admin/posts/?q=1&status=published",
        "/admin/peer/post/?q=1&status__exact=published",
    ),
)


@dataclass(frozen=True)
class Figure:
    database: str
    page: str
    ours: float  # median requests/s
    peer: float

    @property
    def ratio(self) -> float:
        return self.ours / self.peer


# --- staff users and their sessions ---------------------------------------------------


def peer_environment(database: Database, peer_dir: Path) -> dict[str, str]:
    return environment(
        **database.peer, DJANGO_SETTINGS_MODULE="peer.admin_settings", PYTHONPATH=str(peer_dir)
    )


def make_staff(project: Path, peer_dir: Path, database: Database) -> None:
    """A superuser in each app; Django's own tables first (`migrate`)."""
    ours = environment(PYTHONPATH=str(project), DATABASE_URL=database.url)
    command = ["createsuperuser", "--email", EMAIL, "--password", PASSWORD]
    run([sys.executable, "-m", PACKAGE, *command], cwd=project, env=ours)
    peer = peer_environment(database, peer_dir)
    run([sys.executable, "-m", "django", "migrate", "--noinput"], cwd=peer_dir, env=peer)
    peer["DJANGO_SUPERUSER_PASSWORD"] = PASSWORD
    command = ["createsuperuser", "--noinput", "--username", USERNAME, "--email", EMAIL]
    run([sys.executable, "-m", "django", *command], cwd=peer_dir, env=peer)


class Browser:
    """Just enough of a browser to log in: a cookie jar, GET and a form POST."""

    def __init__(self, base_url: str) -> None:
        parts = urlsplit(base_url)
        self.host, self.port = parts.hostname or "127.0.0.1", parts.port or 80
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, form: dict[str, str] | None = None) -> str:
        connection = http.client.HTTPConnection(self.host, self.port, timeout=30)
        headers = {"Cookie": self.cookie_header()}
        body = None
        if form is not None:
            body = urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            text = response.read().decode()
            for header in response.headers.get_all("Set-Cookie") or []:
                name, _, value = header.split(";", 1)[0].partition("=")
                self.cookies[name.strip()] = value.strip()
            if response.status >= 400:
                raise SystemExit(f"{method} {path}: {response.status}\n{text[:2000]}")
            return text
        finally:
            connection.close()

    def cookie_header(self) -> str:
        return "; ".join(f"{name}={value}" for name, value in self.cookies.items())


def hidden(page: str, name: str) -> str:
    match = re.search(rf'name="{name}" value="([^"]+)"', page)
    if match is None:
        raise SystemExit(f"no {name} in the login page:\n{page[:2000]}")
    return match.group(1)


def log_in_ours(base_url: str) -> Browser:
    browser = Browser(base_url)
    token = hidden(browser.request("GET", "/login?next=/admin/"), "csrf_token")
    form = {"csrf_token": token, "next": "/admin/", "email": EMAIL, "password": PASSWORD}
    browser.request("POST", "/login", form)
    return browser


def log_in_peer(base_url: str) -> Browser:
    """Django's admin login form."""
    browser = Browser(base_url)
    page = browser.request("GET", "/admin/login/?next=/admin/")
    form = {
        "csrfmiddlewaretoken": hidden(page, "csrfmiddlewaretoken"),
        "next": "/admin/",
        "username": USERNAME,
        "password": PASSWORD,
    }
    browser.request("POST", "/admin/login/?next=/admin/", form)
    if "sessionid" not in browser.cookies:
        raise SystemExit("Django's admin login did not set a session")
    return browser


# --- the same page --------------------------------------------------------------------


def titles(html: str) -> list[str]:
    """The posts a change list shows, in order (each title once, wherever it repeats)."""
    return list(dict.fromkeys(re.findall(r"Post number \d+", html)))


def check_same_pages(ours: Browser, peer: Browser, posts: int) -> None:
    """Both change lists show the same posts in the same order; else SystemExit."""
    for page in PAGES:
        mine, theirs = (
            titles(ours.request("GET", page.ours)),
            titles(peer.request("GET", page.peer)),
        )
        if not mine or mine != theirs:
            raise SystemExit(f"{page.name}: the two admins disagree:\nours: {mine}\npeer: {theirs}")
    first = titles(ours.request("GET", PAGES[0].ours))
    if len(first) != min(50, posts):
        raise SystemExit(f"expected {min(50, posts)} posts on the first page, got {len(first)}")


# --- the load -------------------------------------------------------------------------


def wrk(url: str, cookie: str, *, seconds: int, connections: int) -> float:
    """Requests/s of `wrk` on url with the session cookie; SystemExit on any failure."""
    command = ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--timeout", "30s"]
    command += ["-H", f"Cookie: {cookie}", url]  # a page may take seconds on a loaded machine
    output = run(command, cwd=Path.cwd())
    if re.search(r"Non-2xx or 3xx responses: (\d+)|Socket errors: .*", output):
        raise SystemExit(f"`wrk … {url}` saw failures:\n{output}")
    match = re.search(r"Requests/sec:\s+([\d.]+)", output)
    if match is None:
        raise SystemExit(f"no Requests/sec in the output of wrk:\n{output}")
    if float(match.group(1)) == 0:
        raise SystemExit(f"no request to {url} finished in {seconds} s: try a longer --duration")
    return float(match.group(1))


def measure(
    database: Database,
    servers: tuple[str, str],
    sessions: tuple[Browser, Browser],
    options: argparse.Namespace,
) -> list[Figure]:
    """Per page: warm both up, then ROUNDS times peer-then-ours; the medians."""
    (ours_url, peer_url), (ours, peer) = servers, sessions
    load = {"seconds": options.duration, "connections": options.connections}
    figures = []
    for page in PAGES:
        ours_at, peer_at = ours_url + page.ours, peer_url + page.peer
        wrk(peer_at, peer.cookie_header(), seconds=options.warmup, connections=10)
        wrk(ours_at, ours.cookie_header(), seconds=options.warmup, connections=10)
        mine: list[float] = []
        theirs: list[float] = []
        for number in range(1, options.rounds + 1):
            theirs.append(wrk(peer_at, peer.cookie_header(), **load))
            mine.append(wrk(ours_at, ours.cookie_header(), **load))
            log(f"  {page.name}, round {number}: ours {mine[-1]:.0f}, peer {theirs[-1]:.0f} req/s")
        figures.append(
            Figure(database.name, page.name, statistics.median(mine), statistics.median(theirs))
        )
    return figures


@contextmanager
def serving(
    server: Callable[[int], list[str]],
    *,
    cwd: Path,
    env: dict[str, str],
    log_file: Path,
    ready: str,
) -> Iterator[str]:
    """Start a server on a free port; yield its base URL once `ready` answers; stop it."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    command = server(port)
    try:
        with background_server(
            command, cwd=cwd, env=env, log=log_file, ready_url=url + ready, timeout=60
        ):
            yield url
    except ServerDidNotStartError as error:
        raise SystemExit(f"`{' '.join(command)}` did not answer {ready}:\n{error}") from None


def compare(
    database: Database, project: Path, peer_dir: Path, options: argparse.Namespace
) -> list[Figure]:
    workdir = project.parent
    log(f"{database.name}: migrating and loading {options.posts} posts, staff users")
    fill(project, database, options.posts)
    make_staff(project, peer_dir, database)
    with ExitStack() as stack:
        ours_url = stack.enter_context(
            serving(
                our_server,
                cwd=project,
                env=our_environment(project, database),
                log_file=workdir / f"admin-ours-{database.name}.log",
                ready="/login",
            )
        )
        peer_url = stack.enter_context(
            serving(
                peer_server,
                cwd=peer_dir,
                env=peer_environment(database, peer_dir),
                log_file=workdir / f"admin-peer-{database.name}.log",
                ready="/admin/login/",
            )
        )
        sessions = log_in_ours(ours_url), log_in_peer(peer_url)
        check_same_pages(*sessions, options.posts)
        log(f"{database.name}: the same posts on both admins' pages; measuring")
        return measure(database, (ours_url, peer_url), sessions, options)


def report(figures: list[Figure], options: argparse.Namespace, load: tuple[float, float]) -> None:
    print(
        f"admin change list of {options.posts} posts, 50 a page, logged-in staff; one worker "
        f"each; wrk -t1 -c{options.connections}, {options.rounds} x {options.duration} s "
        f"after a {options.warmup} s warm-up, medians"
    )
    print(versions())
    print(
        f"load average (1 min) before/after: {load[0]:.2f} / {load[1]:.2f}, {os.cpu_count()} cores"
    )
    print(
        f"{'database':<12}{'page':<24}{'scaffold req/s':>16}{'Django admin req/s':>20}{'ratio':>8}"
    )
    for figure in figures:
        print(
            f"{figure.database:<12}{figure.page:<24}{figure.ours:>16.0f}{figure.peer:>20.0f}"
            f"{figure.ratio:>7.2f}x"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--posts", type=int, default=2000, help="rows loaded (default 2000)")
    parser.add_argument("--duration", type=int, default=10, help="seconds per run (10)")
    parser.add_argument("--warmup", type=int, default=3, help="warm-up seconds (3)")
    parser.add_argument("--rounds", type=int, default=3, help="runs per app, page, database (3)")
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
                figures += compare(database, project, peer_dir, options)
        report(figures, options, (before, os.getloadavg()[0]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
