"""Planning: compare what should be generated with the project on disk. Pure: writes nothing."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from scaffolder.codemods import EditResult, Outcome
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
) -> None:
    """Add an op for each generated file.

    A file still equal to what scaffold last generated (its base) is replaced; a file
    edited since is reported as a conflict and left alone (three-way merging is
    `scaffold sync`'s job). Paths in `create_only` are written only if missing.
    """
    for path, text in tree.items():
        current = read_text(project, path)
        owner = owners.get(path)
        if current is None:
            plan.add(FileOp(Action.CREATE, path, text, owner=owner))
        elif current == text or path in create_only:
            plan.add(FileOp(Action.IDENTICAL, path, text, current, owner=owner))
        elif bases.get(path) == current:
            plan.add(FileOp(Action.UPDATE, path, text, current, owner=owner))
        else:
            plan.add(
                FileOp(
                    Action.CONFLICT,
                    path,
                    text,
                    current,
                    note="edited since it was generated; left as is",
                    owner=owner,
                )
            )


@dataclass
class EditedFile:
    """A hand-owned file after the run's wiring edits, before it is planned."""

    original: str | None
    text: str
    manual: list[str] = field(default_factory=list)


def run_edits(
    project: Path, edits: list[tuple[str, Callable[[str], EditResult]]]
) -> dict[str, EditedFile]:
    """Apply wiring codemods in memory, in order, several per file. Pure: writes nothing."""
    files: dict[str, EditedFile] = {}
    for path, edit in edits:
        if path not in files:
            original = read_text(project, path)
            files[path] = EditedFile(original, original or "")
        edited = files[path]
        if edited.original is None:
            if not edited.manual:
                edited.manual.append("the file is missing")
            continue
        result = edit(edited.text)
        if result.outcome is Outcome.UNABLE:
            edited.manual.append(result.manual or "")
        edited.text = result.text
    return files


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
