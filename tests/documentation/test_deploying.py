"""The deploying page: its commands run against PostgreSQL with several workers, and the
Dockerfile and compose file it shows are the ones `scaffold new` writes.

The walk: the bundled blog example is generated and installed; `01-secret.sh` makes a
key, which goes into the page's `.env` in place of its placeholder; the release step
migrates a throwaway PostgreSQL database (its URL given in the environment, which
wins over `.env`); the web step serves with four uvicorn workers, and the test checks
what the page promises of production mode over HTTP.
"""

from __future__ import annotations

import json
import re
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable
from pathlib import Path

import pytest

from documentation.console import scaffold
from documentation.golden import check_files
from documentation.pages import EXAMPLES, GENERATED
from documentation.shell import make_session, serving

STEPS = EXAMPLES / "deploying"
HOST = "blog.example.com"  # the page's ALLOWED_HOSTS
PLACEHOLDER = "paste-the-output-of-the-command-above-here-not-this-placeholder"


def test_docker_files_shown_are_what_scaffold_new_writes(
    tmp_path: Path, update_golden: bool
) -> None:
    run = scaffold(tmp_path, "new", "blog", "--defaults")
    assert run.exit_code == 0, run.transcript
    files = {
        name: (tmp_path / "blog" / name).read_text() for name in ("Dockerfile", "compose.yaml")
    }
    check_files(GENERATED / "deploying", files, update_golden)


def test_production_env_names_real_settings() -> None:
    names = re.findall(r"^(\w+)=", (STEPS / "production.env").read_text(), re.MULTILINE)
    assert names == ["ENVIRONMENT", "DATABASE_URL", "SECRET_KEY", "ALLOWED_HOSTS"]


def request(
    base: str,
    path: str,
    *,
    host: str = HOST,
    data: bytes | None = None,
    headers: dict[str, str] | None = None,
) -> tuple[int, dict[str, str], str]:
    """(status, headers, body) of one request to 127.0.0.1 asking for `host`."""
    message = urllib.request.Request(
        f"{base}{path}", data=data, headers={"Host": host, **(headers or {})}
    )
    try:
        with urllib.request.urlopen(message, timeout=10) as response:
            return response.status, _lower(response.headers.items()), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, _lower(error.headers.items()), error.read().decode()


def _lower(headers: Iterable[tuple[str, str]]) -> dict[str, str]:
    return {name.lower(): value for name, value in headers}


@pytest.mark.e2e
@pytest.mark.slow
def test_the_deploying_page_works_as_written(tmp_path: Path) -> None:
    from e2e.support import create_project, throwaway_postgres

    from scaffolder.examples import example_path

    blog = create_project(tmp_path, "blog", "--spec", str(example_path("blog")))
    with throwaway_postgres() as server:
        database = server.database("blog_production")
        session = make_session(tmp_path, blog.venv, {"DATABASE_URL": database})
        session.cwd = blog.root

        secret = session.run(STEPS / "01-secret.sh").strip()
        assert len(secret) >= 60
        env_file = (STEPS / "production.env").read_text()
        assert PLACEHOLDER in env_file
        (blog.root / ".env").write_text(env_file.replace(PLACEHOLDER, secret))

        output = session.run(STEPS / "02-release.sh")
        assert "Running upgrade" in output
        superuser = session.command(
            "python",
            "-m",
            "blog",
            "createsuperuser",
            "--email",
            "ops@example.com",
            "--password",
            "a production password",
        )
        assert superuser.returncode == 0, superuser.stderr

        web_log = tmp_path / "web.log"
        with serving(session, STEPS / "03-web.sh", web_log, host=HOST) as base:
            check_production(base)
            # the first worker answers before the others have started on a busy machine
            deadline = time.monotonic() + 60
            while web_log.read_text().count("Started server process") < 4:
                assert time.monotonic() < deadline, web_log.read_text()
                time.sleep(0.5)
        assert web_log.read_text().count("Started server process") == 4, web_log.read_text()


def check_production(base: str) -> None:
    status, _, _ = request(base, "/health", host="evil.example.net")
    assert status == 400, "a Host outside ALLOWED_HOSTS is refused"
    status, headers, _ = request(base, "/login")
    assert status == 200
    assert "secure" in headers["set-cookie"].lower()
    assert "max-age" in headers["strict-transport-security"].lower()
    status, _, body = request(base, "/docs")
    assert status == 200, "the API docs are on unless API_DOCS=false"
    assert "/static/swagger-ui/swagger-ui-bundle.js" in body, "Swagger UI from the app, no CDN"

    form = urllib.parse.urlencode(
        {"username": "ops@example.com", "password": "a production password"}
    )
    status, _, body = request(base, "/api/auth/token", data=form.encode())
    assert status == 200, body
    token = json.loads(body)["access_token"]
    # any worker accepts a token another one signed: they share SECRET_KEY and the database
    for _ in range(24):
        status, _, body = request(
            base, "/api/auth/me", headers={"Authorization": f"Bearer {token}"}
        )
        assert status == 200, body
