"""Applying a plan: the only code that writes project files. Every write is atomic
(but in a directory nobody sees yet: `new`'s, renamed into place once complete).

Before writing, `apply_plan` refuses a plan that would write through a symbolic link
leading out of the project (`templates/post` linked to a directory elsewhere): scaffold
writes inside the project or not at all. Links that stay inside the project are
followed, a linked file included (its target gets the text; the link stays a link).

Each write goes to a temporary file, renamed over the target. Its name says whose it
is (`.NAME.XXXXXXXX.scaffold.tmp`), so the next run that writes into its directory,
or `scaffold undo`, removes one left by a run that was killed before it could.
"""

from __future__ import annotations

import os
import re
import shlex
import tempfile
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path, PurePosixPath

from scaffolder.checkpoints import checkpoint
from scaffolder.errors import UsageError
from scaffolder.plan import Plan

#: How a temporary file of `write_atomic` ends; the random part before it is tempfile's.
TEMP_SUFFIX = ".scaffold.tmp"
#: A temporary file of `write_atomic`: `.NAME.`, 8 characters of tempfile's alphabet, the
#: suffix; `_UNMARKED`, one from before the suffix said whose it is.
_MARKED = re.compile(r"\..+\.[a-z0-9_]{8}" + re.escape(TEMP_SUFFIX))
_UNMARKED = re.compile(r"\.(?P<name>.+)\.[a-z0-9_]{8}\.tmp")


def write_atomic(target: Path, text: str) -> None:
    """Write `text` to `target` via a temporary file and a rename: never half a file.

    A `target` that is a symbolic link keeps being one: the file it points to is
    written (callers have refused links out of the project, `refuse_links_out`).
    """
    if target.is_symlink():
        target = Path(os.path.realpath(target))
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=TEMP_SUFFIX)
    temp = Path(name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        temp.chmod(target.stat().st_mode & 0o777 if target.exists() else 0o644)
        checkpoint("write")
        temp.replace(target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def write_private(target: Path, text: str) -> None:
    """Write `text` to `target` in place, as `write_atomic` leaves it (a new file gets
    mode 644), without its temporary file and rename: for a directory nobody sees
    until the run is over (`scaffold new` makes the project in a hidden sibling, renamed
    into place at the end), where half a file cannot be read. ~3,600 files for a
    100-resource `new`: a temporary file each cost ~0.5 ms of system time."""
    new = not target.exists()
    with target.open("w", encoding="utf-8", newline="") as handle:
        if new:
            os.fchmod(handle.fileno(), 0o644)
        handle.write(text)


def apply_plan(
    plan: Plan,
    project: Path,
    extra: Mapping[str, str | None] | None = None,
    *,
    private: bool = False,
) -> None:
    """Write every op of `plan` that writes, then `extra` files (state), atomically each
    (`private`: a directory nobody sees yet, written in place, `write_private`); an
    `extra` path mapped to None is removed. Refuses (UsageError, nothing written) when
    a path to change leads out of the project through a symbolic link."""
    extra = extra or {}
    refuse_links_out(project, [*(op.path for op in plan.changes), *extra])
    remove_stale_temp_files(project, [*(op.path for op in plan.ops), *extra])
    write = _private_writer() if private else write_atomic
    for op in plan.writes:
        assert op.text is not None
        write(project / op.path, op.text)
    for op in plan.removals:
        target = project / op.path
        target.unlink(missing_ok=True)
        _remove_bytecode(target)
        _remove_empty_parents(target.parent, project)
    for path, text in extra.items():
        if text is None:
            (project / path).unlink(missing_ok=True)
        else:
            write(project / path, text)


def _private_writer() -> Callable[[Path, str], None]:
    """`write_private`, making each directory once (a run writes many files per directory)."""
    made: set[Path] = set()

    def write(target: Path, text: str) -> None:
        if target.parent not in made:
            target.parent.mkdir(parents=True, exist_ok=True)
            made.add(target.parent)
        write_private(target, text)

    return write


def refuse_links_out(project: Path, paths: Iterable[str]) -> None:
    """Raise UsageError naming each symbolic link through which writing `paths` (relative
    to `project`) would reach outside the project; links that stay inside are fine."""
    root = project.resolve()
    links: dict[str, Path] = {}
    for directory, names in sorted(_by_directory(paths).items()):
        folder = project / directory
        if not _resolves_inside(folder, root):
            link, real = _link_out(project, directory, root)
            links.setdefault(link, real)
            continue
        for name in sorted(names & _symlinks_in(folder)):
            if not _resolves_inside(folder / name, root):
                link = f"{directory}/{name}" if directory else name
                links.setdefault(link, Path(os.path.realpath(folder / name)))
    if not links:
        return
    listed = ", ".join(f"{link} -> {real}" for link, real in sorted(links.items()))
    several = len(links) > 1
    raise UsageError(
        f"{'these symbolic links lead' if several else 'a symbolic link leads'} out of the "
        f"project, and this run would write through {'them' if several else 'it'}: {listed}; "
        "nothing was written",
        hint="scaffold writes only inside the project: make "
        + ("each" if several else "it")
        + " a real copy ("
        + _copy_command(*next(iter(sorted(links.items()))))
        + "), or keep the files in the project and link to them from outside",
    )


def _by_directory(paths: Iterable[str]) -> dict[str, set[str]]:
    """The names of `paths` (relative, POSIX) by directory: a run's paths share a few, and
    splitting strings costs less than making a Path of each."""
    names: dict[str, set[str]] = {}
    for path in paths:
        directory, _, name = path.rpartition("/")
        names.setdefault(directory, set()).add(name)
    return names


def _symlinks_in(folder: Path) -> set[str]:
    """The names of the symbolic links in `folder` (none if it is not there)."""
    try:
        with os.scandir(folder) as entries:
            return {entry.name for entry in entries if entry.is_symlink()}
    except OSError:
        return set()


def _resolves_inside(path: Path, root: Path) -> bool:
    return Path(os.path.realpath(path)).is_relative_to(root)


def _link_out(project: Path, path: str, root: Path) -> tuple[str, Path]:
    """The first component of `path` (relative, POSIX) that resolves outside `root`: the
    link to name, and where it leads."""
    parts = PurePosixPath(path).parts
    for depth in range(1, len(parts) + 1):
        relative = "/".join(parts[:depth])
        real = Path(os.path.realpath(project / relative))
        if not real.is_relative_to(root):
            return relative, real
    return path, Path(os.path.realpath(project / path))  # not reached: the whole path leads out


def _copy_command(link: str, real: Path) -> str:
    """The shell command that replaces `link` by a copy of what it points to."""
    quoted = shlex.quote(link)
    if not real.exists():
        return f"rm {quoted}, a link to nothing"
    copy = "cp -R" if real.is_dir() else "cp"
    return f"in the project: rm {quoted} && {copy} {shlex.quote(str(real))} {quoted}"


def remove_stale_temp_files(
    project: Path, paths: Iterable[str], directories: Iterable[str] = ()
) -> list[str]:
    """Remove the temporary files an interrupted run left beside `paths` and in
    `directories` (relative to `project`); return them.

    Only `write_atomic`'s own are recognised: named `.NAME.XXXXXXXX.scaffold.tmp`, or
    (before that suffix existed) `.NAME.XXXXXXXX.tmp` when NAME is one of `paths`.
    """
    names = {directory: set[str]() for directory in directories} | _by_directory(paths)
    removed: list[str] = []
    for directory, known in sorted(names.items()):
        try:
            entries = list(os.scandir(project / directory))
        except OSError:  # not there (yet), or not a directory
            continue
        for entry in entries:
            if not entry.name.endswith(".tmp") or not entry.is_file(follow_symlinks=False):
                continue
            unmarked = _UNMARKED.fullmatch(entry.name)
            if _MARKED.fullmatch(entry.name) or (unmarked and unmarked["name"] in known):
                try:
                    Path(entry.path).unlink(missing_ok=True)
                except OSError:  # not ours to remove after all: it does no harm there
                    continue
                removed.append(f"{directory}/{entry.name}" if directory else entry.name)
    return removed


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
    destroyed resource leaves no empty `templates/<resource>/` behind (Rails does the same).
    A symbolic link stops the climb: it is the user's, and so is what it points to."""
    while (
        directory != project
        and project in directory.parents
        and not directory.is_symlink()
        and directory.is_dir()
        and not any(directory.iterdir())
    ):
        directory.rmdir()
        directory = directory.parent
