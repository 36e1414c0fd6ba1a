"""A test hook: a run stops at a named moment, so a test can interrupt it exactly there.

With `SCAFFOLD_PAUSE_AT=NAME` in the environment (`NAME:N`: the Nth time), a run
reaching `checkpoint(NAME)` writes its process id to the file `SCAFFOLD_PAUSED` names,
so the test knows it is there, then sleeps until a signal ends it or the test deletes
that file (a minute at most).
Without the variable — always, outside tests — a checkpoint is one dictionary lookup.
tests/unit/test_signals.py interrupts `new`, `generate` and `sync` at each of them:

- `prepare`: planning a generation;
- `snapshot`: the undo snapshot taken, nothing else written yet;
- `write`: a file's text in its temporary file, not yet renamed into place;
- `staged`: `new`'s project complete in its hidden staging directory;
- `move`: `new` moving an entry into an existing (empty) destination.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

_reached: dict[str, int] = {}


def checkpoint(name: str) -> None:
    """Pause here if the environment asks for `name` (see the module docstring)."""
    wanted = os.environ.get("SCAFFOLD_PAUSE_AT")
    if wanted is None:
        return
    point, _, nth = wanted.partition(":")
    if point != name:
        return
    _reached[name] = _reached.get(name, 0) + 1
    if _reached[name] != int(nth or 1):
        return
    note = Path(os.environ.get("SCAFFOLD_PAUSED", os.devnull))
    if note != Path(os.devnull):
        note.write_text(str(os.getpid()), encoding="utf-8")
    deadline = time.monotonic() + 60
    while note.exists() and time.monotonic() < deadline:
        time.sleep(0.01)
