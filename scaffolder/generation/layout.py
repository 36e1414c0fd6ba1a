"""Stage 4, layout: the run's one ruff pass (`scaffolder.render.formatting`) over every
Python file it rendered or edited, so that what scaffold writes is laid out as the
generated project's own `ruff format --check` wants. Bases are laid out already.

Only a clean three-way merge makes new Python after this: the plan stage lays out
its result before it becomes part of the plan (`merged_layout`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from typing import TYPE_CHECKING

from scaffolder.generation.rendering import Tree
from scaffolder.generation.wiring import Wiring
from scaffolder.render.formatting import FormattingError, format_python

if TYPE_CHECKING:
    from scaffolder.progress import Progress


def lay_out(
    tree: Tree, wiring: Wiring, package: str, progress: Progress | None
) -> tuple[Tree, Wiring]:
    """`tree` and `wiring` with what this run rendered or edited laid out, in one pass.
    `progress` hears of it (a long pass, on a big project)."""

    if progress is not None:
        progress("formatting", 0, None)
    formatted = format_python(
        {**{p: tree.texts[p] for p in tree.fresh}, **wiring.unlaid()}, package
    )
    texts = {p: formatted[p] if p in tree.fresh else text for p, text in tree.texts.items()}
    return replace(tree, texts=texts, fresh=set()), wiring.laid_out(formatted)


def merged_layout(package: str) -> Callable[[Mapping[str, str]], dict[str, str]]:
    """How the plan stage lays out the Python files a clean merge made: like everything
    scaffold writes; a merge ruff cannot parse stays as merged (the user's file, mostly)."""

    def layout(merged: Mapping[str, str]) -> dict[str, str]:
        python = {p: t for p, t in merged.items() if p.endswith(".py")}
        if not python:
            return {}
        try:
            return format_python(python, package)
        except FormattingError:
            return {}

    return layout
