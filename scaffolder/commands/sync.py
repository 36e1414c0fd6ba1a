"""`scaffold sync`: regenerate everything from scaffold.yaml, keeping hand edits."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from scaffolder.errors import UsageError
from scaffolder.generation import SPEC_FILE, Generation, prepare, prepare_unchanged

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
    text = spec_path.read_text(encoding="utf-8")
    unchanged = prepare_unchanged(project, text)
    if unchanged is not None:
        return unchanged
    return prepare(project, load_spec(spec_path), text, progress)


def apply_generation(project: Path, generation: Generation) -> None:
    """Snapshot (for `scaffold undo`), then write the plan and the state that changed: all
    of it, or nothing if interrupted."""
    from scaffolder.plan.apply import remove_stale_temp_files
    from scaffolder.plan.snapshot import apply_undoably
    from scaffolder.state import BASE_DIR, STATE_DIR, changed_state

    state = changed_state(project, generation.state)
    if generation.plan.changes_nothing and not state:  # but an interrupted run's debris
        paths = [op.path for op in generation.plan.ops]
        remove_stale_temp_files(project, paths, [STATE_DIR, BASE_DIR])
        return
    apply_undoably(project, generation.plan, state)
