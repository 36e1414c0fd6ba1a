"""The Jinja environment every blueprint renders in."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import jinja2


def make_environment(search_path: list[Path]) -> jinja2.Environment:
    """Strict (an unknown name is an error, never an empty string), no autoescape
    (output is Python and Jinja source, not HTML), files ending as written."""
    import jinja2

    from scaffolder.render import filters

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader([str(p) for p in search_path]),
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(filters.FILTERS)
    return env
