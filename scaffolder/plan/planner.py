"""Planning: compare what should be generated with the project on disk. Pure: writes nothing."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from pathlib import Path

from scaffolder.codemods import EditedFile
from scaffolder.merge import merge
from scaffolder.merge.text import has_conflict_markers
from scaffolder.plan import Action, FileOp, Plan


def read_text(project: Path, path: str) -> str | None:
    """A project file's text, or None if it does not exist."""
    target = project / path
    return target.read_text(encoding="utf-8") if target.is_file() else None


def plan_generated(
    plan: Plan,
    project: Path,
    tree: Mapping[str, str],
    bases: Mapping[str, str],
    owners: Mapping[str, str],
    *,
    create_only: frozenset[str] = frozenset(),
    wired: Mapping[str, str] | None = None,
    layout: Callable[[Mapping[str, str]], Mapping[str, str]] | None = None,
) -> None:
    """Add an op per generated file, from its base (last generated), ours (disk) and the new text.

    ours == base: take the new text; new == base: keep ours; else a three-way merge.
    A file scaffold generated before and the user deleted stays deleted. Paths in
    `create_only` are written only if missing. `wired` holds the user's side of a
    skeleton file this run wires: the file on disk with the run's wiring edits made.
    `layout` lays out the texts clean merges made, all at once, before they are planned
    (it returns those it changed).
    """
    ops = [
        _generated_op(project, path, new, bases.get(path), owners.get(path), create_only, wired)
        for path, new in tree.items()
    ]
    merged = {op.path: op.text for op in ops if op.action is Action.MERGE and op.text}
    laid_out = layout(merged) if layout is not None and merged else {}
    for op in ops:
        plan.add(replace(op, text=laid_out[op.path]) if op.path in laid_out else op)


def _generated_op(
    project: Path,
    path: str,
    new: str,
    base: str | None,
    owner: str | None,
    create_only: frozenset[str],
    wired: Mapping[str, str] | None,
) -> FileOp:
    """The op of one generated file (`plan_generated`)."""
    current = read_text(project, path)
    ours = wired.get(path, current) if wired else current

    def op(action: Action, text: str | None, note: str | None = None) -> FileOp:
        return FileOp(action, path, text, current, note=note, owner=owner)

    if current is None:
        if base is not None:
            return op(Action.SKIP, None, "deleted by you; stays deleted")
        return op(Action.CREATE, new)
    if current == new or path in create_only:
        return op(Action.IDENTICAL, None)
    if ours == base:
        return op(Action.UPDATE, new)
    if new == base:
        if has_conflict_markers(current):
            return op(Action.CONFLICT, None, "unresolved conflict markers")
        if ours != current:  # only the wiring changes it
            return op(Action.INJECT, ours)
        return op(Action.IDENTICAL, None)
    result = merge(path, base or "", ours or "", new)
    if result.clean:
        return op(Action.MERGE, result.text)
    count = f"{result.conflicts} conflict{'s' if result.conflicts != 1 else ''}"
    return op(Action.CONFLICT, result.text, f"{count}: resolve the marked lines")


def plan_orphans(
    plan: Plan, project: Path, orphans: Mapping[str, str], owners: Mapping[str, str]
) -> None:
    """Files scaffold generated before but no longer does: removed unless edited since."""
    for path, base in orphans.items():
        current = read_text(project, path)
        if current is None:
            continue
        if current == base:
            plan.add(FileOp(Action.REMOVE, path, None, current, owner=owners.get(path)))
        else:
            plan.add(
                FileOp(
                    Action.KEEP,
                    path,
                    None,
                    current,
                    note="no longer generated, but edited by you: kept",
                    owner=owners.get(path),
                )
            )


def plan_edited(plan: Plan, files: Mapping[str, EditedFile]) -> None:
    """One op per edited file: inject (changed), identical, and manual wiring left to do."""
    for path, edited in files.items():
        if edited.manual:
            plan.add(
                FileOp(Action.MANUAL, path, None, edited.original, note="; ".join(edited.manual))
            )
        if edited.original is None:
            continue
        if edited.text != edited.original:
            plan.add(FileOp(Action.INJECT, path, edited.text, edited.original))
        elif not edited.manual:
            plan.add(FileOp(Action.IDENTICAL, path, edited.text, edited.original))
