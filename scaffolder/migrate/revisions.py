"""The chain of Alembic revisions in a project, and new revisions appended to it.

Revision ids are derived from the migration's content and its parent, so the same
spec change always yields the same file (generated code can be committed and
reviewed), while two different changes never share an id.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from scaffolder.errors import ScaffoldError
from scaffolder.render.blueprints import blueprint_dirs, render_template

VERSIONS_DIR = "migrations/versions"
_REVISION = re.compile(r'^revision(?::\s*str)?\s*=\s*["\']([^"\']+)["\']', re.MULTILINE)
_DOWN = re.compile(r"^down_revision(?::[^=]+)?=\s*(?:[\"']([^\"']+)[\"']|None)", re.MULTILINE)


class MigrationChainError(ScaffoldError):
    """The project's migrations do not form one line (several heads, or unreadable)."""


@dataclass(frozen=True)
class Revision:
    """A revision already in the project (or about to be written)."""

    revision: str
    down_revision: str | None
    path: str


def read_revisions(files: dict[str, str]) -> list[Revision]:
    """Revisions among `files` ({path: text}) under migrations/versions."""
    found: list[Revision] = []
    for path, text in sorted(files.items()):
        if not path.startswith(VERSIONS_DIR + "/") or not path.endswith(".py"):
            continue
        revision = _REVISION.search(text)
        down = _DOWN.search(text)
        if revision is None or down is None:
            continue
        found.append(Revision(revision.group(1), down.group(1), path))
    return found


def versions_on_disk(project: Path) -> dict[str, str]:
    """{path: text} of the migration files in a project (`is_version`)."""
    directory = project / VERSIONS_DIR
    if not directory.is_dir():
        return {}
    return {
        f"{VERSIONS_DIR}/{p.name}": p.read_text(encoding="utf-8")
        for p in sorted(directory.glob("*.py"))
    }


def is_version(path: str) -> bool:
    """Whether the project path `path` is a migration file, one `versions_on_disk` reads."""
    folder, _, name = path.rpartition("/")
    return folder == VERSIONS_DIR and name.endswith(".py")


def head(revisions: list[Revision]) -> str | None:
    """The one revision nothing revises; an error if the chain has forked."""
    parents = {r.down_revision for r in revisions}
    heads = [r for r in revisions if r.revision not in parents]
    if len(heads) > 1:
        raise MigrationChainError(
            "the migrations have several heads: "
            + ", ".join(f"{h.revision} ({h.path})" for h in heads)
            + "; merge them with `alembic merge heads` first"
        )
    return heads[0].revision if heads else None


def new_revision(
    existing: dict[str, str],
    message: str,
    slug: str,
    upgrade: list[str],
    downgrade: list[str],
    project: Path | None = None,
    revision: str | None = None,
) -> tuple[str, str]:
    """(path, text) of a revision after the current head of `existing` migration files;
    its id is `revision`, else derived from its content and its parent."""
    from scaffolder.render.environment import make_environment

    revisions = read_revisions(existing)
    down = head(revisions)
    if revision is None:
        digest = hashlib.sha256("\n".join([down or "", *upgrade, "--", *downgrade]).encode())
        revision = digest.hexdigest()[:12]
    env = make_environment(blueprint_dirs("migration", project))
    context = {
        "message": message,
        "revision": revision,
        "down_revision": down,
        "upgrade": upgrade,
        "downgrade": downgrade,
    }
    text = render_template(env, "revision.py.jinja", context)
    number = len(revisions) + 1
    return f"{VERSIONS_DIR}/{number:04d}_{slug}.py", text
