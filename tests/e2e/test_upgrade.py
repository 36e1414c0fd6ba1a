"""Upgrade: a project made by an earlier release, edited by hand, synced by this one.

The fixture `fixtures/upgrade-blog-0/` is the blog example as the release before the kit
(commit ae9b5d5) wrote it with `scaffold new blog --spec blog.yaml --defaults`, its
`.scaffold/` state included, plus the hand edits a user makes in the first week (listed
in HAND_EDITS; fixtures/README.md says how it was made). Nothing here regenerates it: it
is what users have on disk, and the tool must upgrade it as it is.

`scaffold sync` with the current tool must keep every hand edit, either merged or shown
inside conflict markers with exit status 1; never silently dropped. The conflicts are
then resolved as a user would (RESOLUTIONS), after which the project is at the current
release: `sync --check` has nothing to do, every generated file the user did not touch is
byte for byte what `scaffold new` writes today, and every gate passes.
"""

from __future__ import annotations

import hashlib
import json
import shlex
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from e2e.test_regeneration import check_green, run
from scaffolder.cli import app
from scaffolder.examples import example_path

pytestmark = pytest.mark.e2e

FIXTURE = Path(__file__).parent / "fixtures" / "upgrade-blog-0"
#: The commands docs/regeneration.md shows for the upgrade, run here as written.
COMMANDS = Path(__file__).parents[2] / "docs" / "examples" / "upgrade" / "sync.sh"
OURS, BASE, SPLIT, THEIRS = "<<<<<<< yours\n", "||||||| ", "=======\n", ">>>>>>> scaffold\n"

#: The fixture's hand edits: file -> lines only the user wrote (each must survive sync).
HAND_EDITS = {
    # a model method
    "blog/models/post.py": ["    def excerpt(self, length: int = 80) -> str:"],
    # a changed template line
    "blog/templates/post/detail.html": ['<p class="byline">By {{ post.author }}'],
    # an extra API endpoint
    "blog/api/post.py": ['    operation_id="get_post_excerpt",', "async def get_post_excerpt("],
    # a changed service function (and the import it needs)
    "blog/services/post.py": [
        "    # hand edit: a post published without a date is published now",
        "from datetime import UTC, datetime",
    ],
    # a test of their own (a file scaffold never wrote)
    "tests/post/test_teaser.py": ["def test_a_long_body_is_cut_at_a_word() -> None:"],
    # a test added to a generated module, using its `headers` fixture (gone from it since
    # the kit: the generated tests use `writer` of tests/conftest.py, which keeps `headers`)
    "tests/post/test_api.py": ["def test_a_new_post_has_its_excerpt_at_once("],
}
#: The hand-added test that uses the fixture the old module defined (`headers`).
OLD_FIXTURE_TEST = "tests/post/test_api.py::test_a_new_post_has_its_excerpt_at_once"

#: The service edit, as the user carries it over to the new release's code: the kit's
#: Crud, subclassed with the rule in its `prepare` hook.
PUBLISH_NOW = (
    "class PostCrud(Crud[Post]):\n"
    "    def prepare(self, values: dict[str, Any], row: Post | None) -> None:\n"
    "        # hand edit: a post published without a date is published now\n"
    '        published = values.get("status") == PostStatus.PUBLISHED\n'
    '        if row is None and published and values["published_at"] is None:\n'
    '            values["published_at"] = datetime.now(UTC)\n'
    "\n"
    "\n"
)


def scaffold(project: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["-C", str(project), *args])
    return result.exit_code, result.output


def conflict_sides(text: str) -> list[tuple[str, str]]:
    """(yours, scaffold's) of every conflict block in `text`."""
    sides = []
    for block in text.split(OURS)[1:]:
        mine, rest = block.split(SPLIT, 1)
        if BASE in mine:
            mine = mine.split(BASE, 1)[0]
        sides.append((mine, rest.split(THEIRS, 1)[0]))
    return sides


def keep_scaffold_side(text: str) -> str:
    """The resolution that takes the new release's lines in every conflict block."""
    head, *blocks = text.split(OURS)
    kept = [head]
    for block in blocks:
        theirs, tail = block.split(SPLIT, 1)[1].split(THEIRS, 1)
        kept += [theirs, tail]
    return "".join(kept)


def documented_commands() -> list[list[str]]:
    """The `scaffold …` arguments of each line of COMMANDS, comments stripped."""
    commands = [shlex.split(line, comments=True) for line in COMMANDS.read_text().splitlines()]
    assert all(command[0] == "scaffold" for command in commands if command)
    return [command[1:] for command in commands if command]


def digest(project: Path) -> dict[str, str]:
    """sha256 of every file in `project`: what a dry run must leave as it found."""
    return {
        str(path.relative_to(project)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(project.rglob("*"))
        if path.is_file()
    }


def publish_now_in_new_create(text: str) -> str:
    """services/post.py: the new release's lines, with the user's edit carried over to
    the new service (a Crud subclass), as a user resolves the conflict."""
    text = keep_scaffold_side(text)
    for old, new in (
        (
            "from sqlalchemy.orm import",
            "from datetime import UTC, datetime\nfrom typing import Any\n\n"
            "from sqlalchemy.orm import",
        ),
        ("from blog.models.post import Post\n", "from blog.models.post import Post, PostStatus\n"),
        ("posts = Crud(\n", PUBLISH_NOW + "posts = PostCrud(\n"),
    ):
        if new not in text:
            assert old in text, (old, text)
            text = text.replace(old, new, 1)
    return text


#: How the user resolves each file sync leaves in conflict: text with markers -> text.
#: A file missing here is resolved by keeping scaffold's side, which is only right where
#: the hand edit has no test of its own depending on it.
RESOLUTIONS: dict[str, Callable[[str], str]] = {
    "blog/services/post.py": publish_now_in_new_create,
}


def generated_files(project: Path) -> dict[str, bytes]:
    """Files scaffold owns (its manifest), read from disk; migrations left out, since
    each `scaffold new` names its first revision afresh."""
    manifest = json.loads((project / ".scaffold" / "manifest.json").read_text())
    return {
        path: (project / path).read_bytes()
        for path in manifest["files"]
        if not path.startswith(("migrations/versions/", ".scaffold/"))
        and (project / path).is_file()
    }


def test_a_project_of_the_release_before_the_kit_upgrades_keeping_its_edits(
    tmp_path: Path,
) -> None:
    project = tmp_path / "blog"
    shutil.copytree(FIXTURE, project)
    for path, lines in HAND_EDITS.items():  # the fixture still holds what it claims
        text = (project / path).read_text()
        assert all(line in text for line in lines), path

    dry_run, sync = documented_commands()
    assert dry_run == ["sync", "--dry-run"]
    assert sync == ["sync"]
    before = digest(project)
    code, output = scaffold(project, *dry_run)
    assert code in (0, 1), output
    assert digest(project) == before, "sync --dry-run wrote files"

    code, output = scaffold(project, *sync)
    assert code in (0, 1), output
    conflicted = {
        str(path.relative_to(project))
        for path in project.rglob("*")
        if path.is_file()
        and ".scaffold" not in path.parts
        and OURS in path.read_text("utf-8", "replace")
    }
    assert (code == 1) == bool(conflicted), output
    for path in conflicted:
        assert path in output, f"{path} has conflict markers but sync did not say so:\n{output}"

    # every hand edit survived: merged in, or on the user's side of a conflict block
    for path, lines in HAND_EDITS.items():
        assert (project / path).is_file(), f"sync removed {path}, which holds a hand edit"
        text = (project / path).read_text()
        for line in lines:
            assert line in text, f"sync silently dropped the hand edit {line!r} of {path}"
            in_block = [mine for mine, _ in conflict_sides(text) if line in mine]
            assert in_block or line in keep_scaffold_side(text), (path, line)

    # resolve as the user would, then the project is the current release plus the edits
    for path in conflicted:
        target = project / path
        target.write_text(RESOLUTIONS.get(path, keep_scaffold_side)(target.read_text()))
        if target.suffix == ".py":  # the user's editor sorts and formats what they edited
            run(project, "ruff", "check", "--select", "I", "--fix", "--quiet", path)
            run(project, "ruff", "format", "--quiet", path)
    code, output = scaffold(project, "sync", "--check")
    assert code == 0, output

    fresh = tmp_path / "fresh" / "blog"
    code, output = scaffold(tmp_path, "new", str(fresh), "--spec", str(example_path("blog")))
    assert code == 0, output
    upgraded, expected = generated_files(project), generated_files(fresh)
    assert sorted(upgraded) == sorted(expected)
    differing = {path for path in expected if upgraded[path] != expected[path]}
    assert differing <= set(HAND_EDITS), "files the user never touched differ from `new`"

    # the test written against the old module's `headers` fixture still runs, and passes
    assert "1 passed" in run(project, "pytest", "-q", "-p", "no:cacheprovider", OLD_FIXTURE_TEST)
    check_green(project)
