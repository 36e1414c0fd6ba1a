"""How every command changes a project: load → prepare → apply.

- `load` reads the project's `scaffold.yaml`, refusing a directory that has none;
- `prepare` plans bringing the project in line with a spec (`scaffolder.generation`,
  pure): what to create, update, merge, remove and wire, and the `.scaffold/` state
  that records the run; `prepare_sync` for the spec on disk;
- `apply` writes that plan and the state that changed — after a snapshot, so that
  `scaffold undo` takes the run back and an interrupted run is rolled back.

The commands differ only in the spec they hand to `prepare`: `sync` the one on disk,
`generate resource` that one with a resource added, `destroy resource` with one
removed, and `new` the `--spec` given (or an empty one), with the skeleton it rendered
in memory, into an empty directory: one plan, skeleton and resources, laid out in one
pass. No command writes a project file any other way.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from scaffolder import generation
from scaffolder.errors import UsageError, display_path
from scaffolder.generation import Generation, NewSkeleton
from scaffolder.model.spec import Spec
from scaffolder.plan import Plan
from scaffolder.plan.apply import apply_plan, remove_stale_temp_files
from scaffolder.plan.snapshot import apply_undoably
from scaffolder.progress import Progress
from scaffolder.spec import parse_spec, read_spec_text
from scaffolder.state import BASE_DIR, SPEC_FILE, STATE_DIR, changed_state


def load(project: Path) -> str:
    """The text of the project's `scaffold.yaml`."""
    path = project / SPEC_FILE
    if not path.is_file():
        raise UsageError(
            f"no {SPEC_FILE} in {project.resolve()}",
            hint="run inside a project made by `scaffold new`, or pass `-C PROJECT_DIR`",
        )
    return read_spec_text(path)


def prepare(
    project: Path,
    spec: Spec,
    spec_text: str,
    progress: Progress | None = None,
    new: NewSkeleton | None = None,
) -> Generation:
    """The plan bringing `project` in line with `spec`, parsed from `spec_text` (which
    becomes `scaffold.yaml`); with `new`, the skeleton of a project made in `project`
    (empty) is planned too. Pure: nothing is written."""
    return generation.prepare(project, spec, spec_text, progress, new)


def prepare_sync(project: Path, spec_text: str, progress: Progress | None = None) -> Generation:
    """`prepare` for the spec on disk, `spec_text` (errors name the file as shown). When
    nothing changed since the last run, every resource's files are their bases: the
    plan finds only the user's edits (kept) and unresolved conflicts."""
    spec = parse_spec(spec_text, display_path(project / SPEC_FILE))
    return prepare(project, spec, spec_text, progress)


def apply(
    project: Path,
    plan: Plan,
    state: Mapping[str, str] | None = None,
    *,
    undoable: bool = True,
) -> dict[str, str | None]:
    """Write `plan`, then the `.scaffold/` files of `state` that changed: all of it, or
    nothing if interrupted. `undoable` takes a snapshot first, for `scaffold undo`;
    `new`, writing into a directory of its own that a failure removes, needs none.

    A plan that changes nothing writes nothing, but clears the temporary files an
    interrupted run left where this one would have written. Returns the state files
    written (None: removed, a base no longer referred to).
    """
    changed = changed_state(project, state or {})
    if plan.changes_nothing and not changed:
        paths = [op.path for op in plan.ops]
        remove_stale_temp_files(project, paths, [STATE_DIR, BASE_DIR])
    elif undoable:
        apply_undoably(project, plan, changed)
    else:  # `new`'s own directory, which nobody sees before it is complete
        apply_plan(plan, project, changed, private=True)
    return changed
