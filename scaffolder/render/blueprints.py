"""Where blueprints live: the bundled ones, overridden file by file by a project's own."""

from __future__ import annotations

from pathlib import Path

import scaffolder

#: A project's own templates, overriding the bundled ones file by file (like Rails'
#: lib/templates): <project>/blueprints/resource/model.py.jinja replaces the bundled one.
PROJECT_OVERRIDES = "blueprints"


def bundled_blueprints() -> Path:
    """The blueprints shipped with scaffold (a wheel's copy, else the source checkout's)."""
    package_dir = Path(scaffolder.__file__).parent
    installed = package_dir / "_blueprints"
    return installed if installed.is_dir() else package_dir.parent / "blueprints"


def blueprint_dirs(kind: str, project: Path | None = None) -> list[Path]:
    """Directories searched for the templates of `kind` (`resource`, `project`), first wins."""
    dirs = [bundled_blueprints() / kind]
    if project is not None:
        override = project / PROJECT_OVERRIDES / kind
        if override.is_dir():
            dirs.insert(0, override)
    return dirs
