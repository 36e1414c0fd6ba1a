"""`scaffold sync`: regenerate everything from scaffold.yaml, keeping hand edits."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from scaffolder.errors import UsageError
from scaffolder.generation import SPEC_FILE, Generation, prepare

if TYPE_CHECKING:
    from scaffolder.progress import Progress


def plan_sync(project: Path, progress: Progress | None = None) -> Generation:
    """The plan of a sync (pure)."""
    from scaffolder.spec import load_spec

    spec_path = project / SPEC_FILE
    if not spec_path.is_file():
        raise UsageError(
            f"no {SPEC_FILE} in {project.resolve()}",
            hint="run inside a project made by `scaffold new`, or pass `-C PROJECT_DIR`",
        )
    spec = load_spec(spec_path)
    return prepare(project, spec, spec_path.read_text(encoding="utf-8"), progress)


def apply_generation(project: Path, generation: Generation) -> None:
    """Snapshot (for `scaffold undo`), then write the plan and the new state."""
    from scaffolder.plan.apply import apply_plan
    from scaffolder.plan.snapshot import take_snapshot

    if generation.plan.changes_nothing and not _state_changes(project, generation):
        return
    take_snapshot(project, generation.plan, generation.state)
    apply_plan(generation.plan, project, generation.state)


def _state_changes(project: Path, generation: Generation) -> bool:
    for path, text in generation.state.items():
        target = project / path
        if not target.is_file() or target.read_text(encoding="utf-8") != text:
            return True
    return False
