"""Every example spec yields a project whose toolchain passes, on SQLite and PostgreSQL.

For `blog.yaml` and `shop.yaml` (bundled with scaffold) and `specs/variety.yaml`:
`scaffold new P --spec S --defaults`, then inside P: `ruff check`, `ruff format
--check`, `mypy .` (strict), `pyright` (strict), `alembic upgrade head` + `alembic
check` and the project's own `pytest`, on SQLite and on a throwaway PostgreSQL
server (a fresh database per run).

Then Schemathesis, fed the running app's OpenAPI document and a bearer token of a
superuser made with `python -m PKG createsuperuser`, sends generated requests to
every operation: no answer may be a server error, and every answer (status code,
content type, headers, body) must be one the app's OpenAPI document declares. It runs
as a CLI against `python -m PKG serve` on 127.0.0.1 (the app as users run it: real
uvicorn, real database).

Each project is generated and installed once per session (`example_project`); the
tests here read it and write only databases and temporary files.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from pathlib import Path

import pytest

from e2e.support import STRICT_WARNINGS, PostgresServer, Project

pytestmark = pytest.mark.e2e

#: The bundled examples, tests/e2e/specs/variety.yaml (self and circular references,
#: several refs to one target, many to User, enum values like PG-13 and "on hold",
#: fields named like builtins, every type) and tests/e2e/specs/hostile_names.yaml
#: (resources and fields named like what the generated code uses: Page, Status, Auth,
#: Admin, News, `db`, `json`, `total`, `type`…; a 13-character package name) and
#: tests/e2e/specs/tracker.yaml, an issue tracker of 14 resources (labels many-to-many,
#: milestones, two self references, unique slugs, a table whose constraint names pass
#: PostgreSQL's 63 characters): about 1,000 generated tests per database, 3 minutes of
#: the suite on two cores (70 s of its pytest on SQLite, 92 s on PostgreSQL).
EXAMPLES = ["blog", "shop", "variety", "hostile_names", "tracker"]
#: What Schemathesis runs on: not hostile_names (19 resources), whose names the other
#: gates and `test_hostile_names_work` below cover, to keep CI's time in bounds.
API_EXAMPLES = ["blog", "shop", "variety"]

#: The superuser Schemathesis acts as.
EMAIL, PASSWORD = "admin@example.com", "schemathesis-pw-1"

#: Test cases per API operation and phase. Modest (about half a minute per run), yet
#: enough to have found a real server error (a category that is its own parent could
#: be neither changed nor deleted); the seed makes a failure reproducible.
MAX_EXAMPLES = 50
SEED = 1
#: No server error; every answer's status code, content type, headers and body are
#: the ones the OpenAPI document declares for it.
CHECKS = [
    "not_a_server_error",
    "status_code_conformance",
    "content_type_conformance",
    "response_headers_conformance",
    "response_schema_conformance",
]


@pytest.fixture(scope="module", params=EXAMPLES)
def project(request: pytest.FixtureRequest, example_project: Callable[[str], Project]) -> Project:
    name: str = request.param
    return example_project(name)


def database_url(kind: str, name: str, request: pytest.FixtureRequest, tmp: Path) -> str:
    """A fresh, empty database of `kind` ("sqlite" or "postgresql") called `name`."""
    if kind == "sqlite":
        return f"sqlite+aiosqlite:///{tmp / name}.db"
    postgres: PostgresServer = request.getfixturevalue("postgres")
    return postgres.database(name)


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


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
def test_migrations_and_tests_pass(
    project: Project, kind: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    url = database_url(kind, f"{project.package}_checks", request, tmp_path)
    env = {"DATABASE_URL": url}
    project.run("alembic", "upgrade", "head", env=env)
    project.run("alembic", "check", env=env)
    result = project.run(
        "pytest", "-q", "-p", "no:cacheprovider", *STRICT_WARNINGS, env=env, timeout=900
    )
    summary = result.stdout.strip().splitlines()[-1]
    passed = re.search(r"(\d+) passed", summary)
    assert passed is not None, result.stdout
    assert int(passed.group(1)) >= 100, summary  # the generated suite, not an empty one
    assert not re.search(r"failed|error", summary), summary


def bearer_token(base_url: str, email: str, password: str) -> str:
    form = urllib.parse.urlencode({"username": email, "password": password}).encode()
    with urllib.request.urlopen(f"{base_url}/api/auth/token", data=form, timeout=10) as answer:
        token: str = json.load(answer)["access_token"]
    with urllib.request.urlopen(
        urllib.request.Request(f"{base_url}/api/auth/me", headers=auth_header(token)), timeout=10
    ) as answer:
        assert json.load(answer)["email"] == email
    return token


def auth_header(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


@pytest.fixture(scope="module", params=API_EXAMPLES)
def api_project(
    request: pytest.FixtureRequest, example_project: Callable[[str], Project]
) -> Project:
    name: str = request.param
    return example_project(name)


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
def test_the_api_answers_as_its_openapi_schema_says(
    api_project: Project, kind: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    project = api_project
    url = database_url(kind, f"{project.package}_schemathesis", request, tmp_path)
    env = {"DATABASE_URL": url}
    project.run("alembic", "upgrade", "head", env=env)
    project.run(
        project.package, "createsuperuser", "--email", EMAIL, "--password", PASSWORD, env=env
    )
    log = tmp_path / "server.log"
    with project.serve(env, log) as base_url:
        token = bearer_token(base_url, EMAIL, PASSWORD)
        schemathesis = subprocess.run(
            [
                *(sys.executable, "-m", "schemathesis.cli", "run", f"{base_url}/openapi.json"),
                *("--header", f"Authorization: Bearer {token}"),
                # it revokes the token every other call uses (the project's tests cover it)
                *("--exclude-path", "/api/auth/logout"),
                *("--checks", ",".join(CHECKS)),
                *("--max-examples", str(MAX_EXAMPLES), "--seed", str(SEED)),
                *("--generation-database", "none", "--no-color"),
            ],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            check=False,
            timeout=900,
        )
    report = f"{schemathesis.stdout}{schemathesis.stderr}\n--- server log ---\n{log.read_text()}"
    assert schemathesis.returncode == 0, report
    # Not a hollow pass: the token was accepted (no write refused as anonymous) and
    # writes went through.
    answers = re.findall(r'"(POST|PATCH|DELETE) (/api/[^ ?]*)\S* HTTP/1.1" (\d+)', log.read_text())
    refused = [f"{method} {path}" for method, path, status in answers if status == "401"]
    assert [line for line in refused if line != "POST /api/auth/token"] == [], report
    assert {method for method, _, status in answers if status in {"200", "201", "204"}} == {
        "POST",
        "PATCH",
        "DELETE",
    }, report


def _call(
    base_url: str, method: str, path: str, token: str, body: object = None
) -> tuple[int, object]:
    """One API call: (status, decoded JSON body or None)."""
    data = json.dumps(body).encode() if body is not None else None
    headers = {**auth_header(token), "Content-Type": "application/json"}
    call = urllib.request.Request(f"{base_url}{path}", data, headers, method=method)
    try:
        with urllib.request.urlopen(call, timeout=10) as answer:
            text = answer.read()
            return answer.status, json.loads(text) if text else None
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


def _status_of_page(base_url: str, path: str) -> int:
    """The status of a GET, redirects not followed (`/admin/` sends anonymous users away)."""
    try:
        with urllib.request.build_opener(_NoRedirect).open(f"{base_url}{path}", timeout=10) as r:
            return int(r.status)
    except urllib.error.HTTPError as error:
        return error.code


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
def test_hostile_names_work(
    example_project: Callable[[str], Project],
    kind: str,
    request: pytest.FixtureRequest,
    tmp_path: Path,
) -> None:
    """Issue 13's reproductions, as a user meets them on the running app: resources Auth
    and Admin leave /login and /admin/ alone, DELETE of a Status is a 204, a column
    named `total` keeps its value in the list, uncountable and docs-like resources have
    their pages."""
    project = example_project("hostile_names")
    url = database_url(kind, f"{project.package}_names", request, tmp_path)
    env = {"DATABASE_URL": url}
    project.run("alembic", "upgrade", "head", env=env)
    project.run(
        project.package, "createsuperuser", "--email", EMAIL, "--password", PASSWORD, env=env
    )
    with project.serve(env, tmp_path / "server.log") as base_url:
        token = bearer_token(base_url, EMAIL, PASSWORD)
        assert _status_of_page(base_url, "/login") == 200
        assert _status_of_page(base_url, "/admin/") in (302, 303)  # to the login page
        assert _status_of_page(base_url, "/auths/") == 200
        assert _status_of_page(base_url, "/admins/") == 200
        for path in ("/news/", "/staff/", "/equipment/", "/series/", "/docs-index/"):
            assert _status_of_page(base_url, path) == 200, path

        created, page = _call(
            base_url,
            "POST",
            "/api/pages",
            token,
            {"title": "Home", "total": 7, "json": {"a": [1]}, "type": "t", "db": "x"},
        )
        assert created == 201, page
        assert isinstance(page, dict)
        assert (page["total"], page["json"], page["type"], page["db"]) == (7, {"a": [1]}, "t", "x")
        listed, listing = _call(base_url, "GET", "/api/pages?db=x&type=t&total=7", token)
        assert listed == 200, listing
        assert isinstance(listing, dict)
        assert listing["total"] == 1
        assert [item["total"] for item in listing["items"]] == [7]

        created, status = _call(base_url, "POST", "/api/statuses", token, {"name": "open"})
        assert created == 201, status
        assert isinstance(status, dict)
        deleted, _ = _call(base_url, "DELETE", f"/api/statuses/{status['id']}", token)
        assert deleted == 204
        created, news = _call(base_url, "POST", "/api/news", token, {"headline": "h", "body": "b"})
        assert created == 201, news
