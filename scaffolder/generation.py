"""Bringing a project in line with its spec: render → plan → (apply), DESIGN.md's pipeline.

`prepare()` is pure. It renders every resource of the spec, derives a migration
from the difference with the last applied spec, computes the wiring edits, formats
all Python once, then decides per file what to do — three-way merging files the
user edited — and computes the `.scaffold/` state that records the run. Both
`scaffold generate resource` and `scaffold sync` (and `scaffold new --spec`) run it;
the CLI prints the plan (`--dry-run`), checks it (`--check`) or applies it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from scaffolder import __version__
from scaffolder.checkpoints import checkpoint
from scaffolder.errors import UsageError
from scaffolder.model.spec import Spec
from scaffolder.plan import Action, FileOp, Plan

if TYPE_CHECKING:
    from scaffolder.codemods.wiring import Edit
    from scaffolder.model.spec import Resource
    from scaffolder.plan.planner import EditedFile
    from scaffolder.progress import Progress
    from scaffolder.render.reads import Fingerprinter
    from scaffolder.state import FileRecord, Fingerprints, Manifest, Rendered

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


#: What makes a top-level directory the project's package, the one resource code goes into.
PACKAGE_MARKERS = ("main.py", "models/base.py")


def packages_in(paths: Iterable[str]) -> list[str]:
    """The top-level directories holding every `PACKAGE_MARKERS` file, among POSIX paths
    relative to a project root."""
    files = set(paths)
    tops = {path.split("/", 1)[0] for path in files if "/" in path}
    return sorted(top for top in tops if all(f"{top}/{m}" in files for m in PACKAGE_MARKERS))


def find_package(project: Path) -> str:
    """The project's Python package: the directory holding `main.py` and `models/base.py`."""
    found = [p for marker in PACKAGE_MARKERS for p in project.glob(f"*/{marker}")]
    candidates = packages_in(p.relative_to(project).as_posix() for p in found)
    if len(candidates) != 1:
        raise UsageError(
            f"{project.resolve()} is not a scaffold project: no package holds both "
            + " and ".join(PACKAGE_MARKERS)
            if not candidates
            else f"several packages look like the project's: {', '.join(candidates)}",
            hint="scaffold generates into that package: run inside a project made by "
            "`scaffold new` (a custom --blueprint must make one; see docs/customizing.md), "
            "or pass `-C PROJECT_DIR`",
        )
    return candidates[0]


def applied_spec(
    project: Path, current: Spec | None = None, text: str | None = None
) -> Spec | None:
    """The spec the generated code reflects (`.scaffold/spec.yaml`), if any: `current`
    itself when `text`, the text `current` was parsed from, is the same."""
    from scaffolder.spec import parse_spec
    from scaffolder.state import SPEC_PATH

    applied = project / SPEC_PATH
    if not applied.is_file():
        return None
    applied_text = applied.read_text(encoding="utf-8")
    if current is not None and applied_text == text:
        return current
    return parse_spec(applied_text, SPEC_PATH)


def prepare(
    project: Path,
    spec: Spec,
    spec_text: str,
    progress: Progress | None = None,
) -> Generation:
    """Plan bringing `project` in line with `spec` (whose text becomes scaffold.yaml).

    `progress` hears of each resource rendered and of the formatting pass (long runs).
    """
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
    from scaffolder.render.reads import Fingerprinter
    from scaffolder.render.resource import ResourceRenderer
    from scaffolder.state import (
        FINGERPRINTS_PATH,
        MANIFEST_PATH,
        PROJECT_OWNER,
        Fingerprints,
        Rendered,
        digest,
        load_fingerprints,
        load_manifest,
        read_base,
    )

    checkpoint("prepare")
    package = find_package(project)
    old = applied_spec(project, spec, spec_text)
    manifest = load_manifest(project) if (project / MANIFEST_PATH).is_file() else None
    records = dict(manifest.files) if manifest is not None else {}
    recorded = load_fingerprints(project)
    context = _render_context(project, package)
    fingerprint = Fingerprinter(spec, context)

    renderer: ResourceRenderer | None = None
    tree: dict[str, str] = {}
    owners: dict[str, str] = {}
    fresh: set[str] = set()  # rendered by this run (the rest is a base, formatted already)
    rendered: dict[str, Rendered] = {}
    for done, resource in enumerate(spec.resources, 1):
        previous = recorded.resources.get(resource.name)
        files = _unchanged_rendering(project, fingerprint, resource, previous, records)
        if files is not None and previous is not None:
            fresh.difference_update(files)
            rendered[resource.name] = previous
        else:
            renderer = renderer or ResourceRenderer(spec, package, project)
            files, reads = renderer.render_recorded(resource)
            fresh.update(files)
            rendered[resource.name] = Rendered(fingerprint(resource, reads), tuple(sorted(reads)))
        for path, text in files.items():
            tree[path] = text
            owners[path] = resource.name
        if progress is not None:
            progress("rendering", done, len(spec.resources))
    inits = _package_inits(project, package, tree)
    tree.update(inits)
    fresh.update(inits)

    skeleton, skeleton_state, skeleton_warnings = _skeleton(project)
    versions = versions_on_disk(project)
    upgrades = _skeleton_migrations(project, skeleton, records, versions)
    for path, text in upgrades.items():
        tree[path] = text
        owners[path] = "migration"
        fresh.add(path)
        skeleton_warnings.append(
            f"the upgraded project skeleton changes the database: {path} brings existing "
            "databases up to date (`alembic upgrade head`)"
        )
    changes = diff_specs(old, spec)
    migration: str | None = None
    if not changes.empty:
        path, text = new_revision(
            {**versions, **upgrades},
            message=_sentence(changes.summary),
            slug=_slug(changes.summary),
            upgrade=changes.upgrade,
            downgrade=changes.downgrade,
            project=project,
        )
        tree[path] = text
        owners[path] = "migration"
        migration = path
        fresh.add(path)

    from scaffolder.spec.json_schema import SCHEMA_PATH, schema_text

    tree[SCHEMA_PATH] = schema_text()  # editors' help with scaffold.yaml, current with the tool
    owners[SCHEMA_PATH] = PROJECT_OWNER
    bases = {p: read_base(project, r) for p, r in records.items() if p in tree or p in skeleton}
    edited = _unchanged_wiring(project, old == spec, manifest, recorded, skeleton)
    wired: dict[str, str] = {}  # the user's side of each re-rendered skeleton file this run wires
    if edited is None:
        from scaffolder.codemods.wiring import wiring_edits  # libcst

        edits = wiring_edits(spec, old, package)
        edited = run_edits(project, edits)
    if skeleton:  # a re-rendered skeleton: its merge needs the edits themselves
        skeleton.update(_wire(project, edits, skeleton))
        wired, rewired = _merge_sides(project, edits, edited, skeleton, bases, package)
        bases.update(rewired)
    for path in skeleton:  # a re-rendered skeleton file is merged like the rest
        tree[path] = skeleton[path]
        owners[path] = PROJECT_OWNER
        fresh.add(path)
    changed = {
        p: f.text for p, f in edited.items() if f.original is not None and f.text != f.original
    }
    if progress is not None:
        progress("formatting", 0, None)
    # the run's one ruff pass, over what it rendered or edited
    formatted = format_python({**{p: tree[p] for p in fresh}, **changed}, package)
    tree.update({path: formatted[path] for path in fresh})
    for path in changed:
        edited[path].text = formatted[path]

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
    plan_generated(plan, project, tree, bases, owners, create_only=frozenset(inits), wired=wired)
    plan_orphans(plan, project, orphans, old_owners)
    plan_edited(plan, edited)
    _format_merges(plan, package)

    state = _next_state(project, manifest, tree, owners, orphans, spec_text)
    state.update(skeleton_state)
    wiring = None  # recorded only when every wiring edit was made (nothing left to do by hand)
    if not skeleton and not any(f.manual for f in edited.values()):
        wiring = {p: digest(f.text) for p, f in edited.items() if f.original is not None}
    state[FINGERPRINTS_PATH] = Fingerprints(
        context, dict(sorted(rendered.items())), wiring
    ).to_json()
    from scaffolder.render.catalog import stray_warnings

    # a misspelt override is unused: say so
    warnings = [*changes.warnings, *skeleton_warnings, *stray_warnings(project)]
    return Generation(plan, state, [r.name for r in spec.resources], migration, warnings)


def prepare_unchanged(project: Path, spec_text: str) -> Generation | None:
    """The plan of a run none of whose inputs changed since the last one — spec (as text),
    scaffold version, blueprints and overrides, skeleton blueprint, wired files — made
    from the bases alone, without parsing the spec or rendering; None when anything
    changed (`prepare` then). Only the user's edits of generated files are left to
    plan: kept, or conflict markers still there."""
    from scaffolder.plan.planner import plan_edited, plan_generated, read_text
    from scaffolder.state import (
        MANIFEST_PATH,
        PROJECT_OWNER,
        SPEC_PATH,
        load_fingerprints,
        load_manifest,
        read_base,
    )

    if read_text(project, SPEC_FILE) != spec_text or read_text(project, SPEC_PATH) != spec_text:
        return None
    if not (project / MANIFEST_PATH).is_file() or not _skeleton_unchanged(project):
        return None
    manifest = load_manifest(project)
    recorded = load_fingerprints(project)
    package = find_package(project)
    if recorded.context != _render_context(project, package):
        return None
    edited = _unchanged_wiring(project, True, manifest, recorded, {})
    owners = {
        path: record.owner
        for path, record in manifest.files.items()
        if record.owner not in (PROJECT_OWNER, "migration")
    }
    if edited is None or set(owners.values()) != set(recorded.resources):
        return None
    from scaffolder.spec.json_schema import SCHEMA_PATH

    if SCHEMA_PATH in manifest.files:  # it depends on scaffold's version only
        owners[SCHEMA_PATH] = PROJECT_OWNER
    bases = {path: read_base(project, manifest.files[path]) for path in owners}
    tree = dict(bases)
    inits = _package_inits(project, package, tree)
    tree.update(inits)
    plan = Plan()
    plan_generated(plan, project, tree, bases, owners, create_only=frozenset(inits))
    plan_edited(plan, edited)
    from scaffolder.render.catalog import stray_warnings

    return Generation(plan, {}, sorted(recorded.resources), warnings=stray_warnings(project))


def _skeleton_unchanged(project: Path) -> bool:
    """Whether the project blueprint (bundled, or the project's own `--blueprint`) is the
    one the skeleton was rendered with; an unreachable one is not (`prepare` warns)."""
    from scaffolder.project.skeleton import blueprint_digest, resolved_source
    from scaffolder.state import load_skeleton_record

    record = load_skeleton_record(project)
    if record is None:
        return True
    source = resolved_source(record.source, project) if record.source is not None else None
    try:
        return record.blueprint == blueprint_digest(source)
    except UsageError:
        return False


def _render_context(project: Path, package: str) -> dict[str, str]:
    """What every resource's rendering depends on besides the spec: scaffold, its
    templates (bundled and overrides), the package, and the versions of the Jinja that
    renders them and the ruff that lays them out."""
    from importlib.metadata import version

    from scaffolder.render.blueprints import blueprints_digest

    return {
        "generator": __version__,
        "blueprints": blueprints_digest("resource", project),
        "package": package,
        "jinja2": version("jinja2"),
        "ruff": version("ruff"),
    }


def _unchanged_rendering(
    project: Path,
    fingerprint: Fingerprinter,
    resource: Resource,
    previous: Rendered | None,
    records: dict[str, FileRecord],
) -> dict[str, str] | None:
    """The files of `resource` without rendering them, when nothing its rendering reads has
    changed since the last run: rendering is deterministic, so they are their bases."""
    from scaffolder.render.resource import resource_files
    from scaffolder.state import read_base

    if previous is None or fingerprint(resource, previous.reads) != previous.fingerprint:
        return None
    files: dict[str, str] = {}
    for blueprint in resource_files(resource):
        path = blueprint.output_path(fingerprint.context["package"], resource)
        record = records.get(path)
        if record is None:
            return None
        try:
            files[path] = read_base(project, record)
        except OSError:  # a base removed by hand: render again
            return None
    return files


def _unchanged_wiring(
    project: Path,
    same_spec: bool,
    manifest: Manifest | None,
    recorded: Fingerprints,
    skeleton: dict[str, str],
) -> dict[str, EditedFile] | None:
    """The wired files as they are, when the wiring edits would all find their wiring
    present: same spec and scaffold as the last run, which made every edit, and every
    wired file still as that run left it. None: run the edits."""
    from scaffolder.plan.planner import EditedFile, read_text
    from scaffolder.state import digest

    if (
        skeleton
        or recorded.wiring is None
        or not same_spec
        or manifest is None
        or manifest.generator != f"scaffold {__version__}"
    ):
        return None
    files: dict[str, EditedFile] = {}
    for path, text_digest in recorded.wiring.items():
        current = read_text(project, path)
        if current is None or digest(current) != text_digest:
            return None
        files[path] = EditedFile(current, current)
    return files


def _wire(project: Path, edits: list[Edit], sources: Mapping[str, str]) -> dict[str, str]:
    """The texts of `sources` (by path) that the run's wiring edits apply to, edited."""
    from scaffolder.plan.planner import run_edits

    mine = [(path, edit) for path, edit in edits if path in sources]
    return {path: f.text for path, f in run_edits(project, mine, sources).items()}


def _merge_sides(
    project: Path,
    edits: list[Edit],
    edited: dict[str, EditedFile],
    skeleton: Mapping[str, str],
    bases: Mapping[str, str],
    package: str,
) -> tuple[dict[str, str], dict[str, str]]:
    """The user's side and the base of the merge of each re-rendered skeleton file the run
    wires, both with the run's wiring made and formatted, like the new rendering; those
    files leave `edited` (only the wiring left to do by hand stays there, to be shown).

    A wired file's recorded base is the skeleton as last rendered: without wiring
    (`scaffold new` records it so) or with an older spec's (an earlier upgrade). The
    same idempotent edits made to the three sides leave scaffold's wiring, old and new,
    common to them all: the merge sees only the user's edits and the blueprint's.
    """
    from scaffolder.plan.planner import EditedFile
    from scaffolder.render.formatting import format_python

    ours: dict[str, str] = {}
    texts: dict[str, str] = {}  # to format, in one batch: each side under its own folder
    for path in skeleton:
        mine = edited.get(path)
        if mine is None or mine.original is None:
            continue  # not wired, or deleted by the user (`edited` tells)
        del edited[path]
        if mine.manual:  # shown as wiring to add by hand; the file itself is merged
            edited[path] = EditedFile(mine.original, mine.original, mine.manual)
        ours[path] = mine.original
        if mine.text != mine.original:
            texts[f"ours/{path}"] = mine.text
    recorded = {path: bases[path] for path in ours if path in bases}
    texts.update({f"base/{p}": text for p, text in _wire(project, edits, recorded).items()})
    formatted = format_python(texts, package)
    ours.update({p: formatted[f"ours/{p}"] for p in ours if f"ours/{p}" in texts})
    return ours, {p: formatted[f"base/{p}"] for p in recorded}


def _skeleton_migrations(
    project: Path,
    skeleton: dict[str, str],
    records: Mapping[str, FileRecord],
    versions: Mapping[str, str],
) -> dict[str, str]:
    """The revisions bringing existing databases up to date with a re-rendered skeleton.

    The skeleton's migrations the project already has are history: their databases ran
    them. Each keeps the project's version (its base: what scaffold wrote, so the user's
    edits stay too), and what the new blueprint changed in them comes as new revisions
    after the project's head (`scaffolder.migrate.skeleton`).
    """
    from scaffolder.migrate.skeleton import is_skeleton_migration, upgrade_revisions
    from scaffolder.state import read_base

    upgrades = upgrade_revisions(skeleton, versions, project)
    for path in [p for p in skeleton if is_skeleton_migration(p) and p in versions]:
        skeleton[path] = read_base(project, records[path]) if path in records else versions[path]
    return upgrades


def _skeleton(project: Path) -> tuple[dict[str, str], dict[str, str], list[str]]:
    """The project skeleton rendered anew, when its blueprint changed since it was rendered
    (a scaffold upgrade, or a new version of the project's own `--blueprint`), with the
    state recording it; else nothing to do: ({}, {}, []). A blueprint that cannot be
    reached (a git URL, offline) is a warning: the rest of the run goes on."""
    from scaffolder.project.skeleton import blueprint_digest, rerender_skeleton, resolved_source
    from scaffolder.state import SKELETON_PATH, load_skeleton_record, skeleton_record

    record = load_skeleton_record(project)
    if record is None:
        return {}, {}, []
    source = resolved_source(record.source, project) if record.source is not None else None
    try:
        digest = blueprint_digest(source)
    except UsageError as error:
        return {}, {}, [f"{error}; the project skeleton was not checked for an upgrade"]
    if digest == record.blueprint:
        return {}, {}, []
    files = rerender_skeleton(record.answers, source)
    return files, {SKELETON_PATH: skeleton_record(record.answers, digest, record.source)}, []


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
            if path in orphans or path in owners:  # gone, or replaced by the new rendering
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
