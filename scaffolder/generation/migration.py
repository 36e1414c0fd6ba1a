"""Stage 2, migration: the Alembic revisions the run adds.

One for the spec's change since the last applied spec (`scaffolder.migrate.diff`),
and, after a skeleton upgrade, those bringing existing databases up to date with
the skeleton's own migrations (`scaffolder.migrate.skeleton`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from scaffolder.generation.project_state import ProjectState
from scaffolder.migrate.diff import diff_specs
from scaffolder.migrate.revisions import is_version, new_revision, versions_on_disk
from scaffolder.migrate.skeleton import is_skeleton_migration, upgrade_revisions
from scaffolder.model.spec import Spec


@dataclass(frozen=True)
class Migrations:
    """The revisions a run adds, in order (the skeleton's upgrades, then the spec's)."""

    files: dict[str, str] = field(default_factory=dict)
    path: str | None = None  # the spec change's revision, if the spec changed the database
    warnings: list[str] = field(default_factory=list)  # data the spec change may lose
    upgrade_notes: list[str] = field(default_factory=list)  # one per skeleton upgrade revision
    #: the skeleton's migrations the project has already: history, kept as they are
    history: dict[str, str] = field(default_factory=dict)


def derive_migrations(
    state: ProjectState,
    old: Spec | None,
    spec: Spec,
    skeleton: Mapping[str, str],
    created: Mapping[str, str] | None = None,
) -> Migrations:
    """The revisions bringing a database from `old` (and the skeleton it was made with)
    to `spec` (and the re-rendered `skeleton`, if any). `created` is the skeleton of a
    new project, not written yet: its migrations come before the spec's."""

    versions = versions_on_disk(state.root)
    versions.update({p: t for p, t in (created or {}).items() if is_version(p)})
    versions = dict(sorted(versions.items()))
    upgrades, history = _skeleton_migrations(state, skeleton, versions)
    notes = [
        f"the upgraded project skeleton changes the database: {path} brings existing "
        "databases up to date (`alembic upgrade head`)"
        for path in upgrades
    ]
    changes = diff_specs(old, spec)
    if changes.empty:
        return Migrations(dict(upgrades), None, changes.warnings, notes, history)
    path, text = new_revision(
        {**versions, **upgrades},
        message=_sentence(changes.summary),
        slug=_slug(changes.summary),
        upgrade=changes.upgrade,
        downgrade=changes.downgrade,
        project=state.root,
    )
    return Migrations({**upgrades, path: text}, path, changes.warnings, notes, history)


def _skeleton_migrations(
    state: ProjectState, skeleton: Mapping[str, str], versions: Mapping[str, str]
) -> tuple[dict[str, str], dict[str, str]]:
    """The revisions bringing existing databases up to date with a re-rendered skeleton,
    and the skeleton's migrations the project already has.

    Those are history: their databases ran them. Each keeps the project's version (its
    base: what scaffold wrote, so the user's edits stay too), and what the new
    blueprint changed in them comes as new revisions after the project's head.
    """

    upgrades = upgrade_revisions(skeleton, versions, state.root)
    records = state.records
    history = {
        path: state.base(path) if path in records else versions[path]
        for path in skeleton
        if is_skeleton_migration(path) and path in versions
    }
    return upgrades, history


def _sentence(summary: list[str]) -> str:
    """The migration's one-line message: `Create authors, posts; drop tags.`, cut at 72."""
    text = "; ".join(summary)
    text = text[:1].upper() + text[1:]
    if len(text) <= 72:
        return text + "."
    return text[:69].rsplit(" ", 1)[0].rstrip(",;") + "…"


def _slug(summary: list[str]) -> str:
    """The migration file's name: its first two changes, in lowercase snake case."""
    words = re.sub(r"[^a-z0-9]+", "_", " ".join(summary[:2]).lower()).strip("_")
    return words[:48].rstrip("_") or "update"
