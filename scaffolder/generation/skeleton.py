"""Stage 1, render (continued): the project skeleton — that of a project `scaffold new`
is making (`NewSkeleton`, rendered by the command), or rendered anew when its blueprint
changed since it was rendered: a scaffold upgrade, or a new version of the project's
own `--blueprint`. An upgrade's files are then merged like the resources' (three ways)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from scaffolder.errors import UsageError
from scaffolder.project.skeleton import blueprint_digest, rerender_skeleton, resolved_source
from scaffolder.state import SKELETON_PATH, load_skeleton_record, skeleton_record


@dataclass(frozen=True)
class NewSkeleton:
    """The skeleton of a project `scaffold new` is making: rendered, not yet laid out or
    written. The run creates its files (the wiring of the spec's resources made), lays
    them out with the resources' and records them as generated, unwired."""

    files: dict[str, str]  # as the blueprint rendered them, by path
    #: the package scaffold generates into: the project has none on disk yet (a custom
    #: skeleton without one gets no resources, but its Python is laid out for one)
    package: str
    state: dict[str, str]  # the `.scaffold/` record of the skeleton


@dataclass(frozen=True)
class SkeletonUpgrade:
    """The re-rendered skeleton (no files: nothing to upgrade), the state recording it,
    and what the user should know (a blueprint that could not be reached)."""

    files: dict[str, str] = field(default_factory=dict)
    state: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


def upgrade_skeleton(project: Path) -> SkeletonUpgrade:
    """The skeleton rendered anew if its blueprint changed. A blueprint that cannot be
    reached (a git URL, offline) is a warning: the rest of the run goes on."""

    record = load_skeleton_record(project)
    if record is None:
        return SkeletonUpgrade()
    source = resolved_source(record.source, project) if record.source is not None else None
    try:
        digest = blueprint_digest(source)
    except UsageError as error:
        return SkeletonUpgrade(
            warnings=[f"{error}; the project skeleton was not checked for an upgrade"]
        )
    if digest == record.blueprint:
        return SkeletonUpgrade()
    files = rerender_skeleton(record.answers, source)
    state = {SKELETON_PATH: skeleton_record(record.answers, digest, record.source)}
    return SkeletonUpgrade(files, state)
