"""`scaffold new`: a project skeleton from the project blueprint, written all at once.

The skeleton is computed in memory first — spec validated, blueprint rendered,
Python formatted, `.scaffold/` state built — then written to a hidden sibling
directory, where a spec's resources are generated as by `scaffold sync`; only then
is it renamed into place. A failure at any step leaves the destination exactly as
it was (absent if it did not exist). A dry run does the same in a scratch directory.
"""

from __future__ import annotations

import os
import re
import secrets
import shutil
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from scaffolder import __version__
from scaffolder.checkpoints import checkpoint
from scaffolder.errors import UsageError, display_path
from scaffolder.generation import PACKAGE_MARKERS, packages_in
from scaffolder.project.names import (
    check_package_name,
    derive_package_name,
    derive_project_name,
)
from scaffolder.spec.json_schema import with_modeline

if TYPE_CHECKING:
    from scaffolder.model.spec import Spec
    from scaffolder.plan import Plan
    from scaffolder.progress import Progress

SPEC_FILE = "scaffold.yaml"

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
    _check_destination(destination)
    if blueprint is not None:
        from scaffolder.project.skeleton import check_source

        check_source(blueprint)
    spec, spec_text = _load_spec(spec_path) if spec_path is not None else (None, EMPTY_SPEC)
    spec_text = with_modeline(spec_text)
    check_answer_text(answers)
    if "package_name" in answers:
        check_package_name(answers["package_name"])

    from scaffolder.project.skeleton import (
        blueprint_digest,
        read_tree,
        recorded_source,
        render_skeleton,
    )
    from scaffolder.render.formatting import format_python
    from scaffolder.spec.json_schema import SCHEMA_PATH, schema_text
    from scaffolder.state import SKELETON_PATH, skeleton_record, state_files

    directory_name = destination.resolve().name
    suggestions = {
        "project_name": derive_project_name(directory_name),
        "package_name": derive_package_name(answers.get("project_name", directory_name)),
    }
    skeleton = render_skeleton(answers, suggestions, interactive=interactive, source=blueprint)
    packages = packages_in(skeleton.files)
    package_name = packages[0] if len(packages) == 1 else None
    if package_name is None and spec is not None:
        raise UsageError(
            f"the skeleton of blueprint {blueprint} is not a scaffold project: "
            + _lacks(packages)
            + "; nothing was written",
            hint="create the project without --spec, or see docs/customizing.md for what "
            "a custom skeleton must contain",
        )
    generated = format_python(skeleton.files, package_name or "app")
    generated[SCHEMA_PATH] = schema_text()  # generated like the skeleton: sync keeps it current
    files = {**generated, SPEC_FILE: EMPTY_SPEC}
    files.update(state_files(generated, EMPTY_SPEC, f"scaffold {__version__}"))
    source = recorded_source(blueprint, destination) if blueprint is not None else None
    files[SKELETON_PATH] = skeleton_record(skeleton.answers, blueprint_digest(blueprint), source)
    migration = None
    with _new_directory(destination, dry_run=dry_run) as root:
        _write_files(root, files)
        if spec is not None:
            migration = generate_spec_resources(root, spec, spec_text, progress)
            files = read_tree(root)
    return NewProject(destination, package_name, len(files), _creations(files), migration)


def check_answer_text(answers: Mapping[str, str]) -> None:
    """Refuse `--data` text no generated file could carry: every answer is one line.

    The blueprint writes answers through scaffold's escaping filters (a description
    with quotes or triple quotes is fine); control characters, line breaks and lone
    surrogates are refused here, before anything is rendered.
    """
    from scaffolder.render.escape import text_problem

    for key, value in answers.items():
        problem = text_problem(value)
        if problem is not None:
            raise UsageError(
                f"--data {key}: the value holds {problem}",
                hint="answers are one line of printable text; remove the character",
            )


def _creations(files: Mapping[str, str]) -> Plan:
    """The plan `new` carries out: a `create` per file, owned as the manifest says."""
    from scaffolder.plan import Action, FileOp, Plan
    from scaffolder.state import MANIFEST_PATH, Manifest, is_state

    records = Manifest.from_json(files[MANIFEST_PATH]).files
    owners = {path: record.owner for path, record in records.items()}
    return Plan(
        [
            FileOp(Action.CREATE, path, text, owner=owners.get(path))
            for path, text in files.items()
            if not is_state(path)
        ]
    )


def generate_spec_resources(
    root: Path, spec: Spec, spec_text: str, progress: Progress | None = None
) -> str | None:
    """Generate and wire every resource of `spec` into the new project being made in
    `root`; return the path of the migration creating their tables.

    Runs the pipeline of `scaffold sync` on the empty project, so a project made with a
    spec is exactly an empty project followed by a sync.
    """
    from scaffolder.generation import prepare
    from scaffolder.plan.apply import apply_plan

    generation = prepare(root, spec, spec_text, progress)
    apply_plan(generation.plan, root, generation.state)
    return generation.migration


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
    from scaffolder.spec import load_spec

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


def _write_files(root: Path, files: Mapping[str, str]) -> None:
    for path, text in files.items():
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(text.encode("utf-8"))


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
        with tempfile.TemporaryDirectory(prefix="scaffold-new-") as scratch:
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
