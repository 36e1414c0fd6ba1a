"""The files generated for one resource: which template makes which path, for which layer.

The table below is the whole file list of a resource; a template renders with
`spec`, `resource` and `package` in its context and reads only their attributes.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from scaffolder.model.spec import Layer, Resource, Spec
from scaffolder.render.blueprints import blueprint_dirs
from scaffolder.render.environment import HTML_BLUEPRINT_SUFFIX

if TYPE_CHECKING:
    import jinja2


@dataclass(frozen=True)
class BlueprintFile:
    """One template of `blueprints/resource` and the path it renders to."""

    template: str
    path: str  # formatted with package=…, snake=…, route=…
    #: None: generated for every resource; a tuple: for resources with any of these layers
    layer: Layer | tuple[Layer, ...] | None = None

    def wanted_by(self, resource: Resource) -> bool:
        """Whether `resource` gets this file, given its layers."""
        if self.layer is None:
            return True
        layers = self.layer if isinstance(self.layer, tuple) else (self.layer,)
        return any(resource.has_layer(layer) for layer in layers)

    def output_path(self, package: str, resource: Resource) -> str:
        return self.path.format(
            package=package, snake=resource.names.snake, route=resource.names.route
        )


RESOURCE_FILES: tuple[BlueprintFile, ...] = (
    BlueprintFile("model.py.jinja", "{package}/models/{snake}.py"),
    BlueprintFile("schemas.py.jinja", "{package}/schemas/{snake}.py"),
    BlueprintFile("service.py.jinja", "{package}/services/{snake}.py"),
    BlueprintFile("api.py.jinja", "{package}/api/{snake}.py", Layer.API),
    BlueprintFile("tests/test_model.py.jinja", "tests/{snake}/test_model.py"),
    BlueprintFile("tests/test_api.py.jinja", "tests/{snake}/test_api.py", Layer.API),
)


def resource_files(resource: Resource) -> tuple[BlueprintFile, ...]:
    """The blueprint files this resource gets, given its layers."""
    return tuple(f for f in RESOURCE_FILES if f.wanted_by(resource))


class ResourceRenderer:
    """Renders resources of one spec; one Jinja environment for the whole run."""

    def __init__(self, spec: Spec, package: str, project: Path | None = None) -> None:
        from scaffolder.render.environment import make_environment, make_html_environment

        self.spec = spec
        self.package = package
        self.env: jinja2.Environment = make_environment(blueprint_dirs("resource", project))
        self.html_env: jinja2.Environment = make_html_environment(self.env)

    def render(self, resource: Resource) -> dict[str, str]:
        """{path: text} of every file of `resource` (unformatted)."""
        context = {"spec": self.spec, "resource": resource, "package": self.package}
        tree: dict[str, str] = {}
        for blueprint in resource_files(resource):
            env = self.html_env if blueprint.template.endswith(HTML_BLUEPRINT_SUFFIX) else self.env
            template = env.get_template(blueprint.template)
            tree[blueprint.output_path(self.package, resource)] = template.render(context)
        return tree
