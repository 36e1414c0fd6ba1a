"""The project as a run finds it: its package, what the last run recorded, and what
every rendering depends on now besides the spec. Read once, at the start of a run."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from scaffolder import __version__
from scaffolder.model.spec import Spec
from scaffolder.project.package import find_package
from scaffolder.render.blueprints import blueprints_digest
from scaffolder.spec import parse_spec
from scaffolder.spec.edit import set_plurals
from scaffolder.state import (
    MANIFEST_PATH,
    SPEC_PATH,
    FileRecord,
    Fingerprints,
    Manifest,
    load_fingerprints,
    load_manifest,
    read_base,
)
from scaffolder.user_cache import installed_version


def generator() -> str:
    """The `generator` the manifest records: this scaffold, by version."""
    return f"scaffold {__version__}"


@dataclass(frozen=True)
class ProjectState:
    """What a run starts from, besides the spec it brings the project in line with."""

    root: Path
    package: str  # the project's Python package (`find_package`)
    manifest: Manifest | None  # None: nothing generated yet (`scaffold new` in the making)
    fingerprints: Fingerprints  # what the last run rendered from what (a cache)
    context: dict[str, str]  # what every rendering depends on now besides the spec

    @classmethod
    def load(cls, root: Path, package: str | None = None) -> ProjectState:
        """The state of the project at `root`; `package` is its package, when the project
        is not written yet (`scaffold new`): else found on disk."""
        package = package if package is not None else find_package(root)
        manifest = load_manifest(root) if (root / MANIFEST_PATH).is_file() else None
        return cls(root, package, manifest, load_fingerprints(root), render_context(root, package))

    @property
    def records(self) -> dict[str, FileRecord]:
        """Every file the last run generated, by path."""
        return dict(self.manifest.files) if self.manifest is not None else {}

    def bases(self, paths: Iterable[str]) -> dict[str, str]:
        """The bases (texts the last run generated) of those of `paths` it generated."""
        wanted = set(paths)
        return {p: read_base(self.root, r) for p, r in self.records.items() if p in wanted}

    def base(self, path: str) -> str:
        """The base of `path`, which the last run generated."""
        return read_base(self.root, self.records[path])


def applied_spec(
    project: Path,
    current: Spec | None = None,
    text: str | None = None,
    plurals: dict[str, str] | None = None,
) -> Spec | None:
    """The spec the generated code reflects (`.scaffold/spec.yaml`), if any: `current`
    itself when `text`, the text `current` was parsed from, is the same. `plurals` are
    pinned in it too (`generation.plurals`): the code was generated with those names."""

    applied = project / SPEC_PATH
    if not applied.is_file():
        return None
    applied_text = applied.read_text(encoding="utf-8")
    if plurals:
        applied_text = set_plurals(applied_text, SPEC_PATH, plurals)
    if current is not None and applied_text == text:
        return current
    return parse_spec(applied_text, SPEC_PATH)


def render_context(project: Path, package: str) -> dict[str, str]:
    """What every resource's rendering depends on besides the spec: scaffold, its
    templates (bundled and overrides), the package, and the versions of the Jinja that
    renders them and the ruff that lays them out."""

    return {
        "generator": __version__,
        "blueprints": blueprints_digest("resource", project),
        "package": package,
        "jinja2": installed_version("jinja2"),
        "ruff": installed_version("ruff"),
    }
