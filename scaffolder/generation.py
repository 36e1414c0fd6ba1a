"""Generating resources into a project: render → plan → (apply), the pipeline of DESIGN.md.

`prepare()` is pure: it renders every file the chosen resources need, formats
them once, decides per file what to do, and computes the `.scaffold/` state that
records the run. The CLI prints the plan (`--dry-run`) or applies it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from scaffolder import __version__
from scaffolder.errors import UsageError
from scaffolder.model.spec import Resource, Spec
from scaffolder.plan import Action, FileOp, Plan

if TYPE_CHECKING:
    from scaffolder.state import Manifest

SPEC_FILE = "scaffold.yaml"

#: Packages resource files go into; created (empty but for a docstring) when missing.
PACKAGE_INITS = {
    "schemas": '"""Pydantic schemas: what the API and forms accept and return."""\n',
    "services": '"""Database operations of each resource, shared by the API, views and admin."""\n',
    "api": '"""The JSON API of each resource, mounted under /api."""\n',
    "views": '"""HTML pages of each resource."""\n',
}


@dataclass
class Generation:
    """The outcome of planning a generation run."""

    plan: Plan
    state: dict[str, str]  # `.scaffold/` files to write after the plan
    resources: list[str]  # what was rendered, in spec order
    migration: str | None = None  # path of the new migration, if any
    notes: list[str] = field(default_factory=list)


def find_package(project: Path) -> str:
    """The project's Python package: the directory holding `models/base.py` and `main.py`."""
    candidates = sorted(
        p.parent.parent.name
        for p in project.glob("*/models/base.py")
        if (p.parent.parent / "main.py").is_file()
    )
    if len(candidates) != 1:
        raise UsageError(
            f"{project / SPEC_FILE} is not in a scaffold project"
            if not candidates
            else f"several packages look like the project's: {', '.join(candidates)}",
            hint="run inside a project made by `scaffold new`, or pass `-C PROJECT_DIR`",
        )
    return candidates[0]


def generated_resources(project: Path) -> set[str]:
    """Resources already generated: those of the last applied spec (`.scaffold/spec.yaml`)."""
    from scaffolder.spec import parse_spec
    from scaffolder.state import SPEC_PATH

    applied = project / SPEC_PATH
    if not applied.is_file():
        return set()
    try:
        return {
            r.name for r in parse_spec(applied.read_text(encoding="utf-8"), SPEC_PATH).resources
        }
    except Exception:  # an unreadable old state: regenerate as if nothing was
        return set()


def with_dependencies(spec: Spec, names: list[str]) -> list[str]:
    """`names` plus every declared resource they refer to, transitively, in spec order."""
    wanted: set[str] = set()
    stack = list(names)
    while stack:
        name = stack.pop()
        if name in wanted or not spec.has_resource(name):
            continue
        wanted.add(name)
        stack.extend(spec.resource(name).depends_on)
    return [r.name for r in spec.resources if r.name in wanted]


def prepare(project: Path, spec: Spec, spec_text: str, targets: list[str]) -> Generation:
    """Plan generating `targets` (and what they depend on) into `project`.

    Resources generated before are re-rendered too, since a new relation adds a
    reverse collection to its target; unchanged files come out identical.
    """
    from scaffolder.codemods.wiring import resource_wiring, user_wiring
    from scaffolder.migrate.create import create_resources
    from scaffolder.migrate.revisions import new_revision, versions_on_disk
    from scaffolder.plan.planner import plan_edited, plan_generated, read_text, run_edits
    from scaffolder.render.formatting import format_python
    from scaffolder.render.resource import ResourceRenderer
    from scaffolder.state import load_manifest, read_base

    package = find_package(project)
    before = generated_resources(project)
    chosen = with_dependencies(spec, [*targets, *(n for n in before if spec.has_resource(n))])
    resources = [spec.resource(n) for n in chosen]
    new = [r for r in resources if r.name not in before]

    renderer = ResourceRenderer(spec, package, project)
    tree: dict[str, str] = {}
    owners: dict[str, str] = {}
    for resource in resources:
        for path, text in renderer.render(resource).items():
            tree[path] = text
            owners[path] = resource.name
    inits = _package_inits(project, package, tree)
    tree.update(inits)

    migration: str | None = None
    if new:
        operations = create_resources(new)
        path, text = new_revision(
            versions_on_disk(project),
            message=f"Create {_join(operations.tables)}.",
            slug=_migration_slug(new),
            upgrade=operations.upgrade,
            downgrade=operations.downgrade,
            project=project,
        )
        tree[path] = text
        owners[path] = ", ".join(r.name for r in new)
        migration = path
    edits = [e for r in resources for e in resource_wiring(spec, r, package)]
    edits += user_wiring(spec, package, {r.name for r in resources})
    edited = run_edits(project, edits)
    changed = {
        p: f.text for p, f in edited.items() if f.original is not None and f.text != f.original
    }
    formatted = format_python({**tree, **changed}, package)  # the run's one ruff pass
    tree = {path: formatted[path] for path in tree}
    for path in changed:
        edited[path].text = formatted[path]

    manifest = load_manifest(project) if (project / ".scaffold/manifest.json").is_file() else None
    bases: dict[str, str] = {}
    if manifest is not None:
        bases = {
            path: read_base(project, record)
            for path, record in manifest.files.items()
            if path in tree
        }

    plan = Plan()
    current_spec = read_text(project, SPEC_FILE)
    if current_spec != spec_text:
        action = Action.CREATE if current_spec is None else Action.UPDATE
        plan.add(FileOp(action, SPEC_FILE, spec_text, current_spec))
    plan_generated(plan, project, tree, bases, owners, create_only=frozenset(inits))
    plan_edited(plan, edited)

    state = _next_state(project, manifest, plan, spec_text, owners)
    return Generation(plan, state, chosen, migration)


def _package_inits(project: Path, package: str, tree: dict[str, str]) -> dict[str, str]:
    """`__init__.py` of every package the rendered files live in, when it is missing."""
    inits: dict[str, str] = {}
    for path in tree:
        parent = path.rsplit("/", 1)[0] if "/" in path else ""
        if not path.endswith(".py") or not parent or parent.startswith("migrations"):
            continue
        init = f"{parent}/__init__.py"
        if init in tree or init in inits or (project / init).is_file():
            continue
        folder = parent.rsplit("/", 1)[-1]
        default = (
            f'"""Tests of {folder}."""\n' if parent.startswith("tests/") else f'"""{folder}."""\n'
        )
        inits[init] = PACKAGE_INITS.get(folder, default)
    return inits


def _next_state(
    project: Path,
    manifest: Manifest | None,
    plan: Plan,
    spec_text: str,
    owners: dict[str, str],
) -> dict[str, str]:
    """`.scaffold/` after the run: bases of every generated file (old ones kept), the spec."""
    from scaffolder.state import read_base, state_files

    generated: dict[str, str] = {}
    all_owners: dict[str, str] = {}
    if manifest is not None:
        for path, record in manifest.files.items():
            generated[path] = read_base(project, record)
            all_owners[path] = record.owner
    for op in plan.ops:
        if op.owner is None or op.text is None or op.action is Action.CONFLICT:
            continue  # hand-owned files, and conflicts (their base stays the old one)
        generated[op.path] = op.text
        all_owners[op.path] = op.owner
    return state_files(generated, spec_text, f"scaffold {__version__}", all_owners)


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _migration_slug(resources: list[Resource]) -> str:
    tables = [r.names.table for r in resources]
    if len(tables) > 3:
        return f"create_{tables[0]}_and_{len(tables) - 1}_more"
    return "create_" + "_".join(tables)
