"""`scaffold undo`: put back what the last sync, generate, destroy or eject changed."""

from __future__ import annotations

from pathlib import Path

from scaffolder.plan import Plan
from scaffolder.plan.snapshot import undo_last_run, undo_plan
from scaffolder.state import is_state


def plan_undo(project: Path) -> Plan:
    """What undoing the last run does, file by file (pure), `.scaffold/` state included."""
    return undo_plan(project)


def apply_undo(project: Path, plan: Plan) -> None:
    """Restore every file the last run changed (its snapshot is used up: undo works once)."""
    undo_last_run(project, plan)


def shown(plan: Plan) -> Plan:
    """The plan as the user sees it: project files only, not scaffold's own state."""
    return Plan([op for op in plan.ops if not is_state(op.path)])
