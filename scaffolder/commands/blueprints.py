"""`scaffold blueprints eject`: copy bundled templates into the project's `blueprints/`."""

from __future__ import annotations

from pathlib import Path

from scaffolder import workspace
from scaffolder.errors import UsageError
from scaffolder.plan import Action, FileOp, Plan
from scaffolder.render.blueprints import PROJECT_OVERRIDES
from scaffolder.render.catalog import KINDS, select
from scaffolder.state import SPEC_FILE


def plan_eject(project: Path, names: list[str], *, force: bool) -> Plan:
    """A `create` per template to copy (all of them without `names`). Pure.

    An override that exists and differs from the bundled template is the user's work:
    refused unless `force` (then replaced, and `scaffold undo` brings it back).
    """
    if not (project / SPEC_FILE).is_file():
        raise UsageError(
            f"no {SPEC_FILE} in {project.resolve()}: templates are ejected into a project",
            hint="run inside a project made by `scaffold new`, or pass `-C PROJECT_DIR`",
        )
    plan = Plan()
    edited: list[str] = []
    for template in select(names or list(KINDS)):
        path = f"{PROJECT_OVERRIDES}/{template.name}"
        text = template.bundled.read_text(encoding="utf-8")
        own = template.override(project)
        current = own.read_text(encoding="utf-8") if own.is_file() else None
        if current is None:
            plan.add(FileOp(Action.CREATE, path, text))
        elif current == text:
            plan.add(FileOp(Action.IDENTICAL, path, None, current))
        elif force:
            plan.add(FileOp(Action.UPDATE, path, text, current, note="your version replaced"))
        else:
            edited.append(path)
    if edited:
        verbs = "exists and differs" if len(edited) == 1 else "exist and differ"
        raise UsageError(
            f"{', '.join(edited)} already {verbs} from the bundled template; nothing was written",
            hint="pass --force to replace them with the bundled version "
            "(`scaffold undo` brings yours back)",
        )
    return plan


def apply_eject(project: Path, plan: Plan) -> None:
    """Write the plan, after a snapshot so `scaffold undo` can take it back."""
    workspace.apply(project, plan)
