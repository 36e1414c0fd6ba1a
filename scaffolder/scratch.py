"""Scratch directories: where a run keeps files nobody else reads (ruff's copy of the
Python it lays out, Copier's rendering of the skeleton, a dry run's project).

They go to memory when the system offers a place for it, as Linux does: writing,
reading back and removing the ~1,400 files a 100-resource `scaffold new` lays out
cost ~1 s of system time less in /dev/shm than in a disk-backed /tmp (2026-12-04).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def scratch_parent() -> str | None:
    """Where scratch directories go: a writable memory-backed directory, unless the user
    chose a temporary directory ($TMPDIR); None: the system's temporary directory."""
    if os.environ.get("TMPDIR"):
        return None
    # memory-backed, by preference: the user's runtime directory, Linux's shared memory
    for candidate in (os.environ.get("XDG_RUNTIME_DIR"), "/dev/shm"):
        if candidate and Path(candidate).is_dir() and os.access(candidate, os.W_OK | os.X_OK):
            return candidate
    return None


def scratch_directory(prefix: str) -> tempfile.TemporaryDirectory[str]:
    """A temporary directory (a context manager, removed on exit) for scratch files."""
    return tempfile.TemporaryDirectory(prefix=prefix, dir=scratch_parent())
