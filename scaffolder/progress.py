"""How long steps tell the CLI how far they are, without printing anything themselves.

Library code receives an optional `Progress` callable and calls it as it advances;
the CLI passes one that draws a progress bar (`report.progress()`), tests pass one
that records the calls. `total` is None when the step's length is unknown.
"""

from __future__ import annotations

from collections.abc import Callable

#: progress(stage, done, total): `done` of `total` units of `stage` are finished.
Progress = Callable[[str, int, int | None], None]


def ignore(stage: str, done: int, total: int | None) -> None:
    """The progress of a run nobody watches."""
