"""The tutorial, walked by the suite exactly as written (docs/tutorial.md).

Every command block of the tutorial is a file under docs/examples/tutorial/, and the
page holds copies of those files (so that it reads as plain Markdown on GitHub too;
test_site keeps each copy equal to its file). This test takes them in order, in a temp dir, as one
reader's shell session would (see `documentation.shell`):

- `NN-*.sh` files run, and after each one the test checks what the tutorial says
  happened;
- the serve step runs in the background: /health, logging in to /admin/ as the
  superuser the tutorial made, /docs and the API are checked over HTTP, then the
  server is stopped;
- every other file is an edit the reader makes by hand, shown on the page: the test
  makes the same edit and checks that the file then reads as the page shows it.

Then it runs the checks of docs/generated-project.md (ruff, mypy, pyright, alembic
check, pytest) in the project the tutorial built.
"""

from __future__ import annotations

import http.cookiejar
import json
import re
import urllib.parse
import urllib.request
from collections.abc import Callable
from pathlib import Path

import pytest

from documentation.pages import DOCS, EXAMPLES, ROOT, code_blocks
from documentation.shell import Session, make_session, new_venv, serving

STEPS = EXAMPLES / "tutorial"
STEPS_SPEC = STEPS / "11-scaffold.yaml"
PAGE = DOCS / "tutorial.md"
SUPERUSER = ("admin@example.com", "correct horse battery")
#: The template the tutorial ejects and customizes.
TEMPLATE = "blueprints/resource/templates/detail.html.jinja"


def project(session: Session) -> Path:
    """The tutorial's project: `blog/` in the directory the walk started in."""
    return Path(session.env["SCAFFOLD_DOCS_STATE"]).parent / "blog"


# --- what the tutorial promises after each step --------------------------------------


def after_new(session: Session, output: str) -> None:
    assert session.cwd == project(session)
    assert "Created blog" in output
    assert (project(session) / "scaffold.yaml").is_file()


def after_install(session: Session, output: str) -> None:
    check = session.command("python", "-c", "import blog.main")
    assert check.returncode == 0, f"the project is not importable from its venv: {check.stderr}"


def after_authors_and_tags(session: Session, output: str) -> None:
    for path in ("blog/models/author.py", "blog/models/tag.py", "blog/api/author.py"):
        assert (project(session) / path).is_file(), path


def after_posts(session: Session, output: str) -> None:
    model = (project(session) / "blog/models/post.py").read_text()
    assert "class PostStatus(StrEnum)" in model
    assert "posts_tags = sa.Table(" in model
    assert 'ForeignKey("authors.id"' in model


def after_migrate_and_test(session: Session, output: str) -> None:
    assert "Running upgrade" in output
    assert re.search(r"^\d+ passed", output, re.MULTILINE), output
    assert " failed" not in output
    assert " error" not in output


def after_superuser(session: Session, output: str) -> None:
    assert "Created superuser admin@example.com." in output


def after_eject(session: Session, output: str) -> None:
    assert (project(session) / TEMPLATE).is_file()


def after_template_sync(session: Session, output: str) -> None:
    for resource in ("author", "tag", "post"):
        page = (project(session) / f"blog/templates/{resource}/detail.html").read_text()
        assert "Last changed" in page, f"{resource}'s detail page does not use the template"


def after_sync(session: Session, output: str) -> None:
    assert "summary" in (project(session) / "blog/models/post.py").read_text()
    detail = (project(session) / "blog/templates/post/detail.html").read_text()
    assert "Summary" in detail, "the new field is on the page"
    assert "Last changed" in detail, "and the customization is kept"
    migrations = sorted((project(session) / "migrations/versions").glob("*.py"))
    assert "summary" in migrations[-1].read_text()
    assert re.search(r"^\d+ passed", output, re.MULTILINE), output
    check = session.command("scaffold", "sync", "--check")
    assert check.returncode == 0, check.stdout + check.stderr


CHECKS: dict[str, Callable[[Session, str], None]] = {
    "01-new.sh": after_new,
    "02-install.sh": after_install,
    "03-authors-and-tags.sh": after_authors_and_tags,
    "04-posts.sh": after_posts,
    "05-migrate-and-test.sh": after_migrate_and_test,
    "06-superuser.sh": after_superuser,
    "08-eject.sh": after_eject,
    "10-sync-template.sh": after_template_sync,
    "12-sync.sh": after_sync,
}


# --- the reader's own edits ----------------------------------------------------------


def add_summary_field(session: Session, shown: Path) -> None:
    """The reader adds `summary: str(300)?` under Post's `body: text`."""
    spec = project(session) / "scaffold.yaml"
    lines = spec.read_text().splitlines(keepends=True)
    lines.insert(lines.index("      body: text\n") + 1, "      summary: str(300)?\n")
    spec.write_text("".join(lines))
    assert spec.read_text() == shown.read_text(), "the page shows another scaffold.yaml"


def customize_detail_page(session: Session, shown: Path) -> None:
    """The reader adds a "Last changed" line at the top of the ejected template's details
    (under the line the page shows first, which is already in the template)."""
    template = project(session) / TEMPLATE
    lines = template.read_text().splitlines(keepends=True)
    shown_lines = shown.read_text().splitlines(keepends=True)
    anchor = lines.index(shown_lines[0])
    lines[anchor + 1 : anchor + 1] = shown_lines[1:]
    template.write_text("".join(lines))
    assert shown.read_text() in template.read_text()


EDITS: dict[str, Callable[[Session, Path], None]] = {
    "09-detail.html.jinja": customize_detail_page,
    "11-scaffold.yaml": add_summary_field,
}


def readme_paths() -> list[str]:
    """The URLs the README's quick start sends the reader to, once their blog runs."""
    text = (ROOT / "README.md").read_text()
    section = text[text.index("## Quick start") : text.index("## What it looks like")]
    found = re.findall(r"`(/[^`\s]*)`|<http://127\.0\.0\.1:8000(/[^>]*)>", section)
    return [quoted or linked for quoted, linked in found]


def test_the_readme_names_the_pages_a_running_blog_serves() -> None:
    """The walk below visits them (a blog of authors, posts and tags, like the README's);
    `/api/` itself is a 404."""
    paths = readme_paths()
    assert {"/login", "/admin/", "/docs", "/api/posts", "/posts/"} <= set(paths)
    assert "/api/" not in paths


def check_the_running_app(base: str) -> None:
    """What the tutorial promises at /admin/, /docs and /api/, and the README at its URLs."""
    jar = http.cookiejar.CookieJar()
    browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))

    def get(path: str) -> tuple[int, str]:
        with browser.open(f"{base}{path}", timeout=10) as response:
            return response.status, response.read().decode()

    status, login_page = get("/login?next=/admin/")
    token = re.search(r'name="csrf_token" value="([^"]+)"', login_page)
    assert status == 200
    assert token, login_page
    email, password = SUPERUSER
    form = {"email": email, "password": password, "csrf_token": token.group(1), "next": "/admin/"}
    with browser.open(f"{base}/login", urllib.parse.urlencode(form).encode(), timeout=10) as page:
        admin = page.read().decode()
        assert page.status == 200
        assert page.url == f"{base}/admin/"
    for label in ("Authors", "Posts", "Tags"):
        assert label in admin, f"the admin does not list {label}"

    status, docs = get("/docs")
    assert status == 200
    assert "swagger" in docs.lower()
    status, body = get("/openapi.json")
    paths = json.loads(body)["paths"]
    assert {"/api/posts", "/api/authors", "/api/tags"} <= set(paths)
    status, body = get("/api/posts")
    assert status == 200
    assert json.loads(body)["items"] == []
    for path in readme_paths():  # as the superuser: the admin answers too
        assert get(path)[0] == 200, path


# --- the walk ------------------------------------------------------------------------


def tutorial_files() -> list[Path]:
    return sorted(p for p in STEPS.iterdir() if p.is_file())


def test_every_tutorial_file_is_on_the_page_in_order() -> None:
    included = [path for block in code_blocks(PAGE) for path in block.includes]
    on_page = [ROOT / path for path in included if path.startswith("docs/examples/tutorial/")]
    assert on_page == tutorial_files()


def test_the_page_reads_as_plain_markdown() -> None:
    """The README links the page, which GitHub shows as Markdown: every command is on the
    page itself, none behind a snippets include that only the site would expand."""
    assert "--8<--" not in PAGE.read_text()
    assert all(block.copy_of for block in code_blocks(PAGE))


def test_the_spec_change_highlights_the_line_the_reader_adds() -> None:
    (block,) = [b for b in code_blocks(PAGE) if b.copy_of == str(STEPS_SPEC.relative_to(ROOT))]
    highlighted = re.fullmatch(r'.*hl_lines="(\d+)".*', block.info)
    assert highlighted, block.info
    assert block.body[int(highlighted.group(1)) - 1] == "      summary: str(300)?"


def test_every_step_has_its_check_and_every_edit_its_action() -> None:
    for path in tutorial_files():
        if path.suffix == ".sh":
            assert path.name in CHECKS or "serve" in path.name, path.name
        else:
            assert path.name in EDITS, path.name


@pytest.mark.e2e
@pytest.mark.slow
def test_the_tutorial_works_as_written(tmp_path: Path) -> None:
    session = make_session(tmp_path, new_venv(tmp_path))
    for path in tutorial_files():
        if path.suffix != ".sh":
            EDITS[path.name](session, path)
        elif "serve" in path.name:
            with serving(session, path, tmp_path / "server.log") as base:
                check_the_running_app(base)
        else:
            CHECKS[path.name](session, session.run(path))
    # the generated-project page's checks, in the project the tutorial built
    output = session.run(EXAMPLES / "generated-project" / "check.sh")
    assert re.search(r"^\d+ passed", output, re.MULTILINE), output
