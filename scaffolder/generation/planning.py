"""Stage 5, plan: per file, what the run does — from the new text, the base (what the
last run generated) and the file on disk, three-way merging files the user edited
(`scaffolder.plan.planner`). Pure: the plan is data, applied (or not) by the caller."""

from __future__ import annotations

from collections.abc import Mapping

from scaffolder.generation.layout import merged_layout
from scaffolder.generation.project_state import ProjectState
from scaffolder.generation.rendering import Tree
from scaffolder.generation.wiring import Wiring
from scaffolder.plan import Action, FileOp, Plan
from scaffolder.plan.planner import plan_edited, plan_generated, plan_orphans, read_text
from scaffolder.state import PROJECT_OWNER, SPEC_FILE


def plan_run(
    state: ProjectState,
    spec_text: str,
    tree: Tree,
    bases: Mapping[str, str],
    orphans: Mapping[str, str],
    wiring: Wiring,
) -> Plan:
    """The plan: scaffold.yaml (when its text changes), every generated file (a new
    skeleton's as wired), the files no longer generated (`orphans`, by base), and the
    wired hand-owned files."""
    plan = Plan()
    current_spec = read_text(state.root, SPEC_FILE)
    if current_spec != spec_text:
        action = Action.CREATE if current_spec is None else Action.UPDATE
        plan.add(FileOp(action, SPEC_FILE, spec_text, current_spec))
    plan_generated(
        plan,
        state.root,
        {**tree.texts, **wiring.created},
        {**bases, **wiring.bases},
        tree.owners,
        create_only=tree.create_only,
        wired={path: ours.text for path, ours in wiring.ours.items()},
        layout=merged_layout(state.package),
    )
    owners = {path: record.owner for path, record in state.records.items()}
    plan_orphans(plan, state.root, orphans, owners)
    plan_edited(plan, wiring.edited)
    return plan


def orphans_of(state: ProjectState, tree: Tree) -> dict[str, str]:
    """The files the last run generated for a resource and this one does not (a resource
    or a layer gone), by base: removed, unless the user edited them."""
    return {
        path: state.base(path)
        for path, record in state.records.items()
        if path not in tree.texts and record.owner not in (PROJECT_OWNER, "migration")
    }
