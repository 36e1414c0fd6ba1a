"""Render the project blueprint (a Copier template) into memory: {posix path: text}."""

from __future__ import annotations

import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from scaffolder.errors import UsageError


def project_blueprint() -> Path:
    """The Copier template of `scaffold new` (a wheel's copy, else the checkout's)."""
    from scaffolder.render.blueprints import bundled_blueprints

    return bundled_blueprints() / "project"


def questions() -> list[str]:
    """The names of the blueprint's questions, in the order Copier asks them."""
    from ruamel.yaml import YAML

    config: dict[str, Any] = YAML(typ="safe").load(project_blueprint() / "copier.yml")
    return [key for key in config if not key.startswith("_")]


@dataclass(frozen=True)
class Skeleton:
    """A rendered project blueprint and the answers it was rendered with."""

    files: dict[str, str]
    answers: dict[str, str]  # every question's final answer, to render it again on sync


def render_skeleton(
    answers: Mapping[str, str], suggestions: Mapping[str, str], *, interactive: bool
) -> Skeleton:
    """Render the blueprint with Copier into a scratch directory and read it back.

    `answers` are final (from --data); `suggestions` are the defaults offered for
    the other questions (derived from the destination). Without `interactive`,
    every other question takes its default. Nothing is written outside the scratch
    directory, so a failure leaves no trace.
    """
    import copier
    from copier.errors import CopierError

    unknown = sorted(set(answers) - set(questions()))
    if unknown:
        raise UsageError(
            f"unknown blueprint question(s): {', '.join(unknown)}",
            hint=f"the questions are: {', '.join(questions())}",
        )
    with tempfile.TemporaryDirectory(prefix="scaffold-new-") as scratch:
        destination = Path(scratch) / "project"
        try:
            worker = copier.run_copy(
                str(project_blueprint()),
                destination,
                data=dict(answers),
                user_defaults=dict(suggestions),
                defaults=not interactive,
                quiet=True,
                unsafe=False,
            )
        except (CopierError, ValueError) as error:
            raise UsageError(f"the project blueprint refused the answers: {error}") from None
        final = {
            key: str(value) for key, value in worker.answers.combined.items() if key in questions()
        }
        return Skeleton(read_tree(destination), dict(sorted(final.items())))


def rerender_skeleton(answers: Mapping[str, str]) -> dict[str, str]:
    """The skeleton as the current blueprint renders it with a project's recorded answers."""
    return render_skeleton(answers, {}, interactive=False).files


def blueprint_digest() -> str:
    """A hash of the project blueprint's files: unchanged digest, unchanged skeleton."""
    from scaffolder.render.blueprints import directory_digest

    return directory_digest(project_blueprint())


def read_tree(root: Path) -> dict[str, str]:
    """Every file under `root` as {posix relative path: text}, sorted by path."""
    return {
        path.relative_to(root).as_posix(): path.read_bytes().decode("utf-8")
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }
