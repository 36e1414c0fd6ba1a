"""`scaffold new`: a project skeleton from the project blueprint, written all at once.

Everything is computed in memory first — spec validated, blueprint rendered,
Python formatted, `.scaffold/` state built — and only then written to a hidden
sibling directory that is renamed into place. A failure at any step leaves the
destination exactly as it was (absent if it did not exist).
"""

from __future__ import annotations

import secrets
import shutil
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from scaffolder import __version__
from scaffolder.errors import UsageError, display_path
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
    package_name: str
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
) -> NewProject:
    """Create a project in `destination` (absent or empty); see the module docstring.

    A dry run computes everything and writes nothing.
    """
    answers = dict(answers or {})
    _check_destination(destination)
    spec, spec_text = _load_spec(spec_path) if spec_path is not None else (None, EMPTY_SPEC)
    spec_text = with_modeline(spec_text)
    if "package_name" in answers:
        check_package_name(answers["package_name"])

    from scaffolder.project.skeleton import blueprint_digest, render_skeleton
    from scaffolder.render.formatting import format_python
    from scaffolder.spec.json_schema import SCHEMA_PATH, schema_text
    from scaffolder.state import SKELETON_PATH, skeleton_record, state_files

    directory_name = destination.resolve().name
    suggestions = {
        "project_name": derive_project_name(directory_name),
        "package_name": derive_package_name(answers.get("project_name", directory_name)),
    }
    skeleton = render_skeleton(answers, suggestions, interactive=interactive)
    package_name = _package_of(skeleton.files)
    generated = format_python(skeleton.files, package_name)
    generated[SCHEMA_PATH] = schema_text()  # generated like the skeleton: sync keeps it current
    files = {**generated, SPEC_FILE: EMPTY_SPEC}
    files.update(state_files(generated, EMPTY_SPEC, f"scaffold {__version__}"))
    files[SKELETON_PATH] = skeleton_record(skeleton.answers, blueprint_digest())
    migration = None
    if spec is not None:
        files, migration = generate_spec_resources(files, spec, spec_text, progress)
    if not dry_run:
        _write_new_directory(destination, files)
    return NewProject(destination, package_name, len(files), _creations(files), migration)


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
    files: dict[str, str], spec: Spec, spec_text: str, progress: Progress | None = None
) -> tuple[dict[str, str], str | None]:
    """The new project's files with every resource of `spec` generated and wired, and the
    path of the migration creating their tables.

    Runs the pipeline of `scaffold sync` on a scratch copy of the empty project, so a
    project made with a spec is exactly an empty project followed by a sync.
    """
    import tempfile

    from scaffolder.generation import prepare
    from scaffolder.plan.apply import apply_plan
    from scaffolder.project.skeleton import read_tree

    with tempfile.TemporaryDirectory(prefix="scaffold-new-") as scratch:
        root = Path(scratch)
        for path, text in files.items():
            target = root / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(text.encode("utf-8"))
        generation = prepare(root, spec, spec_text, progress)
        apply_plan(generation.plan, root, generation.state)
        return read_tree(root), generation.migration


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


def _package_of(skeleton: Mapping[str, str]) -> str:
    """The package directory Copier rendered: the one holding `main.py`."""
    return next(path.split("/")[0] for path in skeleton if path.endswith("/main.py"))


def _write_new_directory(destination: Path, files: Mapping[str, str]) -> None:
    """Write `files` into a hidden sibling of `destination`, then rename it into place.

    An existing (empty) destination is kept, so its permissions and any shell
    sitting in it survive: the top-level entries are renamed into it instead.
    """
    destination = destination.resolve()
    destination.parent.mkdir(parents=True, exist_ok=True)
    staging = destination.parent / f".{destination.name}.scaffold-{secrets.token_hex(4)}"
    staging.mkdir()  # honours the umask, unlike tempfile.mkdtemp
    moved: list[Path] = []
    try:
        for path, text in files.items():
            target = staging / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(text.encode("utf-8"))
        if not destination.exists():
            staging.replace(destination)
            return
        for entry in sorted(staging.iterdir()):
            entry.replace(destination / entry.name)
            moved.append(destination / entry.name)
        staging.rmdir()
    except BaseException:
        for entry in moved:
            if entry.is_dir():
                shutil.rmtree(entry)
            else:
                entry.unlink()
        shutil.rmtree(staging, ignore_errors=True)
        raise
