"""The Jinja environment every blueprint renders in."""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from scaffolder.user_cache import cache_dir

if TYPE_CHECKING:
    import jinja2


def make_environment(search_path: list[Path]) -> jinja2.Environment:
    """Strict (an unknown name is an error, never an empty string), no autoescape
    (output is Python and Jinja source, not HTML), files ending as written."""
    import jinja2

    from scaffolder.render import filters

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader([str(p) for p in search_path]),
        bytecode_cache=_bytecode_cache("blueprint"),
        undefined=_strict_undefined(),
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(filters.FILTERS)
    return env


@cache
def _strict_undefined() -> type[jinja2.StrictUndefined]:
    """Jinja's StrictUndefined, naming the model class behind a view in its message
    (`'scaffolder.model.spec.Resource object' has no attribute 'nmae'`): the class the
    template-context reference documents."""
    import jinja2

    from scaffolder.render.views import model

    class ModelUndefined(jinja2.StrictUndefined):
        __slots__ = ()

        def __init__(
            self,
            hint: str | None = None,
            obj: object = jinja2.utils.missing,
            name: str | None = None,
            exc: type[jinja2.TemplateRuntimeError] = jinja2.UndefinedError,
        ) -> None:
            super().__init__(hint, model(obj), name, exc)

    return ModelUndefined


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
        # Same template names, other delimiters: compiled code must not be shared.
        bytecode_cache=_bytecode_cache("html-blueprint"),
    )


def _bytecode_cache(kind: str) -> jinja2.BytecodeCache | None:
    """A cache of compiled templates of one environment kind; None: compile every run.

    Compiling the ~35 resource blueprints costs more than rendering them; Jinja checks
    each cached entry against the template's source, so an edited blueprint (bundled
    or a project's override) is compiled again.

    Entry names carry the scaffold and Jinja versions as well, because the code Jinja
    compiles also depends on the environment's options and filters.
    """
    import jinja2

    from scaffolder import __version__

    root = cache_dir()
    if root is None:
        return None
    directory = root / "jinja"
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    if not os.access(directory, os.W_OK):
        return None
    pattern = f"{kind}-{__version__}-{jinja2.__version__}-%s.cache"
    return jinja2.FileSystemBytecodeCache(str(directory), pattern)
