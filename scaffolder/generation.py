"""Bringing a project in line with its spec: render → plan → (apply), DESIGN.md's pipeline.

`prepare()` is pure. It renders every resource of the spec, derives a migration
from the difference with the last applied spec, computes the wiring edits, formats
all Python once, then decides per file what to do — three-way merging files the
user edited — and computes the `.scaffold/` state that records the run. Both
`scaffold generate resource` and `scaffold sync` (and `scaffold new --spec`) run it;
the CLI prints the plan (`--dry-run`), checks it (`--check`) or applies it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from scaffolder import __version__
from scaffolder.errors import UsageError
from scaffolder.model.spec import Spec
from scaffolder.plan import Action, FileOp, Plan

if TYPE_CHECKING:
    from scaffolder.progress import Progress
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
    """The outcome of planning a run."""

    plan: Plan
    state: dict[str, str]  # `.scaffold/` files to write after the plan
    resources: list[str]  # what was rendered, in spec order
    migration: str | None = None  # path of the new migration, if any
    warnings: list[str] = field(default_factory=list)  # data-loss warnings of the migration


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


def applied_spec(project: Path) -> Spec | None:
    """The spec the generated code reflects (`.scaffold/spec.yaml`), if any."""
    from scaffolder.spec import parse_spec
    from scaffolder.state import SPEC_PATH

    applied = project / SPEC_PATH
    if not applied.is_file():
        return None
    return parse_spec(applied.read_text(encoding="utf-8"), SPEC_PATH)


def prepare(
    project: Path, spec: Spec, spec_text: str, progress: Progress | None = None
) -> Generation:
    """Plan bringing `project` in line with `spec` (whose text becomes scaffold.yaml).

    `progress` hears of each resource rendered and of the formatting pass (long runs).
    """
    from scaffolder.codemods.wiring import wiring_edits
    from scaffolder.migrate.diff import diff_specs
    from scaffolder.migrate.revisions import new_revision, versions_on_disk
    from scaffolder.plan.planner import (
        plan_edited,
        plan_generated,
        plan_orphans,
        read_text,
        run_edits,
    )
    from scaffolder.render.formatting import format_python
    from scaffolder.render.resource import ResourceRenderer
    from scaffolder.state import MANIFEST_PATH, PROJECT_OWNER, load_manifest, read_base

    package = find_package(project)
    old = applied_spec(project)

    renderer = ResourceRenderer(spec, package, project)
    tree: dict[str, str] = {}
    owners: dict[str, str] = {}
    for done, resource in enumerate(spec.resources, 1):
        for path, text in renderer.render(resource).items():
            tree[path] = text
            owners[path] = resource.name
        if progress is not None:
            progress("rendering", done, len(spec.resources))
    inits = _package_inits(project, package, tree)
    tree.update(inits)

    changes = diff_specs(old, spec)
    migration: str | None = None
    if not changes.empty:
        path, text = new_revision(
            versions_on_disk(project),
            message=_sentence(changes.summary),
            slug=_slug(changes.summary),
            upgrade=changes.upgrade,
            downgrade=changes.downgrade,
            project=project,
        )
        tree[path] = text
        owners[path] = "migration"
        migration = path

    skeleton, skeleton_state = _skeleton(project)
    edited = run_edits(project, wiring_edits(spec, old, package), sources=skeleton)
    for path in skeleton:  # a re-rendered skeleton file is wired, then merged like the rest
        if path in edited:
            skeleton[path] = edited.pop(path).text
        tree[path] = skeleton[path]
        owners[path] = PROJECT_OWNER
    changed = {
        p: f.text for p, f in edited.items() if f.original is not None and f.text != f.original
    }
    if progress is not None:
        progress("formatting", 0, None)
    formatted = format_python({**tree, **changed}, package)  # the run's one ruff pass
    tree = {path: formatted[path] for path in tree}
    for path in changed:
        edited[path].text = formatted[path]

    manifest = load_manifest(project) if (project / MANIFEST_PATH).is_file() else None
    records = dict(manifest.files) if manifest is not None else {}
    bases = {p: read_base(project, r) for p, r in records.items() if p in tree}
    orphans = {
        p: read_base(project, r)
        for p, r in records.items()
        if p not in tree and r.owner not in (PROJECT_OWNER, "migration")
    }
    old_owners = {p: r.owner for p, r in records.items()}

    plan = Plan()
    current_spec = read_text(project, SPEC_FILE)
    if current_spec != spec_text:
        action = Action.CREATE if current_spec is None else Action.UPDATE
        plan.add(FileOp(action, SPEC_FILE, spec_text, current_spec))
    plan_generated(plan, project, tree, bases, owners, create_only=frozenset(inits))
    plan_orphans(plan, project, orphans, old_owners)
    plan_edited(plan, edited)
    _format_merges(plan, package)

    state = _next_state(project, manifest, tree, owners, orphans, spec_text)
    state.update(skeleton_state)
    from scaffolder.render.catalog import stray_warnings

    warnings = [*changes.warnings, *stray_warnings(project)]  # a misspelt override is unused
    return Generation(plan, state, [r.name for r in spec.resources], migration, warnings)


def _skeleton(project: Path) -> tuple[dict[str, str], dict[str, str]]:
    """The project skeleton rendered anew, when its blueprint changed since it was rendered
    (a scaffold upgrade), with the state recording it; else nothing to do: ({}, {})."""
    from scaffolder.project.skeleton import blueprint_digest, rerender_skeleton
    from scaffolder.state import SKELETON_PATH, load_skeleton_record, skeleton_record

    record = load_skeleton_record(project)
    if record is None:
        return {}, {}
    digest = blueprint_digest()
    if digest == record.blueprint:
        return {}, {}
    files = rerender_skeleton(record.answers)
    return files, {SKELETON_PATH: skeleton_record(record.answers, digest)}


def _format_merges(plan: Plan, package: str) -> None:
    """Lay out cleanly merged Python like everything else scaffold writes."""
    from scaffolder.render.formatting import FormattingError, format_python

    merged = {op.path: op.text for op in plan.ops if op.action is Action.MERGE and op.text}
    python = {p: t for p, t in merged.items() if p.endswith(".py")}
    if not python:
        return
    try:
        formatted = format_python(python, package)
    except FormattingError:
        return
    plan.ops = [
        FileOp(op.action, op.path, formatted[op.path], op.current, op.note, op.owner)
        if op.action is Action.MERGE and op.path in formatted
        else op
        for op in plan.ops
    ]


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
    tree: dict[str, str],
    owners: dict[str, str],
    orphans: dict[str, str],
    spec_text: str,
) -> dict[str, str]:
    """`.scaffold/` after the run: the new rendering is the base of every generated file.

    Files no longer generated leave the manifest (deleted, or kept as the user's own).
    """
    from scaffolder.state import read_base, state_files

    generated: dict[str, str] = {}
    all_owners: dict[str, str] = {}
    if manifest is not None:
        for path, record in manifest.files.items():
            if path in orphans:
                continue
            generated[path] = read_base(project, record)
            all_owners[path] = record.owner
    for path, text in tree.items():
        if path in owners:  # package __init__ files are the user's from the start
            generated[path] = text
            all_owners[path] = owners[path]
    return state_files(generated, spec_text, f"scaffold {__version__}", all_owners)


def _sentence(summary: list[str]) -> str:
    """The migration's one-line message: `Create authors, posts; drop tags.`, cut at 72."""
    text = "; ".join(summary)
    text = text[:1].upper() + text[1:]
    if len(text) <= 72:
        return text + "."
    return text[:69].rsplit(" ", 1)[0].rstrip(",;") + "…"


def _slug(summary: list[str]) -> str:
    import re

    words = re.sub(r"[^a-z0-9]+", "_", " ".join(summary[:2]).lower()).strip("_")
    return words[:48].rstrip("_") or "update"
