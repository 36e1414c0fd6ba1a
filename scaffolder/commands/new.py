"""`scaffold new`: a project skeleton from the project blueprint, written all at once.

Inputs are checked first (spec validated, answers, destination), then the blueprint
is rendered in memory and handed with the spec (an empty one without --spec) to the
one `workspace.prepare` every command uses: skeleton and resources are planned, wired
and laid out (one ruff pass) together, with the `.scaffold/` state recording them.
That plan is applied once, in a hidden sibling directory, which is only then renamed
into place. A failure at any step leaves the destination exactly as it was (absent if
it did not exist). A dry run does the same in a scratch directory.
"""

from __future__ import annotations

import os
import re
import secrets
import shutil
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from scaffolder import workspace
from scaffolder.checkpoints import checkpoint
from scaffolder.errors import UsageError, display_path
from scaffolder.generation import NewSkeleton
from scaffolder.model.spec import Spec
from scaffolder.plan import Action, FileOp, Plan
from scaffolder.progress import Progress
from scaffolder.project.names import (
    check_package_name,
    derive_package_name,
    derive_project_name,
)
from scaffolder.project.package import PACKAGE_MARKERS, packages_in
from scaffolder.project.skeleton import (
    Skeleton,
    blueprint_digest,
    check_source,
    recorded_source,
    render_skeleton,
)
from scaffolder.render.escape import text_problem
from scaffolder.scratch import scratch_directory
from scaffolder.spec import load_spec
from scaffolder.spec.json_schema import with_modeline
from scaffolder.state import (
    FINGERPRINTS_PATH,
    MANIFEST_PATH,
    SKELETON_PATH,
    Manifest,
    is_state,
    skeleton_record,
)

#: `scaffold.yaml` of a project created without --spec (its first line points YAML
#: editors at the schema in .scaffold/schema.json: completion and checks as you type).
EMPTY_SPEC = """\
# yaml-language-server: $schema=.scaffold/schema.json
# scaffold.yaml: the resources of this project, the source scaffold generates code from.
# Declare resources, then run `scaffold sync`; or let `scaffold generate resource`
# add them. For example:
#
# resources:
#   Post:
#     fields:
#       title: str(200)
#       body: text
#       author: ref(User)
#
# User is built in. The format is documented in scaffold's spec reference.
version: 1
resources: {}
"""


@dataclass(frozen=True)
class NewProject:
    """What `scaffold new` created (or, in a dry run, would create)."""

    path: Path
    package_name: str | None  # None: a custom skeleton without a scaffold package
    files: int  # every file written, `.scaffold/` state included
    plan: Plan  # a `create` per project file (state left out, as in every plan)
    migration: str | None = None  # the migration of the spec's resources, if any


def create_project(
    destination: Path,
    *,
    spec_path: Path | None = None,
    answers: Mapping[str, str] | None = None,
    interactive: bool = False,
    dry_run: bool = False,
    progress: Progress | None = None,
    blueprint: str | None = None,
) -> NewProject:
    """Create a project in `destination` (absent or empty); see the module docstring.

    `blueprint` is a Copier template to render the skeleton from instead of the bundled
    one (a local directory, absolute, or a git URL). A skeleton without the package
    scaffold generates into still makes a project — but not with a spec. A dry run
    computes everything and writes nothing.
    """
    answers = dict(answers or {})
    spec, spec_text = _check_inputs(destination, spec_path, answers, blueprint)
    skeleton, package_name = _render_skeleton(destination, answers, interactive, blueprint)
    if package_name is None and spec is not None:
        raise UsageError(
            f"the skeleton of blueprint {blueprint} is not a scaffold project: "
            + _lacks(packages_in(skeleton.files))
            + "; nothing was written",
            hint="create the project without --spec, or see docs/customizing.md for what "
            "a custom skeleton must contain",
        )
    new = _new_skeleton(skeleton, package_name, destination, blueprint)
    resources = spec if spec is not None else Spec(version=1, resources=())  # EMPTY_SPEC's
    with _new_directory(destination, dry_run=dry_run) as root:
        generation = workspace.prepare(root, resources, spec_text, progress, new)
        state = generation.state if spec is not None else _unfingerprinted(generation.state)
        changed = workspace.apply(root, generation.plan, state, undoable=False)
    files = _written(generation.plan, changed)
    return NewProject(
        destination, package_name, len(files), _creations(files), generation.migration
    )


def _check_inputs(
    destination: Path, spec_path: Path | None, answers: Mapping[str, str], blueprint: str | None
) -> tuple[Spec | None, str]:
    """Refuse, before anything is rendered, what would make the project fail: a taken
    destination, an unusable blueprint, an invalid spec or answer. The spec and the
    text `scaffold.yaml` gets (with the schema's modeline)."""
    _check_destination(destination)
    if blueprint is not None:
        check_source(blueprint)
    spec, spec_text = _load_spec(spec_path) if spec_path is not None else (None, EMPTY_SPEC)
    check_answer_text(answers)
    if "package_name" in answers:
        check_package_name(answers["package_name"])
    return spec, with_modeline(spec_text)


def _render_skeleton(
    destination: Path, answers: Mapping[str, str], interactive: bool, blueprint: str | None
) -> tuple[Skeleton, str | None]:
    """The rendered skeleton, and its package (None: a custom skeleton without one)."""
    directory_name = destination.resolve().name
    suggestions = {
        "project_name": derive_project_name(directory_name),
        "package_name": derive_package_name(answers.get("project_name", directory_name)),
    }
    skeleton = render_skeleton(answers, suggestions, interactive=interactive, source=blueprint)
    packages = packages_in(skeleton.files)
    return skeleton, packages[0] if len(packages) == 1 else None


def _new_skeleton(
    skeleton: Skeleton, package_name: str | None, destination: Path, blueprint: str | None
) -> NewSkeleton:
    """The rendered skeleton as the run's input, with the record of what rendered it.
    A custom skeleton without a package gets no resources: its Python is laid out as
    that of a package `app`."""
    source = recorded_source(blueprint, destination) if blueprint is not None else None
    record = skeleton_record(skeleton.answers, blueprint_digest(blueprint), source)
    return NewSkeleton(skeleton.files, package_name or "app", {SKELETON_PATH: record})


def _unfingerprinted(state: Mapping[str, str]) -> dict[str, str]:
    """The state of a project made without a spec: nothing rendered, so no fingerprints
    (the first `sync` records them)."""
    return {path: text for path, text in state.items() if path != FINGERPRINTS_PATH}


def _written(plan: Plan, state: Mapping[str, str | None]) -> dict[str, str]:
    """What the project holds once `plan` and `state` (None: removed) are applied, by
    path."""
    after = {op.path: op.text for op in plan.writes if op.text is not None}
    after.update({path: text for path, text in state.items() if text is not None})
    return dict(sorted(after.items()))


def check_answer_text(answers: Mapping[str, str]) -> None:
    """Refuse `--data` text no generated file could carry: every answer is one line.

    The blueprint writes answers through scaffold's escaping filters (a description
    with quotes or triple quotes is fine); control characters, line breaks and lone
    surrogates are refused here, before anything is rendered.
    """
    for key, value in answers.items():
        problem = text_problem(value)
        if problem is not None:
            raise UsageError(
                f"--data {key}: the value holds {problem}",
                hint="answers are one line of printable text; remove the character",
            )


def _creations(files: Mapping[str, str]) -> Plan:
    """What `new` did, as one plan: a `create` per file, owned as the manifest says."""
    records = Manifest.from_json(files[MANIFEST_PATH]).files
    owners = {path: record.owner for path, record in records.items()}
    return Plan(
        [
            FileOp(Action.CREATE, path, text, owner=owners.get(path))
            for path, text in files.items()
            if not is_state(path)
        ]
    )


def _check_destination(destination: Path) -> None:
    if destination.is_dir() and any(destination.iterdir()):
        raise UsageError(
            f"{display_path(destination)} already exists and is not empty",
            hint="choose a new directory name, or empty this one first",
        )
    if destination.exists() and not destination.is_dir():
        raise UsageError(f"{display_path(destination)} already exists and is not a directory")


def _load_spec(spec_path: Path) -> tuple[Spec, str]:
    """Validate the spec before anything else happens (SpecError: nothing is written)."""
    spec = load_spec(spec_path)
    return spec, spec_path.read_bytes().decode("utf-8")


def _lacks(packages: list[str]) -> str:
    """What a skeleton lacks to be a scaffold project, given the packages that qualify."""
    if packages:
        return f"several packages hold {' and '.join(PACKAGE_MARKERS)}: {', '.join(packages)}"
    return f"no package holds both {' and '.join(PACKAGE_MARKERS)}"


#: The warning after `new` made a project from a skeleton scaffold cannot generate into.
NOT_A_SCAFFOLD_PROJECT = (
    f"this skeleton has no package with {' and '.join(PACKAGE_MARKERS)}: "
    "`scaffold generate` and `sync` refuse to run until it has one (see docs/customizing.md)"
)


@contextmanager
def _new_directory(destination: Path, *, dry_run: bool) -> Iterator[Path]:
    """A directory to make the project in, renamed into place when the block succeeds.

    It is a hidden sibling of `destination` (a scratch directory for a dry run, which
    leaves nothing behind), so the files are written once, where they will stay. An
    existing (empty) destination is kept, so its permissions and any shell sitting in
    it survive: the top-level entries are renamed into it instead. On failure nothing
    is left, and a staging directory a killed run left is removed by the next one.
    """
    if dry_run:
        with scratch_directory("scaffold-new-") as scratch:
            yield Path(scratch)
        return
    destination = destination.resolve()
    destination.parent.mkdir(parents=True, exist_ok=True)
    _remove_stale_staging(destination)
    staging = destination.parent / (
        f".{destination.name}.scaffold-{os.getpid()}-{secrets.token_hex(4)}"
    )
    staging.mkdir()  # honours the umask, unlike tempfile.mkdtemp
    moved: list[Path] = []
    try:
        yield staging
        checkpoint("staged")
        if not destination.exists():
            staging.replace(destination)
            return
        for entry in sorted(staging.iterdir()):
            entry.replace(destination / entry.name)
            moved.append(destination / entry.name)
            checkpoint("move")
        staging.rmdir()
    except BaseException:  # a signal too (`stop_on_signals`): nothing is left
        for entry in moved:
            if entry.is_dir():
                shutil.rmtree(entry)
            else:
                entry.unlink()
        shutil.rmtree(staging, ignore_errors=True)
        raise


def _remove_stale_staging(destination: Path) -> None:
    """Remove the staging directories a `new` of `destination` left when it was killed
    (SIGKILL: no clean-up ran). Named `.NAME.scaffold-PID-XXXXXXXX`, each is removed
    once its process is gone; `.NAME.scaffold-XXXXXXXX`, from versions that did not
    name the process, always."""
    pattern = re.compile(re.escape(f".{destination.name}.scaffold-") + r"(?:(\d+)-)?[0-9a-f]{8}")
    try:
        entries = list(destination.parent.iterdir())
    except OSError:  # unreadable: making the project there fails anyway, and says why
        return
    for entry in entries:
        match = pattern.fullmatch(entry.name)
        if match is None or entry.is_symlink() or not entry.is_dir():
            continue
        if match[1] is None or not _running(int(match[1])):
            shutil.rmtree(entry, ignore_errors=True)


def _running(pid: int) -> bool:
    """Whether a process `pid` exists (this one's own staging directories count as live)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process
        return True
    return True
