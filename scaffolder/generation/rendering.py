"""Stage 1, render: every resource's files, through one caching renderer.

Rendering is deterministic, so a resource none of whose inputs changed since the last
run — its own model, what its templates read of the rest of the spec, scaffold, the
blueprints, the package: its fingerprint (`scaffolder.render.reads`) — gets its files
from their bases in `.scaffold/base/`, neither rendered nor laid out again.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from scaffolder.generation.project_state import ProjectState
from scaffolder.model.spec import Resource, Spec
from scaffolder.render.reads import Fingerprinter
from scaffolder.render.resource import ResourceRenderer, resource_files
from scaffolder.state import Rendered, read_base

if TYPE_CHECKING:
    from scaffolder.progress import Progress
    from scaffolder.render.resource import ResourceRenderer

#: Packages resource files go into; created (empty but for a docstring) when missing.
PACKAGE_INITS = {
    "schemas": '"""Pydantic schemas: what the API and forms accept and return."""\n',
    "services": '"""Database operations of each resource, shared by the API, views and admin."""\n',
    "api": '"""The JSON API of each resource, mounted under /api."""\n',
    "views": '"""HTML pages of each resource."""\n',
}


@dataclass
class Tree:
    """Generated files by path, in the order they are planned.

    `owners` says who generates each (a resource, "migration", "project"; package
    `__init__` files have none: they are the user's from the start); `fresh` holds
    those this run rendered, still to be laid out (the rest are bases: laid out
    already); `create_only` those written only when missing (package inits).
    """

    texts: dict[str, str] = field(default_factory=dict)
    owners: dict[str, str] = field(default_factory=dict)
    fresh: set[str] = field(default_factory=set)
    create_only: frozenset[str] = frozenset()

    def add(self, path: str, text: str, owner: str | None, *, fresh: bool) -> None:
        """Put `path` in the tree; a path two resources render is the last one's."""
        self.texts[path] = text
        if owner is not None:
            self.owners[path] = owner
        if fresh:
            self.fresh.add(path)
        else:
            self.fresh.discard(path)

    def add_package_inits(self, project: Path, package: str, present: Collection[str] = ()) -> None:
        """Add the missing `__init__.py` of every package the tree's files live in; those
        `present` (a new project's skeleton, not on disk yet) are not missing."""
        inits = package_inits(project, package, self.texts, present)
        for path, text in inits.items():
            self.add(path, text, None, fresh=True)
        self.create_only = frozenset(inits)


@dataclass(frozen=True)
class Rendering:
    """The render stage's result: the resources' files, and how each resource was rendered
    (its fingerprint and reads, recorded for the next run)."""

    tree: Tree
    fingerprints: dict[str, Rendered]


class CachingRenderer:
    """A resource's files: its bases when its fingerprint is the one the last run
    recorded, else rendered now (one Jinja environment, made on first need)."""

    def __init__(self, spec: Spec, state: ProjectState) -> None:

        self.spec = spec
        self.state = state
        self.fingerprint = Fingerprinter(spec, state.context)
        self._renderer: ResourceRenderer | None = None

    def files(self, resource: Resource) -> tuple[dict[str, str], Rendered, bool]:
        """The files of `resource`, its fingerprint record, and whether it was rendered
        now (False: the files are their bases)."""
        previous = self.state.fingerprints.resources.get(resource.name)
        if previous is not None:
            files = self._reused(resource, previous)
            if files is not None:
                return files, previous, False
        if self._renderer is None:
            self._renderer = ResourceRenderer(self.spec, self.state.package, self.state.root)
        files, reads = self._renderer.render_recorded(resource)
        return files, Rendered(self.fingerprint(resource, reads), tuple(sorted(reads))), True

    def _reused(self, resource: Resource, previous: Rendered) -> dict[str, str] | None:
        """The files of `resource` from their bases, when nothing its rendering reads has
        changed since the last run; None: render it."""

        if self.fingerprint(resource, previous.reads) != previous.fingerprint:
            return None
        records = self.state.records
        files: dict[str, str] = {}
        for blueprint in resource_files(resource):
            path = blueprint.output_path(self.state.package, resource)
            record = records.get(path)
            if record is None:
                return None
            try:
                files[path] = read_base(self.state.root, record)
            except OSError:  # a base removed by hand: render again
                return None
        return files


def render_resources(spec: Spec, state: ProjectState, progress: Progress | None) -> Rendering:
    """Every resource's files, in spec order. `progress` hears of each resource."""
    renderer = CachingRenderer(spec, state)
    tree = Tree()
    fingerprints: dict[str, Rendered] = {}
    for done, resource in enumerate(spec.resources, 1):
        files, fingerprints[resource.name], fresh = renderer.files(resource)
        for path, text in files.items():
            tree.add(path, text, resource.name, fresh=fresh)
        if progress is not None:
            progress("rendering", done, len(spec.resources))
    return Rendering(tree, fingerprints)


def package_inits(
    project: Path, package: str, tree: Mapping[str, str], present: Collection[str] = ()
) -> dict[str, str]:
    """`__init__.py` of every package the rendered files live in, when it is missing
    (from the tree, the project, and the paths `present`)."""
    inits: dict[str, str] = {}
    for path in tree:
        parent = path.rsplit("/", 1)[0] if "/" in path else ""
        if not path.endswith(".py") or not parent or parent.startswith("migrations"):
            continue
        init = f"{parent}/__init__.py"
        if init in tree or init in inits or init in present or (project / init).is_file():
            continue
        folder = parent.rsplit("/", 1)[-1]
        default = (
            f'"""Tests of {folder}."""\n' if parent.startswith("tests/") else f'"""{folder}."""\n'
        )
        inits[init] = PACKAGE_INITS.get(folder, default)
    return inits
