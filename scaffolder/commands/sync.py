"""`scaffold sync`: regenerate everything from scaffold.yaml, keeping hand edits."""

from __future__ import annotations

from pathlib import Path

from scaffolder import workspace
from scaffolder.generation import Generation
from scaffolder.progress import Progress


def plan_sync(project: Path, progress: Progress | None = None) -> Generation:
    """The plan of a sync (pure): the project brought in line with its scaffold.yaml."""
    return workspace.prepare_sync(project, workspace.load(project), progress)


def apply_sync(project: Path, generation: Generation) -> None:
    """Write a sync's plan (undoably: `scaffold undo` takes it back)."""
    workspace.apply(project, generation.plan, generation.state)
