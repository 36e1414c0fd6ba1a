"""`scaffold generate resource`: declare (optionally) and generate one resource."""

from __future__ import annotations

from pathlib import Path

from scaffolder import workspace
from scaffolder.errors import UsageError
from scaffolder.generation import Generation
from scaffolder.progress import Progress
from scaffolder.spec import parse_cli_fields, parse_spec
from scaffolder.spec.edit import add_resource
from scaffolder.state import SPEC_FILE
from scaffolder.suggest import did_you_mean


def generate_resource(
    project: Path,
    name: str,
    fields: list[str],
    layers: list[str] | None,
    *,
    dry_run: bool = False,
    progress: Progress | None = None,
) -> Generation:
    """Add `name` with `fields` to the spec (if given), then generate it. Applies unless dry_run."""
    original = workspace.load(project)
    text = original
    if fields or layers is not None:
        parsed = parse_cli_fields(fields) if fields else []
        if not parsed:
            raise UsageError(
                f"`--layers` needs fields to declare `{name}` with",
                hint=f"set `layers:` of `{name}` in {SPEC_FILE} instead",
            )
        text = add_resource(original, SPEC_FILE, name, parsed, layers)
    # Problems in the declaration just added point at lines not yet on disk: say so.
    spec = parse_spec(text, SPEC_FILE if text == original else f"{SPEC_FILE} (with {name} added)")
    if not spec.has_resource(name):
        declared = [r.name for r in spec.resources]
        raise UsageError(
            f"resource `{name}` is not declared in {SPEC_FILE}",
            hint=did_you_mean(name, declared)
            or f"give its fields: scaffold generate resource {name} title:str(200) …",
        )
    generation = workspace.prepare(project, spec, text, progress)
    if not dry_run:
        workspace.apply(project, generation.plan, generation.state)
    return generation
