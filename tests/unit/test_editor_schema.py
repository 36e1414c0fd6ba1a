"""Editing help in generated projects: `.scaffold/schema.json` and the modeline of scaffold.yaml.

YAML editors built on yaml-language-server (VS Code's YAML extension, Neovim, Helix,
Zed…) read `# yaml-language-server: $schema=PATH` and complete and check the file
against that JSON Schema. `scaffold new` writes both; `sync` keeps the schema current,
through the plan, like any generated file.
"""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from inline_project import make_project
from ruamel.yaml import YAML
from typer.testing import CliRunner

from scaffolder.cli import app
from scaffolder.spec.json_schema import MODELINE, SCHEMA_PATH, schema_text, with_modeline
from scaffolder.state import load_manifest, read_base


def scaffold(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("editor") / "notes"
    code, output = scaffold("new", str(root), "--defaults")
    assert code == 0, output
    return root


def test_new_writes_the_schema_scaffold_schema_prints(project: Path) -> None:
    printed = CliRunner().invoke(app, ["schema"]).stdout
    assert (project / SCHEMA_PATH).read_text() == printed == schema_text()
    record = load_manifest(project).files[SCHEMA_PATH]
    assert record.owner == "project"
    assert read_base(project, record) == schema_text()


def test_scaffold_yaml_starts_with_the_modeline_pointing_at_it(project: Path) -> None:
    first = (project / "scaffold.yaml").read_text().splitlines()[0]
    assert first == "# yaml-language-server: $schema=.scaffold/schema.json"
    # the path is relative to scaffold.yaml, as yaml-language-server resolves it
    assert (project / first.split("$schema=")[1]).is_file()


def test_the_modeline_survives_generate_and_the_spec_still_validates(tmp_path: Path) -> None:
    root = make_project(tmp_path / "proj")
    spec = root / "scaffold.yaml"
    spec.write_text(with_modeline(spec.read_text()))
    code, output = scaffold("-C", str(root), "generate", "resource", "Tag", "name:str(30)")
    assert code == 0, output
    text = spec.read_text()
    assert text.startswith(MODELINE)
    assert text.count("yaml-language-server") == 1
    schema = json.loads((root / SCHEMA_PATH).read_text())
    jsonschema.Draft202012Validator(schema).validate(YAML(typ="safe").load(text))


@pytest.mark.parametrize(
    "spec",
    [
        "version: 1\nresources: {}\n",
        "# my notes\nversion: 1\nresources: {}\n",
    ],
)
def test_with_modeline_adds_it_once(spec: str) -> None:
    assert with_modeline(spec) == MODELINE + spec
    assert with_modeline(with_modeline(spec)) == MODELINE + spec


def test_a_spec_that_names_its_schema_keeps_it() -> None:
    spec = "version: 1\n# yaml-language-server: $schema=../schemas/scaffold.json\nresources: {}\n"
    assert with_modeline(spec) == spec


def test_new_with_a_spec_adds_the_modeline_once(tmp_path: Path) -> None:
    given = tmp_path / "spec.yaml"
    given.write_text(MODELINE + "version: 1\nresources: {}\n")
    code, output = scaffold("new", str(tmp_path / "p"), "--spec", str(given), "--defaults")
    assert code == 0, output
    assert (tmp_path / "p/scaffold.yaml").read_text() == given.read_text()


def test_sync_creates_the_schema_in_a_project_that_lacks_it(tmp_path: Path) -> None:
    root = make_project(tmp_path / "proj")
    (root / SCHEMA_PATH).unlink()
    code, output = scaffold("-C", str(root), "sync")
    assert code == 0, output
    assert f"create  {SCHEMA_PATH}" in output
    assert (root / SCHEMA_PATH).read_text() == schema_text()


def test_sync_updates_the_schema_when_a_new_scaffold_changes_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_project(tmp_path / "proj")
    assert scaffold("-C", str(root), "sync")[0] == 0
    # the upgrade: a new version of scaffold whose spec format has one more key
    newer = schema_text().replace("\n}", ',\n  "x": 1\n}')
    assert newer != schema_text()
    monkeypatch.setattr("scaffolder.generation.schema_text", lambda: newer)  # where sync reads it
    monkeypatch.setattr("scaffolder.generation.project_state.__version__", "99.0.0")
    assert scaffold("-C", str(root), "sync", "--check")[0] == 1
    code, output = scaffold("-C", str(root), "sync")
    assert code == 0, output
    assert f"update  {SCHEMA_PATH}" in output
    assert (root / SCHEMA_PATH).read_text() == newer
    assert scaffold("-C", str(root), "sync", "--check")[0] == 0
