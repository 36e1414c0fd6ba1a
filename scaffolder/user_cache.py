"""scaffold's cache between runs, in the user's cache directory (`$SCAFFOLD_CACHE_DIR`,
else `$XDG_CACHE_HOME/scaffold` or `~/.cache/scaffold`; set empty, it is off): compiled
blueprints (`render.environment`) and memos of answers that cost more to work out
than to read back (`load_memo`). Losing it, or being unable to write it, only costs
time: nothing in it changes what a run writes.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from pathlib import Path

CACHE_ENV = "SCAFFOLD_CACHE_DIR"


def cache_dir() -> Path | None:
    """scaffold's cache directory, or None when it is switched off (`SCAFFOLD_CACHE_DIR=`)."""
    configured = os.environ.get(CACHE_ENV)
    if configured is not None:
        return Path(configured) if configured else None
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "scaffold"


def load_memo(name: str) -> dict[str, str]:
    """The memo `name` of earlier runs ({question: answer}); empty when there is none
    or it cannot be read (a damaged memo is ignored, then written again)."""
    root = cache_dir()
    if root is None:
        return {}
    try:
        data = json.loads((root / name).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {k: v for k, v in data.items() if isinstance(k, str) and isinstance(v, str)}


def store_memo(name: str, memo: dict[str, str]) -> None:
    """Write `memo` as the memo `name`, whole (a temporary file renamed over it: a run
    reading it at the same time sees the old or the new one)."""
    root = cache_dir()
    if root is None:
        return
    with contextlib.suppress(OSError):
        root.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(dir=root, prefix=f".{name}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(memo, handle, sort_keys=True, indent=0)
            Path(temp).replace(root / name)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise


def installed_version(name: str) -> str:
    """The installed version of the distribution `name` (a top-level package of the same
    name), read off its `NAME-VERSION.dist-info` directory beside the package: what
    `importlib.metadata.version` says, without its ~10-20 ms import (email parsing)."""
    import importlib.util

    package = importlib.util.find_spec(name)
    if package is not None and package.origin is not None:
        site = Path(package.origin).parent.parent
        found = sorted(site.glob(f"{name}-*.dist-info"))
        if len(found) == 1:
            return found[0].name.removeprefix(f"{name}-").removesuffix(".dist-info")
    from importlib import metadata  # an unusual layout: ask the standard way

    return metadata.version(name)
