"""Schema changes an upgraded project skeleton brings to databases that already exist.

The skeleton's own migrations (`0001_create_users.py`) are history once a project has
them: its databases have run them. So a scaffold upgrade never rewrites them in an
existing project (`sync` keeps the project's copy), and a change the new blueprint
made to one reaches existing databases as a revision of its own, appended to the
project's chain after its head, like the revision of a spec change. New projects get
the change in the skeleton migration itself, and none of these revisions.

Each revision has a fixed id, so a project gets it once, whichever run adds it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from scaffolder.migrate.revisions import VERSIONS_DIR, new_revision, read_revisions


@dataclass(frozen=True)
class SkeletonChange:
    """A change of a skeleton migration, and the revision that makes it on older databases."""

    revision: str  # the fixed Alembic revision id
    migration: str  # the skeleton migration (path) whose new version makes the change
    marker: str  # text its new version has and older ones lack
    message: str
    slug: str
    upgrade: tuple[str, ...]
    downgrade: tuple[str, ...]


#: Oldest first: the order their revisions take in a project that needs several.
CHANGES = (
    SkeletonChange(
        revision="users_session_version",
        migration=f"{VERSIONS_DIR}/0001_create_users.py",
        marker='"session_version"',
        message="Add users.session_version: logout and password changes end sessions",
        slug="add_users_session_version",
        upgrade=(
            'with op.batch_alter_table("users") as batch_op:\n'
            "    batch_op.add_column("
            'sa.Column("session_version", sa.Integer(), server_default="0", nullable=False))',
        ),
        downgrade=(
            'with op.batch_alter_table("users") as batch_op:\n'
            '    batch_op.drop_column("session_version")',
        ),
    ),
)


def is_skeleton_migration(path: str) -> bool:
    """Whether a skeleton path is one of its migrations (history, once a project has it)."""
    return path.startswith(VERSIONS_DIR + "/") and path.endswith(".py")


def upgrade_revisions(
    skeleton: Mapping[str, str], existing: Mapping[str, str], project: Path | None = None
) -> dict[str, str]:
    """{path: text} of the revisions an existing project needs for the changes the new
    `skeleton` (rendered anew) made to migrations the project already has (`existing`,
    the project's migration files), chained after the project's head in order."""
    files = dict(existing)
    present = {r.revision for r in read_revisions(files)}
    added: dict[str, str] = {}
    for change in CHANGES:
        kept = existing.get(change.migration)
        if (
            change.revision in present
            or kept is None
            or change.marker in kept
            or change.marker not in skeleton.get(change.migration, "")
        ):
            continue
        path, text = new_revision(
            files,
            change.message,
            change.slug,
            list(change.upgrade),
            list(change.downgrade),
            project,
            revision=change.revision,
        )
        files[path] = added[path] = text
    return added
