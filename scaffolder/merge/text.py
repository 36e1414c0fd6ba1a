"""Line-based three-way merge (diff3), with the user's lines first in conflicts."""

from __future__ import annotations

from scaffolder.merge.result import MergeResult

OURS_LABEL = "yours"
THEIRS_LABEL = "scaffold"
BASE_LABEL = "generated before"
#: Markers a conflict leaves in a file; `scaffold sync --check` looks for them.
CONFLICT_START = "<<<<<<< "


def merge_text(base: str, ours: str, theirs: str) -> MergeResult:
    """diff3-merge whole texts."""
    from merge3 import Merge3

    if ours in (base, theirs):
        return MergeResult(theirs, 0, "text")
    if theirs == base:
        return MergeResult(ours, 0, "text")
    merger = Merge3(
        base.splitlines(keepends=True),
        _terminated(ours).splitlines(keepends=True),
        _terminated(theirs).splitlines(keepends=True),
    )
    conflicts = sum(1 for region in merger.merge_regions() if region[0] == "conflict")
    lines = merger.merge_lines(
        name_a=OURS_LABEL, name_b=THEIRS_LABEL, name_base=BASE_LABEL, base_marker="|||||||"
    )
    return MergeResult("".join(lines), conflicts, "text")


def _terminated(text: str) -> str:
    """Texts ending without a newline would glue a marker to their last line."""
    return text if not text or text.endswith("\n") else text + "\n"


def has_conflict_markers(text: str) -> bool:
    """True if a file still holds conflict markers left by a merge."""
    return any(line.startswith(CONFLICT_START) for line in text.splitlines())
