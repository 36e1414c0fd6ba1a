"""Bringing a project in line with its spec: DESIGN.md's pipeline, stage by stage.

`prepare()` is pure, and a composition of stages, each a module of this package with
typed inputs and outputs:

1. render (`rendering`, `skeleton`): every resource's files, from one caching
   renderer (a resource whose inputs did not change gets its bases); the skeleton
   anew if its blueprint changed, or that of a new project (`NewSkeleton`, rendered
   by `scaffold new`: its files are created with the resources');
2. migration (`migration`): the revisions the spec change (and a skeleton upgrade)
   needs;
3. wiring (`wiring`): the edits of the hand-owned files, in memory;
4. layout (`layout`): one ruff pass over all the Python the run rendered or edited;
5. plan (`planning`): per file, what to do — three-way merging the files the user
   edited;
6. state (`state`): the `.scaffold/` files recording the run.

A run none of whose inputs changed takes the same path: every resource's files are
its bases, the wiring is skipped, no migration, nothing to lay out.
`scaffold new`, `generate resource`, `destroy resource` and `sync` run it; the CLI
prints the plan (`--dry-run`), checks it (`--check`) or applies it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from scaffolder.checkpoints import checkpoint
from scaffolder.generation.layout import lay_out
from scaffolder.generation.migration import derive_migrations
from scaffolder.generation.planning import orphans_of, plan_run
from scaffolder.generation.plurals import earlier_plurals, pinned_note
from scaffolder.generation.project_state import ProjectState, applied_spec
from scaffolder.generation.rendering import Tree, render_resources
from scaffolder.generation.skeleton import (
    NewSkeleton,
    SkeletonUpgrade,
    upgrade_skeleton,
)
from scaffolder.generation.state import next_state
from scaffolder.generation.wiring import wire, wire_new
from scaffolder.model.spec import Spec
from scaffolder.plan import Plan
from scaffolder.render.catalog import stray_warnings
from scaffolder.spec import parse_spec
from scaffolder.spec.edit import set_plurals
from scaffolder.spec.json_schema import SCHEMA_PATH, schema_text
from scaffolder.state import PROJECT_OWNER, SPEC_FILE

if TYPE_CHECKING:
    from scaffolder.progress import Progress

__all__ = ["Generation", "NewSkeleton", "applied_spec", "prepare"]


@dataclass
class Generation:
    """The outcome of planning a run."""

    plan: Plan
    state: dict[str, str]  # `.scaffold/` files to write after the plan
    resources: list[str]  # what was rendered, in spec order
    migration: str | None = None  # path of the new migration, if any
    warnings: list[str] = field(default_factory=list)  # data-loss warnings of the migration


def prepare(
    project: Path,
    spec: Spec,
    spec_text: str,
    progress: Progress | None = None,
    new: NewSkeleton | None = None,
) -> Generation:
    """Plan bringing `project` in line with `spec` (whose text becomes scaffold.yaml).

    `new` is the skeleton of a project `scaffold new` is making in `project` (empty):
    planned with the resources, as files to create. `progress` hears of each resource
    rendered and of the layout pass (long runs).
    """
    checkpoint("prepare")
    state = ProjectState.load(project, new.package if new is not None else None)
    pinned = earlier_plurals(state, spec)
    if pinned:  # a project made before plural words were kept: its names stay
        spec_text = set_plurals(spec_text, SPEC_FILE, pinned)
        spec = parse_spec(spec_text, SPEC_FILE)
    old = applied_spec(project, spec, spec_text, pinned)
    rendering = render_resources(spec, state, progress)
    created = new.files if new is not None else {}
    upgrade = upgrade_skeleton(project) if new is None else SkeletonUpgrade(state=new.state)
    migrations = derive_migrations(state, old, spec, upgrade.files, created)
    tree = _assembled(state, rendering.tree, migrations.files, created)
    skeleton = {**upgrade.files, **migrations.history}
    bases = state.bases([*tree.texts, *skeleton])
    wiring = (
        wire(state, spec, old, skeleton, bases) if new is None else wire_new(state, spec, created)
    )
    for path, text in wiring.skeleton.items():  # a re-rendered skeleton is merged like the rest
        tree.add(path, text, PROJECT_OWNER, fresh=True)
    tree, wiring = lay_out(tree, wiring, state.package, progress)
    orphans = orphans_of(state, tree)
    plan = plan_run(state, spec_text, tree, bases, orphans, wiring)
    new_state = next_state(
        state, spec_text, tree, orphans, rendering.fingerprints, wiring, upgrade.state
    )
    warnings = [*pinned_note(pinned), *migrations.warnings, *upgrade.warnings]
    warnings += migrations.upgrade_notes
    warnings += _stray_warnings(project)
    names = [r.name for r in spec.resources]
    return Generation(plan, new_state, names, migrations.path, warnings)


def _assembled(
    state: ProjectState, resources: Tree, migrations: dict[str, str], created: dict[str, str]
) -> Tree:
    """The tree the run plans, but for a re-rendered skeleton (wired first): the
    resources' files, the missing package inits, the new migrations, the JSON Schema
    of scaffold.yaml (editors' help, current with the tool), and a new project's
    skeleton (`created`), as rendered: its base."""

    tree = resources
    tree.add_package_inits(state.root, state.package, created)
    for path, text in migrations.items():
        tree.add(path, text, "migration", fresh=True)
    tree.add(SCHEMA_PATH, schema_text(), PROJECT_OWNER, fresh=False)
    for path, text in created.items():
        tree.add(path, text, PROJECT_OWNER, fresh=True)
    return tree


def _stray_warnings(project: Path) -> list[str]:
    """A misspelt blueprint override is unused: say so."""

    return stray_warnings(project)
