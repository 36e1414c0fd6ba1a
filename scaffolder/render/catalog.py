"""What a project can override: every bundled template, what it generates, and whether the
project's `blueprints/` replaces it (like Rails' lib/templates, Phoenix's priv/templates).

A template is named by its path under `blueprints/`: `resource/model.py.jinja`,
`resource/templates/detail.html.jinja`, `migration/revision.py.jinja`. The project
skeleton (`blueprints/project`) is a Copier template rendered once by `scaffold new`:
customize it with `scaffold new --blueprint` instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from scaffolder.errors import UsageError
from scaffolder.render.blueprints import PROJECT_OVERRIDES, bundled_blueprints
from scaffolder.suggest import closest

#: The kinds of templates a project overrides file by file.
KINDS = ("resource", "migration")
SUFFIX = ".jinja"
MIGRATION_FILES = "migrations/versions/NNNN_<change>.py"
PARTIAL = "(included by other templates)"
#: Templates that were a resource's and are now files of the project skeleton, by name:
#: a project's override of one is stale, and the file to edit instead.
MOVED_TO_SKELETON = {"resource/tests/resources.py.jinja": "tests/resources.py"}


@dataclass(frozen=True)
class Template:
    """One bundled template."""

    name: str  # its path under blueprints/: resource/model.py.jinja
    generates: str  # the files it renders to, as a pattern, or PARTIAL

    @property
    def bundled(self) -> Path:
        return bundled_blueprints() / self.name

    def override(self, project: Path) -> Path:
        """Where a project's own copy of this template lives."""
        return project / PROJECT_OVERRIDES / self.name


def bundled_templates() -> list[Template]:
    """Every template a project can override, by name."""
    from scaffolder.render.resource import RESOURCE_FILES

    generated = {f"resource/{f.template}": f.path for f in RESOURCE_FILES}
    generated["migration/revision.py.jinja"] = MIGRATION_FILES
    root = bundled_blueprints()
    return [
        Template(name, generated.get(name, PARTIAL))
        for kind in KINDS
        for name in sorted(
            path.relative_to(root).as_posix()
            for path in (root / kind).rglob(f"*{SUFFIX}")
            if path.is_file()
        )
    ]


@dataclass(frozen=True)
class Override:
    """A template's state in one project."""

    template: Template
    overridden: bool  # the project has its own copy
    modified: bool  # …and it differs from the bundled one


def overrides(project: Path) -> list[Override]:
    """Every bundled template and whether `project` overrides it."""
    found: list[Override] = []
    for template in bundled_templates():
        own = template.override(project)
        overridden = own.is_file()
        modified = overridden and own.read_bytes() != template.bundled.read_bytes()
        found.append(Override(template, overridden, modified))
    return found


def stray_overrides(project: Path) -> list[tuple[str, str | None]]:
    """Files under the project's blueprints/<kind>/ that override nothing (a misspelt
    name is silently unused otherwise), each with the template it was perhaps meant for."""
    kinds = [kind for kind in KINDS if (project / PROJECT_OVERRIDES / kind).is_dir()]
    if not kinds:  # most projects: no overrides, no need to list the bundled templates
        return []
    names = [t.name for t in bundled_templates()]
    strays: list[tuple[str, str | None]] = []
    for kind in kinds:
        for path in sorted((project / PROJECT_OVERRIDES / kind).rglob("*")):
            name = path.relative_to(project / PROJECT_OVERRIDES).as_posix()
            if path.is_file() and name not in names and path.suffix == SUFFIX:
                strays.append((f"{PROJECT_OVERRIDES}/{name}", closest(name, names)))
    return strays


def stray_warnings(project: Path) -> list[str]:
    """`stray_overrides` as warnings for the report of a run."""
    return [_stray_warning(path, match) for path, match in stray_overrides(project)]


def _stray_warning(path: str, match: str | None) -> str:
    moved = MOVED_TO_SKELETON.get(path.removeprefix(f"{PROJECT_OVERRIDES}/"))
    if moved is not None:
        return (
            f"{path} is not used: {moved} is a file of the project skeleton now, the same "
            f"for every resource; edit {moved} itself"
        )
    return f"{path} overrides no bundled template and is not used" + (
        f" (did you mean {PROJECT_OVERRIDES}/{match}?)" if match else ""
    )


def select(patterns: list[str]) -> list[Template]:
    """The templates `patterns` name: a kind (`resource`), a folder (`resource/templates`)
    or one file, with or without `.jinja` and without the kind if unambiguous
    (`model.py`). Unknown names are refused with a suggestion."""
    templates = bundled_templates()
    chosen: dict[str, Template] = {}
    for pattern in patterns:
        matched = _matching(pattern.strip().strip("/"), templates)
        if not matched:
            aliases = _aliases(templates)
            near = closest(pattern, aliases) or closest(pattern + SUFFIX, aliases)
            raise UsageError(
                f"no bundled template is called `{pattern}`",
                hint=f"did you mean `{aliases[near]}`?"
                if near
                else "`scaffold blueprints list` shows every template",
            )
        chosen.update((t.name, t) for t in matched)
    return list(chosen.values())


def _aliases(templates: list[Template]) -> dict[str, str]:
    """Shorter ways to write each template name (for suggestions): without the kind,
    the file name alone; and the kinds themselves."""
    aliases = {kind: kind for kind in KINDS}
    for template in templates:
        short = template.name.split("/", 1)[1]
        for alias in (template.name, short, short.rsplit("/", 1)[-1]):
            aliases.setdefault(alias, template.name)
    return aliases


def _matching(pattern: str, templates: list[Template]) -> list[Template]:
    name = pattern.removeprefix(f"{PROJECT_OVERRIDES}/")
    for candidate in (name, name + SUFFIX):
        exact = [t for t in templates if t.name == candidate]
        if exact:
            return exact
        folder = [t for t in templates if t.name.startswith(candidate + "/")]
        if folder:
            return folder
        unqualified = [t for t in templates if t.name.split("/", 1)[1] == candidate]
        if len(unqualified) == 1:
            return unqualified
    return []
