"""`scaffold destroy resource`: remove a resource from the spec, with its code and table."""

from __future__ import annotations

from pathlib import Path

from scaffolder import workspace
from scaffolder.errors import UsageError
from scaffolder.generation import Generation
from scaffolder.model.spec import Spec
from scaffolder.plan import Action, FileOp
from scaffolder.progress import Progress
from scaffolder.spec import parse_spec
from scaffolder.spec.edit import remove_resource
from scaffolder.state import SPEC_FILE
from scaffolder.suggest import did_you_mean


def destroy_resource(
    project: Path,
    name: str,
    *,
    force: bool,
    dry_run: bool,
    progress: Progress | None = None,
) -> Generation:
    """Plan (and unless dry_run, apply) removing `name`; refuse while others refer to it."""
    text = workspace.load(project)
    _check_removable(parse_spec(text, SPEC_FILE), name)
    remaining = remove_resource(text, SPEC_FILE, name)
    generation = workspace.prepare(project, parse_spec(remaining, SPEC_FILE), remaining, progress)
    if force:  # edited files go too: the user asked for it
        generation.plan.ops = [
            FileOp(Action.REMOVE, op.path, None, op.current, owner=op.owner)
            if op.action is Action.KEEP
            else op
            for op in generation.plan.ops
        ]
    if not dry_run:
        workspace.apply(project, generation.plan, generation.state)
    return generation


def _check_removable(spec: Spec, name: str) -> None:
    """Refuse a resource the spec does not declare, or one that others still refer to."""
    if not spec.has_resource(name):
        declared = [r.name for r in spec.resources]
        raise UsageError(
            f"resource `{name}` is not declared in {SPEC_FILE}",
            hint=did_you_mean(name, declared),
        )
    referring = [
        f"{r.name}.{f.name}"
        for r in spec.resources
        if r.name != name
        for f in r.fields
        if f.relation is not None and f.relation.target == name
    ]
    if referring:
        verb = "refers" if len(referring) == 1 else "refer"
        raise UsageError(
            f"cannot destroy `{name}`: {', '.join(referring)} {verb} to it",
            hint="remove or change those fields first (then `scaffold sync`)",
        )
