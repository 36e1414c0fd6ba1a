"""Applying a plan: the only code that writes project files. Every write is atomic."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Mapping
from pathlib import Path

from scaffolder.plan import Plan


def write_atomic(target: Path, text: str) -> None:
    """Write `text` to `target` via a temporary file and a rename: never half a file."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    temp = Path(name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        temp.chmod(target.stat().st_mode & 0o777 if target.exists() else 0o644)
        temp.replace(target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def apply_plan(plan: Plan, project: Path, extra: Mapping[str, str | None] | None = None) -> None:
    """Write every op of `plan` that writes, then `extra` files (state), atomically each;
    an `extra` path mapped to None is removed."""
    for op in plan.writes:
        assert op.text is not None
        write_atomic(project / op.path, op.text)
    for op in plan.removals:
        target = project / op.path
        target.unlink(missing_ok=True)
        _remove_bytecode(target)
        _remove_empty_parents(target.parent, project)
    for path, text in (extra or {}).items():
        if text is None:
            (project / path).unlink(missing_ok=True)
        else:
            write_atomic(project / path, text)


def _remove_bytecode(source: Path) -> None:
    """Python's compiled copies of a removed module (`__pycache__/NAME.*.pyc`), and the
    cache directory once empty: left there, they keep the module's directory alive."""
    cache = source.parent / "__pycache__"
    if source.suffix != ".py" or not cache.is_dir():
        return
    for compiled in cache.glob(f"{source.stem}.*.pyc"):
        compiled.unlink(missing_ok=True)
    if not any(cache.iterdir()):
        cache.rmdir()


def _remove_empty_parents(directory: Path, project: Path) -> None:
    """Remove `directory` and its parents while empty, up to the project root: a
    destroyed resource leaves no empty `templates/<resource>/` behind (Rails does the same)."""
    root = project.resolve()
    directory = directory.resolve()
    while directory != root and root in directory.parents and not any(directory.iterdir()):
        directory.rmdir()
        directory = directory.parent
