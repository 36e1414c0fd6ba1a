"""The stages of `generation.prepare` (render → migration → wiring → layout → plan →
state): Python is laid out by one ruff pass over everything the run rendered or
edited, and a clean merge is laid out before it becomes part of the plan."""

from __future__ import annotations

from pathlib import Path

import pytest
from inline_project import make_project, set_template

from scaffolder.commands.sync import apply_sync, plan_sync
from scaffolder.generation import layout
from scaffolder.plan import Action
from scaffolder.render import formatting

POST = "  Post:\n    fields:\n      title: str(200)\n"


def declare_post(project: Path) -> None:
    spec = project / "scaffold.yaml"
    spec.write_text(spec.read_text().replace("resources: {}\n", "resources:\n" + POST))


@pytest.fixture
def ruff_passes(monkeypatch: pytest.MonkeyPatch) -> list[set[str]]:
    """The paths each ruff pass of a run lays out, pass by pass."""
    passes: list[set[str]] = []
    real = formatting.format_python

    def counted(tree: dict[str, str], package: str) -> dict[str, str]:
        passes.append({path for path in tree if path.endswith(".py")})
        return real(tree, package)

    monkeypatch.setattr(layout, "format_python", counted)  # where the stages call it
    return passes


def test_a_run_lays_out_what_it_rendered_and_wired_in_one_pass(
    tmp_path: Path, ruff_passes: list[set[str]]
) -> None:
    project = make_project(tmp_path / "project")
    declare_post(project)
    generation = plan_sync(project)
    assert len(ruff_passes) == 1
    (laid_out,) = ruff_passes
    assert "app/models/post.py" in laid_out  # rendered
    assert "app/models/__init__.py" in laid_out  # wired: the model's import added
    written = {op.path for op in generation.plan.writes if op.path.endswith(".py")}
    assert written <= laid_out  # every Python file the run writes went through it


def test_a_clean_merge_is_laid_out_before_it_is_planned(
    tmp_path: Path, ruff_passes: list[set[str]]
) -> None:
    project = make_project(tmp_path / "project")
    declare_post(project)
    apply_sync(project, plan_sync(project))
    model = project / "app/models/post.py"
    model.write_text(model.read_text() + "\n\nmine=[1,2]\n")  # the user's line, unformatted
    set_template(project, "model.py.jinja", '"""{{ resource.name }}."""\n\nVALUE = 1\n')
    ruff_passes.clear()

    generation = plan_sync(project)

    (merge,) = [op for op in generation.plan.ops if op.path == "app/models/post.py"]
    assert merge.action is Action.MERGE
    assert merge.text is not None
    assert "VALUE = 1" in merge.text  # the blueprint's change
    assert "mine = [1, 2]" in merge.text  # the user's line, laid out like the rest
    assert len(ruff_passes) == 2  # the run's pass, then the merges' own
    assert ruff_passes[1] == {"app/models/post.py"}
