"""The `.scaffold/` state of a project: what scaffold generated last, per file.

Regeneration merges three versions of each file — the base (what scaffold wrote
last), the user's working copy and the new rendering — so the base is stored
verbatim, not re-derived from an old spec that newer blueprints would render
differently:

- `manifest.json`: every generated file → sha256 of its base text and its owner
  (`project` for the skeleton, a resource name for resource files), plus the
  scaffold version that wrote it. Sorted keys, so it diffs cleanly.
- `base/<sha256>`: the exact text last generated, content-addressed. No `.py`
  suffix, so linters, type checkers and test runners never pick the copies up.
- `spec.yaml`: the spec whose resources the generated code reflects (the old side
  of the spec diff that migrations are derived from).

Everything here is committed with the project, and is byte-for-byte deterministic.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from scaffolder.errors import UsageError

#: The project's spec, the file the user writes: scaffold generates from it.
SPEC_FILE = "scaffold.yaml"
STATE_DIR = ".scaffold"
MANIFEST_PATH = f"{STATE_DIR}/manifest.json"
BASE_DIR = f"{STATE_DIR}/base"
SPEC_PATH = f"{STATE_DIR}/spec.yaml"
#: The blueprint answers of the project skeleton and the digest of the blueprint that
#: rendered it, so `sync` re-renders the skeleton only when the blueprint changed.
SKELETON_PATH = f"{STATE_DIR}/skeleton.json"
#: What each resource's rendering read (and its hash), and the wired files as the last
#: run left them: a run skips rendering and wiring whose inputs did not change.
FINGERPRINTS_PATH = f"{STATE_DIR}/fingerprints.json"
MANIFEST_VERSION = 1
FINGERPRINTS_VERSION = 1
#: Owner of the files of the project skeleton (resource files are owned by their resource).
PROJECT_OWNER = "project"


def is_state(path: str) -> bool:
    """Whether `path` is scaffold's own bookkeeping (manifest, bases, applied spec, skeleton
    record, undo data), as opposed to a project file a plan shows."""
    return path in (MANIFEST_PATH, SPEC_PATH, SKELETON_PATH, FINGERPRINTS_PATH) or path.startswith(
        (f"{BASE_DIR}/", f"{STATE_DIR}/undo/")
    )


@dataclass(frozen=True)
class FileRecord:
    """One generated file: the hash of its base text, and who generated it."""

    base: str
    owner: str


@dataclass(frozen=True)
class Manifest:
    """Every file scaffold generated in a project, keyed by POSIX path."""

    generator: str
    files: Mapping[str, FileRecord]

    def to_json(self) -> str:
        data = {
            "version": MANIFEST_VERSION,
            "generator": self.generator,
            "files": {
                path: {"base": record.base, "owner": record.owner}
                for path, record in sorted(self.files.items())
            },
        }
        return json.dumps(data, indent=2, sort_keys=True) + "\n"

    @classmethod
    def from_json(cls, text: str) -> Manifest:
        data = json.loads(text)
        if data.get("version") != MANIFEST_VERSION:
            raise ValueError(f"unsupported manifest version {data.get('version')!r}")
        files = {
            path: FileRecord(base=entry["base"], owner=entry["owner"])
            for path, entry in data["files"].items()
        }
        return cls(generator=data["generator"], files=files)


def digest(text: str) -> str:
    """The sha256 (hex) of a file's UTF-8 text: its name in the base store."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def state_files(
    generated: Mapping[str, str],
    applied_spec: str,
    generator: str,
    owners: Mapping[str, str] | None = None,
    kept: Mapping[str, FileRecord] | None = None,
) -> dict[str, str]:
    """The `.scaffold/` files recording `generated` ({path: text}) as the new base.

    `owners` maps paths to their owning resource; unlisted paths belong to the project.
    `kept`: records carried over as the last run left them, their bases already stored,
    so neither read nor hashed again (a project's bases run to megabytes: the Swagger
    UI bundle alone is 1.7 MB).
    """
    owners = owners or {}
    records = dict(kept or {})
    records.update(
        (path, FileRecord(base=digest(text), owner=owners.get(path, PROJECT_OWNER)))
        for path, text in generated.items()
    )
    files = {f"{BASE_DIR}/{digest(text)}": text for text in generated.values()}
    files[MANIFEST_PATH] = Manifest(generator=generator, files=records).to_json()
    files[SPEC_PATH] = applied_spec
    return dict(sorted(files.items()))


def changed_state(project: Path, state: Mapping[str, str]) -> dict[str, str | None]:
    """The `.scaffold/` files of `state` that differ from the project's. A base already
    stored is the same text (its name is its hash), so it is neither read nor rewritten.

    None marks a stored base the new manifest no longer refers to: removed, so that
    `.scaffold/base/` (committed with the project) does not grow with every sync.
    """
    changed: dict[str, str | None] = {}
    for path, text in state.items():
        target = project / path
        if path.startswith(f"{BASE_DIR}/"):
            if not target.is_file():
                changed[path] = text
        elif not target.is_file() or target.read_bytes().decode("utf-8") != text:
            changed[path] = text
    if MANIFEST_PATH in changed:
        manifest = changed[MANIFEST_PATH]
        assert manifest is not None
        referenced = {record.base for record in Manifest.from_json(manifest).files.values()}
        stored = project / BASE_DIR
        for blob in sorted(stored.iterdir()) if stored.is_dir() else []:
            if blob.is_file() and blob.name not in referenced:
                changed[f"{BASE_DIR}/{blob.name}"] = None
    return changed


def load_manifest(project: Path) -> Manifest:
    """The manifest of the project rooted at `project`."""
    try:
        return Manifest.from_json((project / MANIFEST_PATH).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError) as error:
        raise StateError(f"{MANIFEST_PATH} cannot be read ({error})") from None


def read_base(project: Path, record: FileRecord) -> str:
    """The text scaffold last generated for a file."""
    try:
        return (project / BASE_DIR / record.base).read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError):
        raise StateError(f"{BASE_DIR}/{record.base} is missing or damaged") from None


def require_bases(project: Path, records: Iterable[FileRecord]) -> None:
    """Raise StateError, as `read_base` would, when a base of `records` is not stored."""
    folder = project / BASE_DIR
    stored = {blob.name for blob in folder.iterdir()} if folder.is_dir() else set()
    for record in records:
        if record.base not in stored:
            raise StateError(f"{BASE_DIR}/{record.base} is missing or damaged")


class StateError(UsageError):
    """`.scaffold/` is damaged: without the bases, hand edits cannot be merged safely."""

    def __init__(self, message: str) -> None:
        super().__init__(
            f"{message}: scaffold's record of what it generated is incomplete",
            hint="restore .scaffold/ from version control (git checkout -- .scaffold), "
            "then run the command again",
        )


@dataclass(frozen=True)
class SkeletonRecord:
    """How the project skeleton was rendered."""

    answers: dict[str, str]
    blueprint: str  # digest of the project blueprint's files
    source: str | None = None  # a custom blueprint (`new --blueprint`); None: the bundled one


def skeleton_record(answers: Mapping[str, str], blueprint: str, source: str | None = None) -> str:
    """`.scaffold/skeleton.json` text (sorted keys: it diffs cleanly)."""
    data: dict[str, object] = {"answers": dict(answers), "blueprint": blueprint}
    if source is not None:
        data["source"] = source
    return json.dumps(data, indent=2, sort_keys=True) + "\n"


def load_skeleton_record(project: Path) -> SkeletonRecord | None:
    """The skeleton record of a project, if it has one."""
    path = project / SKELETON_PATH
    if not path.is_file():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    source = data.get("source")
    return SkeletonRecord(
        answers=dict(data["answers"]),
        blueprint=str(data["blueprint"]),
        source=str(source) if source is not None else None,
    )


@dataclass(frozen=True)
class Rendered:
    """How a resource was last rendered: the hash of its inputs, and the spec reads among them."""

    fingerprint: str
    reads: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Fingerprints:
    """`.scaffold/fingerprints.json`: a cache, so deleting it only costs time."""

    #: what every rendering depended on besides the spec: scaffold version, blueprint
    #: digest (bundled and overrides), package
    context: Mapping[str, str]
    resources: Mapping[str, Rendered]
    #: hand-owned file → sha256 of its text after the last run's wiring; None when that
    #: run left wiring to add by hand (or re-rendered the skeleton): the edits run again
    wiring: Mapping[str, str] | None

    def to_json(self) -> str:
        data = {
            "version": FINGERPRINTS_VERSION,
            "context": dict(self.context),
            "resources": {
                name: {"fingerprint": r.fingerprint, "reads": sorted(list(x) for x in r.reads)}
                for name, r in self.resources.items()
            },
            "wiring": None if self.wiring is None else dict(self.wiring),
        }
        return json.dumps(data, indent=1, sort_keys=True) + "\n"

    @classmethod
    def from_json(cls, text: str) -> Fingerprints:
        data = json.loads(text)
        if data.get("version") != FINGERPRINTS_VERSION:
            raise ValueError(f"unsupported fingerprints version {data.get('version')!r}")
        resources = {
            str(name): Rendered(
                str(entry["fingerprint"]), tuple(tuple(map(str, r)) for r in entry["reads"])
            )
            for name, entry in data["resources"].items()
        }
        wiring = data["wiring"]
        return cls(
            {str(k): str(v) for k, v in data["context"].items()},
            resources,
            None if wiring is None else {str(p): str(d) for p, d in wiring.items()},
        )


def load_fingerprints(project: Path) -> Fingerprints:
    """The project's fingerprints; none when absent or unreadable (everything is rendered)."""
    path = project / FINGERPRINTS_PATH
    try:
        return Fingerprints.from_json(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return Fingerprints({}, {}, None)
