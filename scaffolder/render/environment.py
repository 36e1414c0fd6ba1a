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


#: Delimiters of blueprints that generate Jinja templates (`*.html.jinja`): the blueprint's
#: own code is written `[[ x ]]`, `[% if %]`, `[# note #]`, so the project's Jinja
#: (`{{ x }}`, `{% if %}`) appears in the blueprint exactly as it will in the output.
HTML_BLUEPRINT_SUFFIX = ".html.jinja"


def make_html_environment(env: jinja2.Environment) -> jinja2.Environment:
    """`env` with the `[[ ]]` / `[% %]` / `[# #]` delimiters of HTML blueprints."""
    return env.overlay(
        block_start_string="[%",
        block_end_string="%]",
        variable_start_string="[[",
        variable_end_string="]]",
        comment_start_string="[#",
        comment_end_string="#]",
    )
