"""Runs reuse the last rendering of resources whose inputs did not change (fingerprints in
`.scaffold/fingerprints.json`), and that never changes what a run writes.

The property: after any sequence of spec edits and blueprint overrides, a sync that
uses the recorded fingerprints leaves exactly the tree a sync without them (every
resource rendered, every wiring edit run) leaves.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scaffolder.commands.new import create_project
from scaffolder.commands.sync import apply_sync, plan_sync
from scaffolder.project.skeleton import read_tree
from scaffolder.render import formatting
from scaffolder.render.blueprints import bundled_blueprints
from scaffolder.render.resource import ResourceRenderer
from scaffolder.state import FINGERPRINTS_PATH, changed_state

POOL = ("Author", "Post", "Tag")
FIELDS = (
    "title: str(100)",
    "body: text?",
    "count: int = 0",
    "price: decimal(8,2)?",
    "flag: bool = false",
    "status: enum(draft, on hold) = draft",
    "starts_at: datetime?",
)
OVERRIDE = "blueprints/resource/schemas.py.jinja"


@st.composite
def spec_texts(draw: st.DrawFn) -> str:
    """A valid spec over a few resources: mixed fields, refs (self, each other, User),
    many-to-many, layers."""
    names = sorted(
        draw(st.lists(st.sampled_from(POOL), min_size=1, max_size=3, unique=True)),
        key=POOL.index,
    )
    lines = ["version: 1", "resources:"]
    for name in names:
        lines += [f"  {name}:", "    fields:"]
        lines += [
            f"      {f}"
            for f in draw(st.lists(st.sampled_from(FIELDS), min_size=1, max_size=3, unique=True))
        ]
        for target in draw(st.lists(st.sampled_from([*names, "User"]), max_size=2, unique=True)):
            field = f"{target.lower()}_ref"
            lines += [
                f"      {field}:",
                f"        type: ref({target})",
                "        nullable: true",
                "        on_delete: set_null",
                f"        back: {name.lower()}_{field}s",
            ]
        others = [n for n in names if n != name]
        if draw(st.booleans()) and others:
            target = draw(st.sampled_from(others))
            lines += [
                "      links:",
                f"        type: many({target})",
                f"        back: {name.lower()}_links",
            ]
        layers = draw(st.sampled_from([None, "[api]", "[api, admin]"]))
        if layers:
            lines.append(f"    layers: {layers}")
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def empty_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("reuse") / "proj"
    create_project(root, answers={}, interactive=False)
    return root


@pytest.fixture
def rendered(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the resources rendered, in order."""
    names: list[str] = []
    original = ResourceRenderer.render_recorded

    def recording(self: ResourceRenderer, resource: object) -> object:
        names.append(getattr(resource, "name", "?"))
        return original(self, resource)  # type: ignore[arg-type]

    monkeypatch.setattr(ResourceRenderer, "render_recorded", recording)
    return names


def _sync(project: Path) -> None:
    apply_sync(project, plan_sync(project))


def _tree(project: Path) -> dict[str, str]:
    return {p: t for p, t in read_tree(project).items() if not p.startswith(".scaffold/undo/")}


@pytest.mark.slow
@settings(
    max_examples=4,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(steps=st.lists(st.tuples(spec_texts(), st.booleans()), min_size=2, max_size=3))
def test_reusing_renderings_writes_what_rendering_everything_writes(
    empty_project: Path, steps: list[tuple[str, bool]]
) -> None:
    bundled = (bundled_blueprints() / "resource" / "schemas.py.jinja").read_text()
    with tempfile.TemporaryDirectory() as scratch:
        cached = Path(scratch) / "cached"
        shutil.copytree(empty_project, cached)
        for spec_text, override in steps:
            (cached / "scaffold.yaml").write_text(spec_text)
            target = cached / OVERRIDE
            if override:  # the project's own template: every resource renders anew
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(bundled + f"# this project's schemas ({len(steps)})\n")
            elif target.exists():
                target.unlink()
            full = Path(scratch) / "full"
            shutil.rmtree(full, ignore_errors=True)
            shutil.copytree(cached, full)
            (full / FINGERPRINTS_PATH).unlink(missing_ok=True)  # nothing to reuse
            _sync(cached)
            _sync(full)
            assert _tree(cached) == _tree(full)
            assert plan_sync(cached).plan.changes_nothing


SPEC = """version: 1
resources:
  Author:
    fields:
      name: str(100)
  Post:
    fields:
      title: str(200)
      author: ref(Author)
  Tag:
    fields:
      label: str(50)
"""


def test_a_change_re_renders_only_the_resources_that_read_it(
    empty_project: Path, tmp_path: Path, rendered: list[str]
) -> None:
    project = tmp_path / "proj"
    shutil.copytree(empty_project, project)
    spec = project / "scaffold.yaml"
    spec.write_text(SPEC)
    _sync(project)
    assert rendered == ["Author", "Post", "Tag"]

    rendered.clear()
    assert plan_sync(project).plan.changes_nothing
    assert rendered == []  # nothing changed: nothing rendered, the spec not even parsed

    rendered.clear()
    spec.write_text(SPEC.replace("label: str(50)", "label: str(50)\n      rank: int = 0"))
    _sync(project)
    assert rendered == ["Tag"]  # nobody refers to Tag

    rendered.clear()
    spec.write_text(spec.read_text().replace("name: str(100)", "name: str(120)"))
    _sync(project)
    assert rendered == ["Author", "Post"]  # Post's pages and forms show its author

    rendered.clear()
    spec.write_text(spec.read_text().replace("title: str(200)", "title: str(250)"))
    _sync(project)
    # Author's service declares the posts referring to it (spec.referrers): it reads Post.
    assert rendered == ["Author", "Post"]

    rendered.clear()
    text = spec.read_text()
    spec.write_text("# a comment moves every line\n" + text)
    _sync(project)
    assert rendered == []  # same resources: the new text is recorded, nothing rendered
    assert (project / ".scaffold/spec.yaml").read_text() == spec.read_text()


def test_deleted_fingerprints_only_cost_time(
    empty_project: Path, tmp_path: Path, rendered: list[str]
) -> None:
    project = tmp_path / "proj"
    shutil.copytree(empty_project, project)
    (project / "scaffold.yaml").write_text(SPEC)
    _sync(project)
    before = _tree(project)
    (project / FINGERPRINTS_PATH).unlink()
    rendered.clear()
    _sync(project)
    assert rendered == ["Author", "Post", "Tag"]
    assert _tree(project) == before


def test_a_run_with_nothing_changed_plans_from_the_bases_alone(
    empty_project: Path, tmp_path: Path, rendered: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Nothing changed but the user's own edits: nothing is rendered, nothing but a new
    package init laid out, the state stays as it is, and the plan finds the edits."""

    project = tmp_path / "proj"
    shutil.copytree(empty_project, project)
    (project / "scaffold.yaml").write_text(SPEC)
    _sync(project)
    package = next(p.parent.parent.name for p in project.glob("*/models/base.py"))
    model = project / package / "models" / "post.py"
    model.write_text(model.read_text() + "\n\nMINE = 1\n")  # an edit: kept
    service = project / package / "services" / "tag.py"
    service.write_text("<<<<<<< yours\nx = 1\n=======\nx = 2\n>>>>>>> scaffold\n")
    (project / package / "views" / "author.py").unlink()  # deleted: stays deleted
    (project / package / "schemas" / "__init__.py").unlink()  # a package init: made again
    laid_out: list[str] = []
    real = formatting.format_python

    def recording(tree: dict[str, str], package: str) -> dict[str, str]:
        laid_out.extend(tree)
        return real(tree, package)

    monkeypatch.setattr("scaffolder.generation.layout.format_python", recording)
    rendered.clear()

    generation = plan_sync(project)

    assert rendered == []
    assert laid_out == [f"{package}/schemas/__init__.py"]  # made again: the only new text
    assert changed_state(project, generation.state) == {}
    actions = {op.path: op.action.value for op in generation.plan.ops}
    edited = {
        f"{package}/services/tag.py": "conflict",
        f"{package}/views/author.py": "skip",
        f"{package}/schemas/__init__.py": "create",
    }
    assert {p: actions[p] for p in edited} == edited
    assert {a for p, a in actions.items() if p not in edited} == {"identical"}


def test_another_ruff_or_jinja_renders_everything_again(
    empty_project: Path, tmp_path: Path, rendered: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """They shape the text as much as the templates do: a recorded rendering made with
    another version is not reused."""
    from scaffolder.generation import project_state
    from scaffolder.user_cache import installed_version as real

    project = tmp_path / "proj"
    shutil.copytree(empty_project, project)
    (project / "scaffold.yaml").write_text(SPEC)
    _sync(project)
    for upgraded in ("ruff", "jinja2"):
        monkeypatch.setattr(
            project_state,
            "installed_version",
            lambda name, upgraded=upgraded: "99.0" if name == upgraded else real(name),
        )
        rendered.clear()
        assert plan_sync(project).plan.changes_nothing
        assert rendered == ["Author", "Post", "Tag"], upgraded
        monkeypatch.setattr(project_state, "installed_version", real)
