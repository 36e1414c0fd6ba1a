"""Where blueprints live: the bundled ones, overridden file by file by a project's own."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

import scaffolder
from scaffolder.errors import UsageError, display_path

if TYPE_CHECKING:
    import jinja2

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


class BlueprintError(UsageError):
    """A template failed to render: a broken override (bad input) or a bundled bug."""


def render_template(env: jinja2.Environment, name: str, context: dict[str, Any]) -> str:
    """Render template `name`, turning any failure into a `BlueprintError` naming the
    template file and line (a project's override, usually) and how to get unstuck."""
    import jinja2

    try:
        return env.get_template(name).render(context)
    except jinja2.TemplateSyntaxError as error:
        where = _shown(error.filename, error.lineno)
        raise BlueprintError(f"{where}: {error}", hint=_hint(error.filename)) from None
    except Exception as error:  # any failure inside a template is reported, with its line
        filename, line = _template_frame(error)
        what = str(error) if isinstance(error, jinja2.TemplateError) else repr(error)
        where = _shown(filename, line) if filename else f"template {name}"
        raise BlueprintError(f"{where}: {what}", hint=_hint(filename)) from None


def _template_frame(error: BaseException) -> tuple[str | None, int]:
    """The innermost template file and line in `error`'s traceback (Jinja maps its
    compiled code's frames back to template lines)."""
    filename: str | None = None
    line = 0
    traceback = error.__traceback__
    while traceback is not None:
        code = traceback.tb_frame.f_code.co_filename
        if code.endswith(".jinja"):
            filename, line = code, traceback.tb_lineno
        traceback = traceback.tb_next
    return filename, line


def _shown(filename: str | None, line: int | None) -> str:
    """`blueprints/resource/model.py.jinja:3` for an override, the bundled path otherwise."""
    if filename is None:
        return "a template"
    path = Path(filename)
    bundled = bundled_blueprints()
    shown = (
        f"scaffold's bundled blueprint {path.relative_to(bundled).as_posix()}"
        if path.is_relative_to(bundled)
        else display_path(path)
    )
    return f"{shown}:{line}" if line else shown


def _hint(filename: str | None) -> str:
    if filename is not None and Path(filename).is_relative_to(bundled_blueprints()):
        return "this is a bug in scaffold: please report it with your scaffold.yaml"
    return (
        "fix the template, or delete it to use the bundled one again "
        "(`scaffold blueprints list` shows your overrides)"
    )


def directory_digest(root: Path) -> str:
    """sha256 of the files under `root`: their relative paths and contents (a git
    repository's `.git` and Python caches left out)."""
    import hashlib

    left_out = ("__pycache__", ".git")
    files: list[tuple[str, ...]] = []  # relative parts, sorted as Paths sort
    for folder, directories, names in os.walk(root):  # ~2 ms less than rglob's Paths
        directories[:] = [d for d in directories if d not in left_out]
        inside = Path(folder).relative_to(root).parts
        files.extend((*inside, name) for name in names if name not in left_out)
    digest = hashlib.sha256()
    for parts in sorted(files):
        path = root.joinpath(*parts)
        if path.is_file():
            digest.update("/".join(parts).encode() + b"\0")
            digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def blueprints_digest(kind: str, project: Path | None = None) -> str:
    """A hash of every template of `kind` a project renders with: its overrides first, then
    the bundled ones (an unchanged digest: the templates render as before)."""
    import hashlib

    parts = [directory_digest(d) for d in blueprint_dirs(kind, project)]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()
