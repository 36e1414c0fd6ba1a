"""Which directory of a project is its Python package, the one resource code goes into."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from scaffolder.errors import UsageError

#: What makes a top-level directory the project's package, the one resource code goes into.
PACKAGE_MARKERS = ("main.py", "models/base.py")


def packages_in(paths: Iterable[str]) -> list[str]:
    """The top-level directories holding every `PACKAGE_MARKERS` file, among POSIX paths
    relative to a project root."""
    files = set(paths)
    tops = {path.split("/", 1)[0] for path in files if "/" in path}
    return sorted(top for top in tops if all(f"{top}/{m}" in files for m in PACKAGE_MARKERS))


def find_package(project: Path) -> str:
    """The project's Python package: the directory holding `main.py` and `models/base.py`."""
    found = [p for marker in PACKAGE_MARKERS for p in project.glob(f"*/{marker}")]
    candidates = packages_in(p.relative_to(project).as_posix() for p in found)
    if len(candidates) != 1:
        raise UsageError(
            f"{project.resolve()} is not a scaffold project: no package holds both "
            + " and ".join(PACKAGE_MARKERS)
            if not candidates
            else f"several packages look like the project's: {', '.join(candidates)}",
            hint="scaffold generates into that package: run inside a project made by "
            "`scaffold new` (a custom --blueprint must make one; see docs/customizing.md), "
            "or pass `-C PROJECT_DIR`",
        )
    return candidates[0]
