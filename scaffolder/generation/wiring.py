"""Stage 3, wiring: the edits that make the resources reachable from the
hand-owned skeleton files (model imports, routers, admin registry, navigation),
applied in memory (`scaffolder.codemods.wiring`).

Skipped when the last run made every edit under the same spec and scaffold and the
wired files are still as it left them. After a skeleton upgrade, the re-rendered
skeleton files are wired too, and so are both other sides of their three-way merge.
A new project's skeleton (`scaffold new`) is wired in memory before it is written.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from scaffolder.codemods import EditedFile
from scaffolder.generation.project_state import ProjectState, generator
from scaffolder.model.spec import Spec
from scaffolder.plan.planner import read_text
from scaffolder.state import digest

if TYPE_CHECKING:
    from scaffolder.codemods.wiring import Edit


@dataclass(frozen=True)
class Wiring:
    """The wired files of a run.

    `edited`: the hand-owned files with the run's edits made (re-rendered skeleton
    files excepted, but for the wiring left to add by hand, which is shown).
    `skeleton`: the re-rendered skeleton, wired; `ours` and `bases`, for each of its
    files the run wires, the user's side of the merge (the file on disk: `original`
    as it is, `text` wired) and the recorded base, wired. Empty without an upgrade.
    `created`: the files of a new project's skeleton the run wires, wired — written
    in their place; the skeleton as rendered stays their base (`wire_new`).
    """

    edited: dict[str, EditedFile]
    skeleton: dict[str, str] = field(default_factory=dict)
    ours: dict[str, EditedFile] = field(default_factory=dict)
    bases: dict[str, str] = field(default_factory=dict)
    created: dict[str, str] = field(default_factory=dict)

    def unlaid(self) -> dict[str, str]:
        """What the run's one ruff pass lays out: the edited files that changed, and the
        merge sides (each under its own folder, so paths stay apart)."""
        texts = {p: f.text for p, f in self.edited.items() if _changed(f)}
        texts.update({f"ours/{p}": f.text for p, f in self.ours.items() if _changed(f)})
        texts.update({f"base/{p}": text for p, text in self.bases.items()})
        texts.update({f"wired/{p}": text for p, text in self.created.items()})
        return texts

    def laid_out(self, formatted: Mapping[str, str]) -> Wiring:
        """This wiring with the texts `unlaid` gave replaced by their laid-out versions."""
        edited = {
            p: replace(f, text=formatted[p]) if _changed(f) else f for p, f in self.edited.items()
        }
        ours = {
            p: replace(f, text=formatted[f"ours/{p}"] if _changed(f) else f.original or "")
            for p, f in self.ours.items()
        }
        bases = {p: formatted[f"base/{p}"] for p in self.bases}
        created = {p: formatted[f"wired/{p}"] for p in self.created}
        return Wiring(edited, self.skeleton, ours, bases, created)

    def digests(self) -> dict[str, str] | None:
        """What the next run checks to skip the edits: each wired file's digest; None when
        wiring is left to add by hand, or the skeleton was re-rendered (edits run again)."""
        if self.skeleton or any(f.manual for f in self.edited.values()):
            return None
        wired = {p: f.text for p, f in self.edited.items() if f.original is not None}
        return {p: digest(text) for p, text in {**wired, **self.created}.items()}


def wire(
    state: ProjectState,
    spec: Spec,
    old: Spec | None,
    skeleton: Mapping[str, str],
    bases: Mapping[str, str],
) -> Wiring:
    """The wiring `spec` needs after `old`, made in memory: to the project's hand-owned
    files, and to the re-rendered `skeleton` (if any) and the `bases` of its files."""
    same = _unchanged_wiring(state, old == spec, bool(skeleton))
    if same is not None:
        return Wiring(same)
    from scaffolder.codemods.edits import run_edits  # ast: only when edits run
    from scaffolder.codemods.wiring import wiring_edits

    edits = wiring_edits(spec, old, state.package)
    edited = run_edits(state.root, edits)
    if not skeleton:
        return Wiring(edited)
    wired = {**skeleton, **_wire(state, edits, skeleton)}
    ours = _merge_sides(edited, wired)
    recorded = {path: bases[path] for path in ours if path in bases}
    return Wiring(edited, wired, ours, _wire(state, edits, recorded))


def wire_new(state: ProjectState, spec: Spec, skeleton: Mapping[str, str]) -> Wiring:
    """The wiring of a new project: `spec`'s edits made to its `skeleton` (in memory,
    nothing is written yet). Wiring left to add by hand (a custom skeleton lacking a
    file or a place) stays in `edited`, to be shown."""
    from scaffolder.codemods.edits import run_edits
    from scaffolder.codemods.wiring import wiring_edits

    edits = wiring_edits(spec, None, state.package)
    if not edits:
        return Wiring({})
    files = run_edits(state.root, edits, skeleton)
    created = {p: f.text for p, f in files.items() if f.original is not None}
    manual = {
        p: EditedFile(f.original, f.original or "", f.manual) for p, f in files.items() if f.manual
    }
    return Wiring(manual, created=created)


def _unchanged_wiring(
    state: ProjectState, same_spec: bool, upgrading: bool
) -> dict[str, EditedFile] | None:
    """The wired files as they are, when the wiring edits would all find their wiring
    present: same spec and scaffold as the last run, which made every edit, and every
    wired file still as that run left it. None: run the edits."""
    recorded = state.fingerprints.wiring
    manifest = state.manifest
    if upgrading or recorded is None or not same_spec or manifest is None:
        return None
    if manifest.generator != generator():
        return None
    files: dict[str, EditedFile] = {}
    for path, text_digest in recorded.items():
        current = read_text(state.root, path)
        if current is None or digest(current) != text_digest:
            return None
        files[path] = EditedFile(current, current)
    return files


def _wire(state: ProjectState, edits: list[Edit], sources: Mapping[str, str]) -> dict[str, str]:
    """The texts of `sources` (by path) that the run's wiring edits apply to, edited."""
    from scaffolder.codemods.edits import run_edits

    mine = [(path, edit) for path, edit in edits if path in sources]
    return {path: f.text for path, f in run_edits(state.root, mine, sources).items()}


def _merge_sides(
    edited: dict[str, EditedFile], skeleton: Mapping[str, str]
) -> dict[str, EditedFile]:
    """The user's side of the merge of each re-rendered skeleton file the run wires;
    those files leave `edited` (only the wiring left to do by hand stays there, to be
    shown: the file itself is merged).

    A wired file's recorded base is the skeleton as last rendered: without wiring
    (`scaffold new` records it so) or with an older spec's (an earlier upgrade). The
    same idempotent edits made to the three sides leave scaffold's wiring, old and new,
    common to them all: the merge sees only the user's edits and the blueprint's.
    """
    ours: dict[str, EditedFile] = {}
    for path in skeleton:
        mine = edited.get(path)
        if mine is None or mine.original is None:
            continue  # not wired, or deleted by the user (`edited` tells)
        del edited[path]
        if mine.manual:
            edited[path] = EditedFile(mine.original, mine.original, mine.manual)
        ours[path] = mine
    return ours


def _changed(file: EditedFile) -> bool:
    """Whether the run's edits changed `file` (which exists)."""
    return file.original is not None and file.text != file.original
