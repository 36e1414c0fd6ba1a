"""The undo snapshot: what every file a run changes looked like before it.

Taken before anything is written, so `scaffold undo` can put the whole working
tree (and `.scaffold/`) back as it was, whatever the run did: created files are
removed, changed and removed files get their old text back.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from contextlib import suppress
from pathlib import Path

from scaffolder.checkpoints import checkpoint
from scaffolder.errors import UsageError
from scaffolder.plan import Action, FileOp, Plan
from scaffolder.plan.apply import (
    apply_plan,
    refuse_links_out,
    remove_stale_temp_files,
    write_atomic,
)
from scaffolder.plan.planner import read_text

UNDO_DIR = ".scaffold/undo"
UNDO_FILE = f"{UNDO_DIR}/last-run.json"
_UNDO_IGNORE = f"{UNDO_DIR}/.gitignore"


def apply_undoably(project: Path, plan: Plan, state: Mapping[str, str | None]) -> None:
    """Snapshot, then apply `plan` and `state`: all of it, or — interrupted by a signal
    or an error — none of it, the snapshot putting back what the run had written.

    Should putting it back fail too, the snapshot stays, and `scaffold undo` finishes.
    """
    take_snapshot(project, plan, state)
    checkpoint("snapshot")
    try:
        apply_plan(plan, project, state)
    except BaseException:
        with suppress(Exception):  # the first error is the one to report
            undo_last_run(project, undo_plan(project))
        raise


def take_snapshot(project: Path, plan: Plan, state: Mapping[str, str | None]) -> None:
    """Record the current text (or absence) of every path the run will change."""
    paths = [op.path for op in plan.changes] + list(state)
    refuse_links_out(project, [*paths, UNDO_FILE, _UNDO_IGNORE])  # before writing anything
    remove_stale_temp_files(project, [UNDO_FILE, _UNDO_IGNORE])
    before: dict[str, str | None] = {}
    for path in paths:
        target = project / path
        before[path] = target.read_text(encoding="utf-8") if target.is_file() else None
    write_atomic(project / _UNDO_IGNORE, "# local undo data, never committed\n*\n")
    write_atomic(project / UNDO_FILE, json.dumps(before, indent=1, sort_keys=True) + "\n")


def undo_plan(project: Path) -> Plan:
    """What undoing the last run does, file by file (pure): `.scaffold/` state included."""
    snapshot = project / UNDO_FILE
    if not snapshot.is_file():
        raise UsageError(
            "there is no run to undo",
            hint="scaffold keeps one snapshot, taken by the last sync or generate that wrote files",
        )
    before: dict[str, str | None] = json.loads(snapshot.read_text(encoding="utf-8"))
    plan = Plan()
    for path, text in sorted(before.items()):
        current = read_text(project, path)
        if text is None:
            if current is not None:  # the run created it
                plan.add(FileOp(Action.REMOVE, path, None, current))
        elif current is None:  # the run removed it
            plan.add(FileOp(Action.CREATE, path, text))
        elif current != text:
            plan.add(FileOp(Action.UPDATE, path, text, current))
        else:
            plan.add(FileOp(Action.IDENTICAL, path, None, current))
    return plan


def undo_last_run(project: Path, plan: Plan) -> None:
    """Carry out `undo_plan(project)`. Undo works once: the snapshot goes with it.

    The temporary files an interrupted run left beside the files it wrote go too
    (`apply_plan` removes them beside every path of the plan)."""
    apply_plan(plan, project)
    (project / UNDO_FILE).unlink()
    remove_stale_temp_files(project, [UNDO_FILE, _UNDO_IGNORE])
