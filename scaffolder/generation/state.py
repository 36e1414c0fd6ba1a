"""Stage 6, state: the `.scaffold/` files recording the run, written after its plan —
the new rendering as the base of every generated file, the applied spec, the
re-rendered skeleton's record, and the fingerprints that let the next run skip
what did not change (`scaffolder.state`)."""

from __future__ import annotations

from collections.abc import Mapping

from scaffolder.generation.project_state import ProjectState, generator
from scaffolder.generation.rendering import Tree
from scaffolder.generation.wiring import Wiring
from scaffolder.state import (
    FINGERPRINTS_PATH,
    Fingerprints,
    Rendered,
    require_bases,
    state_files,
)


def next_state(
    state: ProjectState,
    spec_text: str,
    tree: Tree,
    orphans: Mapping[str, str],
    rendered: Mapping[str, Rendered],
    wiring: Wiring,
    skeleton_record: Mapping[str, str],
) -> dict[str, str]:
    """`.scaffold/` after the run; `skeleton_record`, that of a re-rendered skeleton.

    Files no longer generated leave the manifest (deleted, or kept as the user's own).
    """
    kept = {  # neither gone nor replaced by the new rendering: their bases stay as stored
        path: record
        for path, record in state.records.items()
        if path not in orphans and path not in tree.owners
    }
    require_bases(state.root, kept.values())
    generated: dict[str, str] = {}
    owners: dict[str, str] = {}
    for path, text in tree.texts.items():
        if path in tree.owners:  # package __init__ files are the user's from the start
            generated[path] = text
            owners[path] = tree.owners[path]
    files = state_files(generated, spec_text, generator(), owners, kept)
    files.update(skeleton_record)
    fingerprints = Fingerprints(state.context, dict(sorted(rendered.items())), wiring.digests())
    files[FINGERPRINTS_PATH] = fingerprints.to_json()
    return files
