"""The files generated for one resource: which template makes which path, for which layer.

The table below is the whole file list of a resource; a template renders with
`spec`, `resource` and `package` in its context and reads only their attributes: the
spec and resource in their views (`scaffolder.render.views`), which add to the model
what generated code needs.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from scaffolder.model.spec import Layer, Resource, Spec
from scaffolder.render.blueprints import blueprint_dirs, render_template
from scaffolder.render.environment import HTML_BLUEPRINT_SUFFIX
from scaffolder.render.reads import Read, RecordingSpec

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


_TEMPLATES = "{package}/templates/{snake}"

RESOURCE_FILES: tuple[BlueprintFile, ...] = (
    BlueprintFile("model.py.jinja", "{package}/models/{snake}.py"),
    BlueprintFile("schemas.py.jinja", "{package}/schemas/{snake}.py"),
    BlueprintFile("service.py.jinja", "{package}/services/{snake}.py"),
    BlueprintFile("api.py.jinja", "{package}/api/{snake}.py", Layer.API),
    BlueprintFile("tests/__init__.py.jinja", "tests/{snake}/__init__.py"),
    BlueprintFile("tests/factories.py.jinja", "tests/{snake}/factories.py"),
    BlueprintFile("tests/test_model.py.jinja", "tests/{snake}/test_model.py"),
    BlueprintFile("tests/test_api.py.jinja", "tests/{snake}/test_api.py", Layer.API),
    # HTML pages and admin screens (HTML blueprints: see `HTML_BLUEPRINT_SUFFIX`).
    BlueprintFile("form.py.jinja", "{package}/forms/{snake}.py", (Layer.HTML, Layer.ADMIN)),
    BlueprintFile("views.py.jinja", "{package}/views/{snake}.py", Layer.HTML),
    BlueprintFile("templates/list.html.jinja", _TEMPLATES + "/list.html", Layer.HTML),
    BlueprintFile("templates/_results.html.jinja", _TEMPLATES + "/_results.html", Layer.HTML),
    BlueprintFile("templates/detail.html.jinja", _TEMPLATES + "/detail.html", Layer.HTML),
    BlueprintFile("templates/form.html.jinja", _TEMPLATES + "/form.html", Layer.HTML),
    BlueprintFile(
        "templates/confirm_delete.html.jinja", _TEMPLATES + "/confirm_delete.html", Layer.HTML
    ),
    BlueprintFile("tests/forms.py.jinja", "tests/{snake}/forms.py", (Layer.HTML, Layer.ADMIN)),
    BlueprintFile("tests/test_views.py.jinja", "tests/{snake}/test_views.py", Layer.HTML),
    BlueprintFile("admin.py.jinja", "{package}/admin/{snake}.py", Layer.ADMIN),
    BlueprintFile("tests/test_admin.py.jinja", "tests/{snake}/test_admin.py", Layer.ADMIN),
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
        return self.render_recorded(resource)[0]

    def render_recorded(self, resource: Resource) -> tuple[dict[str, str], frozenset[Read]]:
        """The files of `resource` (unformatted), and what their templates read of the spec."""
        recording = RecordingSpec(self.spec)
        files = {
            blueprint.output_path(self.package, resource): self._render(
                blueprint, resource, recording
            )
            for blueprint in resource_files(resource)
        }
        return files, frozenset(recording.reads)

    def render_file(self, blueprint: BlueprintFile, resource: Resource) -> str:
        """The text of one blueprint file for `resource` (unformatted)."""
        return self._render(blueprint, resource, RecordingSpec(self.spec))

    def _render(self, blueprint: BlueprintFile, resource: Resource, spec: RecordingSpec) -> str:
        context = {"spec": spec, "resource": spec.resource_view(resource), "package": self.package}
        env = self.html_env if blueprint.template.endswith(HTML_BLUEPRINT_SUFFIX) else self.env
        return render_template(env, blueprint.template, context)
