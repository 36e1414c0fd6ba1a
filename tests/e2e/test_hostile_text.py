"""Hostile spec text stays data in a generated project that is installed and run.

`specs/hostile.yaml` puts Jinja and Python payloads, quotes, triple quotes,
backslashes, braces, right-to-left marks, Cyrillic and emoji in every free-text slot,
and `--data description` tries to break out of the package docstring. The project
must pass its whole toolchain and its own tests; its admin and site pages must
render, showing every text escaped and evaluating none; and no payload may run (each
would create a file named HOSTILE_RAN_* in the working directory, or put
HOSTILE_JINJA on a page).
"""

from __future__ import annotations

import ast
import re
import subprocess
from pathlib import Path

import pytest

from e2e.conftest import spec_path
from e2e.support import PostgresServer, Project, create_project

pytestmark = pytest.mark.e2e

DESCRIPTION = (
    '"""; __import__(\'pathlib\').Path(\'HOSTILE_RAN_DESCRIPTION\').touch(); """ '
    "\\N{BULLET} \u00e9 \u2013 \u0430 \U0001f389"
)

#: Pages rendered by the app's test client, and the texts each must show as written.
PAGES_TEST = '''
"""Added by scaffold's tests/e2e/test_hostile_text.py: hostile labels render as text."""

import html
from pathlib import Path

from fastapi.testclient import TestClient

from tests.conftest import MakeUser
from tests.helpers import log_in

LABELS = {labels!r}
ENUM_VALUES = {values!r}


def page(client: TestClient, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, (url, response.text)
    assert "<script>alert(1)" not in response.text
    shown = html.unescape(response.text)
    assert "HOSTILE_JINJA" not in shown.replace("{{% if true %}}HOSTILE_JINJA", "")
    assert "HOSTILE_ENUM" not in shown.replace('"HOSTILE" ~ "_ENUM"', "")
    return shown


def test_admin_and_site_pages_show_the_text_as_written(
    client: TestClient, make_user: MakeUser
) -> None:
    make_user("staff@example.com", is_staff=True)
    log_in(client, "staff@example.com")
    listing = page(client, "/admin/posts/")
    form = page(client, "/admin/posts/add")
    site_form = page(client, "/posts/new")
    for label in LABELS:
        assert label in form, label
        assert label in site_form, label
    assert LABELS[0].lower() in listing  # the searched fields, under the search box
    for value in ENUM_VALUES:
        assert value in form and value in listing, value  # options and filters
        page(client, "/admin/posts/?status=" + value.replace("%", "%25").replace("&", "%26")
             .replace("#", "%23").replace("+", "%2B").replace(" ", "+"))
    page(client, "/posts/")
    page(client, "/admin/tags/add")
    assert not list(Path.cwd().glob("HOSTILE_RAN_*"))
'''


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Project:
    spec = str(spec_path("hostile"))
    parent = tmp_path_factory.mktemp("hostile")
    return create_project(parent, "hostile", "--spec", spec, "--data", f"description={DESCRIPTION}")


def no_payload_ran(project: Project) -> None:
    assert not list(project.root.rglob("HOSTILE_RAN_*"))


def test_static_checks_pass(project: Project) -> None:
    project.run("ruff", "check", ".")
    project.run("ruff", "format", "--check", ".")
    project.run("mypy", ".")
    project.run("pyright", "--pythonpath", str(project.python))
    no_payload_ran(project)


def test_the_description_stays_in_the_package_docstring(project: Project) -> None:
    code = f"import {project.package} as p; print(ascii(p.__doc__))"
    result = subprocess.run(
        [str(project.python), "-c", code],
        cwd=project.root,
        env=project.environment(None),
        capture_output=True,
        text=True,
        check=True,
    )
    doc = ast.literal_eval(result.stdout)
    assert " ".join(doc.split()) == f"hostile: {DESCRIPTION}"
    no_payload_ran(project)


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
def test_migrations_and_the_projects_tests_pass(
    project: Project, kind: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    if kind == "sqlite":
        url = f"sqlite+aiosqlite:///{tmp_path / 'checks'}.db"
    else:  # text defaults and enum values with quotes and backslashes, stored for real
        postgres: PostgresServer = request.getfixturevalue("postgres")
        url = postgres.database("hostile_checks")
    env = {"DATABASE_URL": url}
    project.run("alembic", "upgrade", "head", env=env)
    project.run("alembic", "check", env=env)
    result = project.run("pytest", "-q", "-p", "no:cacheprovider", env=env, timeout=900)
    summary = result.stdout.strip().splitlines()[-1]
    assert re.search(r"\d+ passed", summary), result.stdout
    assert not re.search(r"failed|error", summary), summary
    no_payload_ran(project)


def test_pages_render_the_text_escaped_and_run_nothing(project: Project) -> None:
    from ruamel.yaml import YAML

    spec = YAML(typ="safe").load(spec_path("hostile").read_text(encoding="utf-8"))
    fields = spec["resources"]["Post"]["fields"]
    labels = [fields[name]["label"] for name in ("title", "body", "author", "tags")]
    values = ['on {{ "HOSTILE" ~ "_ENUM" }} hold', "it's \\ done", 'x }}"']
    test = project.root / "tests" / "test_hostile_pages.py"
    test.write_text(PAGES_TEST.format(labels=labels, values=values), encoding="utf-8")
    try:
        result = project.run("pytest", "-q", "-p", "no:cacheprovider", str(test), timeout=300)
    finally:
        test.unlink()
    assert "1 passed" in result.stdout, result.stdout
    no_payload_ran(project)
