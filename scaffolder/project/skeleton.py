"""Render the project blueprint (a Copier template) into memory: {posix path: text}.

The blueprint is scaffold's bundled one, or any Copier template the user names with
`scaffold new --blueprint`: a local directory (a git repository or not) or a git URL
(`https://…`, `git+file://…`, `gh:owner/repo`). Its source is recorded in
`.scaffold/skeleton.json`, so `sync` upgrades the skeleton from the same blueprint.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
from collections.abc import Iterator, Mapping
from contextlib import contextmanager, redirect_stderr
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from scaffolder.errors import UsageError
from scaffolder.scratch import scratch_directory

#: Source prefixes and schemes of a blueprint that is not a local directory.
_URL_PREFIXES = ("git+", "gh:", "gl:", "git@", "https://", "http://", "ssh://", "file://")
_SHORTCUTS = {"gh:": "https://github.com/", "gl:": "https://gitlab.com/"}


def project_blueprint() -> Path:
    """The Copier template of `scaffold new` (a wheel's copy, else the checkout's)."""
    from scaffolder.render.blueprints import bundled_blueprints

    return bundled_blueprints() / "project"


def is_url(source: str) -> bool:
    """Whether a blueprint source is a git URL rather than a local directory."""
    return source.startswith(_URL_PREFIXES)


def check_source(source: str) -> None:
    """Refuse, before anything runs, a local blueprint that cannot be a Copier template."""
    if is_url(source):
        return
    path = Path(source)
    if not path.is_dir():
        raise UsageError(
            f"blueprint {source} is not a directory",
            hint="give a Copier template: a local directory or a git URL (git+https://…)",
        )
    if not any((path / name).is_file() for name in ("copier.yml", "copier.yaml")):
        raise UsageError(
            f"blueprint {source} is not a Copier template: it has no copier.yml",
            hint="a project blueprint is a Copier template; see docs/customizing.md",
        )


def recorded_source(source: str, project: Path) -> str:
    """How `.scaffold/skeleton.json` records a source: a URL as given, a local directory
    relative to the project (so the pair can move together, and no home path leaks)."""
    if is_url(source):
        return source
    return Path(os.path.relpath(Path(source).resolve(), project.resolve())).as_posix()


def resolved_source(recorded: str, project: Path) -> str:
    """The source to render from, for a project whose skeleton record says `recorded`."""
    if is_url(recorded):
        return recorded
    return str((project / recorded).resolve())


@dataclass(frozen=True)
class Skeleton:
    """A rendered project blueprint and the answers it was rendered with."""

    files: dict[str, str]
    answers: dict[str, str]  # every question's final answer, to render it again on sync


def render_skeleton(
    answers: Mapping[str, str],
    suggestions: Mapping[str, str],
    *,
    interactive: bool,
    source: str | None = None,
) -> Skeleton:
    """Render the blueprint with Copier into a scratch directory and read it back.

    `answers` are final (from --data); `suggestions` are the defaults offered for
    the other questions (derived from the destination). Without `interactive`,
    every other question takes its default. `source` is a custom blueprint (None:
    the bundled one). Nothing is written outside the scratch directory, so a
    failure leaves no trace. Copier runs in safe mode: a template with tasks or
    Jinja extensions is refused, except for scaffold's own escaping extension.
    """
    from copier.errors import CopierError, UnsafeTemplateError

    template = source or str(project_blueprint())
    with scratch_directory("scaffold-new-") as scratch, _quiet_copier(interactive):
        destination = Path(scratch) / "project"
        try:
            with _copier_worker()(
                src_path=template,
                dst_path=destination,
                data=dict(answers),
                user_defaults=dict(suggestions),
                defaults=not interactive,
                quiet=True,
                unsafe=False,
            ) as worker:
                worker.unsafe = _only_escaping_extension(worker.template)
                worker.run_copy()
            questions = list(worker.template.questions_data)
        except KeyboardInterrupt:  # Ctrl-C at a question (CopierAnswersInterrupt): not a refusal
            raise
        except UnsafeTemplateError as error:
            first = str(error).splitlines()[0].removeprefix("Template uses ")
            raise UsageError(
                f"blueprint {template} uses {first.rstrip('.')}",
                hint="scaffold renders blueprints in Copier's safe mode: remove `_tasks`, "
                "`_migrations` and `_jinja_extensions` from its copier.yml",
            ) from None
        except (CopierError, ValueError) as error:
            what = "the project blueprint" if source is None else f"blueprint {template}"
            raise UsageError(f"{what} refused to render: {error}") from None
        except (OSError, subprocess.SubprocessError, RuntimeError) as error:
            raise UsageError(f"cannot read blueprint {template}: {_reason(error)}") from None
        unknown = sorted(set(answers) - set(questions))
        if unknown:
            raise UsageError(
                f"unknown blueprint question(s): {', '.join(unknown)}",
                hint=f"the questions are: {', '.join(questions)}",
            )
        final = {
            key: str(value) for key, value in worker.answers.combined.items() if key in questions
        }
        return Skeleton(read_tree(destination), dict(sorted(final.items())))


#: The Jinja extension giving Copier scaffold's escaping filters (`toml_str`,
#: `py_docstring`…): the one "unsafe" Copier feature scaffold allows, since it is its
#: own code, so that `--data` text reaches the project as data (docs/customizing.md).
ESCAPING_EXTENSION = "scaffolder.render.escape.CopierFilters"


def _only_escaping_extension(template: Any) -> bool:
    """Whether a Copier template's only unsafe feature is scaffold's escaping extension.

    Copier's safe mode refuses any `_jinja_extensions`; a template (bundled, a local
    directory or a git URL, as Copier read it) that names this one and nothing else,
    and has no tasks, is rendered with it. Any other template stays in safe mode,
    where Copier refuses what it refused before.
    """
    extensions = set(template.jinja_extensions)
    return extensions == {ESCAPING_EXTENSION} and not template.tasks


def _copier_worker() -> Any:
    """Copier's `Worker`: `run_copy` does not let scaffold see the template (its
    extensions and tasks) between reading and rendering it; copier 9.19 calls the
    name internal and warns, without a public replacement yet."""
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        from copier import Worker

    return Worker


@contextmanager
def _quiet_copier(interactive: bool) -> Iterator[None]:
    """Copier's own notes (`No git tags found…`, dirty-template warnings) kept off the
    terminal: only `report` prints. An interactive run keeps stderr for its prompts."""
    import io
    import warnings

    from copier.errors import CopierWarning

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CopierWarning)
        if interactive:
            yield
            return
        with redirect_stderr(io.StringIO()):
            yield


def rerender_skeleton(answers: Mapping[str, str], source: str | None = None) -> dict[str, str]:
    """The skeleton as the blueprint renders it now with a project's recorded answers."""
    return render_skeleton(answers, {}, interactive=False, source=source).files


def blueprint_digest(source: str | None = None) -> str:
    """What the blueprint is now: unchanged digest, unchanged skeleton (no need to render).

    The hash of the files of a local blueprint (bundled or not; a git repository's
    working tree); for a git URL, of its refs (`git ls-remote`: a new commit or tag
    changes it). Raises UsageError when a URL cannot be reached.
    """
    if source is not None and is_url(source):
        return "git:" + hashlib.sha256(_remote_refs(source).encode()).hexdigest()
    from scaffolder.render.blueprints import directory_digest

    root = Path(source) if source is not None else project_blueprint()
    if not root.is_dir():
        raise UsageError(f"blueprint {root} is not there any more")
    return directory_digest(root)


def _reason(error: BaseException | str) -> str:
    """The line of a failure that says why (git's `fatal: …`), else the whole message."""
    text = str(getattr(error, "stderr", "") or error)
    fatal = [line.strip() for line in text.splitlines() if "fatal:" in line]
    return fatal[0].split("fatal:", 1)[1].strip() if fatal else text.strip()


def _remote_refs(source: str) -> str:
    url = source.removeprefix("git+")
    for shortcut, base in _SHORTCUTS.items():
        if url.startswith(shortcut):
            url = base + url.removeprefix(shortcut)
    try:
        result = subprocess.run(
            ["git", "ls-remote", "--", url],
            capture_output=True,
            text=True,
            check=False,
            timeout=60,
            env={**os.environ, "GIT_TERMINAL_PROMPT": "0"},
        )
    except (OSError, subprocess.SubprocessError) as error:
        raise UsageError(f"cannot reach blueprint {source}: {error}") from None
    if result.returncode != 0:
        raise UsageError(f"cannot reach blueprint {source}: {_reason(result.stderr)}")
    return result.stdout


def read_tree(root: Path) -> dict[str, str]:
    """Every file under `root` as {posix relative path: text}, sorted by path.

    A project's files are text: scaffold stores their bases and merges them line by
    line. A blueprint that renders anything else (an image, bytecode) is refused.
    """
    tree: dict[str, str] = {}
    for path in sorted(root.rglob("*")):
        if not path.is_file():
            continue
        relative = path.relative_to(root).as_posix()
        try:
            tree[relative] = path.read_bytes().decode("utf-8")
        except UnicodeDecodeError:
            raise UsageError(
                f"the project blueprint renders `{relative}`, which is not UTF-8 text",
                hint="scaffold keeps a project's files as text, to merge them on upgrades: "
                "list binary files under `_exclude` in the blueprint's copier.yml and add "
                "them to the project after `scaffold new`",
            ) from None
    return tree
