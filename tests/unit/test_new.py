"""`scaffold new`: names, refusals, atomicity, determinism and the `.scaffold/` state."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from scaffolder import __version__
from scaffolder.cli import app
from scaffolder.commands.new import EMPTY_SPEC
from scaffolder.project.names import derive_package_name, derive_project_name
from scaffolder.project.skeleton import read_tree
from scaffolder.spec.json_schema import MODELINE, SCHEMA_PATH, schema_text
from scaffolder.state import Manifest, is_state, load_manifest, read_base

runner = CliRunner()


def scaffold_new(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["new", *args])
    return result.exit_code, result.output


@pytest.mark.parametrize(
    ("directory", "package"),
    [
        ("demo", "demo"),
        ("my-blog", "my_blog"),
        ("My Blog!", "my_blog"),
        ("café.app", "cafe_app"),
        ("2fast", "fast"),
        ("---", "app"),
        ("class", "class_app"),
        ("email", "email_app"),  # would shadow the standard library
        ("fastapi", "fastapi_app"),  # would shadow a dependency
        ("tests", "tests_app"),  # the project's own tests package
    ],
)
def test_package_name_derives_from_the_directory(directory: str, package: str) -> None:
    assert derive_package_name(directory) == package


@pytest.mark.parametrize(
    ("directory", "project"),
    [("demo", "demo"), ("my-blog", "my-blog"), ("My Blog", "My-Blog"), ("...", "app")],
)
def test_project_name_derives_from_the_directory(directory: str, project: str) -> None:
    assert derive_project_name(directory) == project


def test_new_creates_a_project_named_after_its_directory(tmp_path: Path) -> None:
    code, output = scaffold_new(str(tmp_path / "my-blog"), "--defaults")
    assert code == 0, output
    root = tmp_path / "my-blog"
    assert (root / "my_blog" / "main.py").is_file()
    assert 'name = "my-blog"' in (root / "pyproject.toml").read_text()
    assert (root / "scaffold.yaml").read_text() == EMPTY_SPEC
    assert "package my_blog" in output


def test_the_project_has_its_own_session_cookie_and_offline_api_docs(tmp_path: Path) -> None:
    # Issue 13: two projects on one host must not share the cookie `session`; /docs must
    # not load Swagger UI from a CDN; request bodies have a size limit.
    code, output = scaffold_new(str(tmp_path / "my-blog"), "--defaults")
    assert code == 0, output
    package = tmp_path / "my-blog" / "my_blog"
    settings = (package / "settings.py").read_text()
    assert 'session_cookie: str = "my_blog_session"' in settings
    assert "max_body_bytes: int = Field(default=1024 * 1024" in settings
    assert "api_docs: bool = True" in settings
    page = (package / "templates" / "api_docs.html").read_text()
    assert "http" not in page  # every asset is local
    for asset in ("swagger-ui-bundle.js", "swagger-ui.css", "start.js", "LICENSE"):
        assert (package / "static" / "swagger-ui" / asset).stat().st_size > 0


def test_the_readme_never_runs_scaffold_where_it_is_not_installed(tmp_path: Path) -> None:
    """Issue 13: the project's README made a new venv, then ran `scaffold generate` in it,
    where scaffold is not installed. Followed in order, every venv its commands make gets
    scaffold (from a checkout: it is not on PyPI) before a `scaffold` command runs."""
    code, output = scaffold_new(str(tmp_path / "my-blog"), "--defaults")
    assert code == 0, output
    readme = (tmp_path / "my-blog" / "README.md").read_text()
    commands = [
        line.split("#", 1)[0].strip()
        for block in re.findall(r"^```bash\n(.*?)^```$", readme, re.M | re.S)
        for line in block.splitlines()
    ]
    has_scaffold = True  # the environment `scaffold new` ran in
    for command in commands:
        for part in (part.strip() for part in command.split("&&")):
            if "-m venv" in part:
                has_scaffold = False
            elif re.fullmatch(r"pip install -e /\S*scaffold", part):
                has_scaffold = True
            elif part.startswith("scaffold "):
                assert has_scaffold, f"`{part}` runs in a venv without scaffold"
    assert any(command.startswith("scaffold generate") for command in commands)
    assert "pypi.org/project/scaffold" not in readme  # another project's page


def test_data_answers_blueprint_questions(tmp_path: Path) -> None:
    code, output = scaffold_new(
        str(tmp_path / "site"), "--data", "package_name=web", "--data", "description=My site"
    )
    assert code == 0, output
    assert (tmp_path / "site" / "web" / "main.py").is_file()
    assert 'description = "My site"' in (tmp_path / "site" / "pyproject.toml").read_text()


@pytest.mark.parametrize(
    "data",
    ["package_name=Not-Valid", "package_name=json", "no_such_question=1", "missing-equals"],
)
def test_bad_data_is_refused_and_nothing_is_written(tmp_path: Path, data: str) -> None:
    code, output = scaffold_new(str(tmp_path / "demo"), "--data", data)
    assert code == 2, output
    assert list(tmp_path.iterdir()) == []


def test_a_non_empty_directory_is_refused(tmp_path: Path) -> None:
    (tmp_path / "demo").mkdir()
    (tmp_path / "demo" / "notes.txt").write_text("mine")
    code, output = scaffold_new(str(tmp_path / "demo"), "--defaults")
    assert code == 2
    assert "not empty" in output
    assert [p.name for p in (tmp_path / "demo").iterdir()] == ["notes.txt"]


def test_an_empty_directory_is_used(tmp_path: Path) -> None:
    (tmp_path / "demo").mkdir()
    code, output = scaffold_new(str(tmp_path / "demo"), "--defaults")
    assert code == 0, output
    assert (tmp_path / "demo" / "demo" / "main.py").is_file()
    assert [p.name for p in tmp_path.iterdir()] == ["demo"]  # no staging directory left


def test_a_bad_spec_writes_nothing_not_even_the_directory(tmp_path: Path) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text("version: 1\nresources:\n  post:\n    fields: {title: strng}\n")
    code, output = scaffold_new(str(tmp_path / "demo"), "--spec", str(spec), "--defaults")
    assert code == 2
    assert "spec.yaml" in output
    assert not (tmp_path / "demo").exists()


def test_a_missing_spec_writes_nothing(tmp_path: Path) -> None:
    code, _ = scaffold_new(str(tmp_path / "demo"), "--spec", str(tmp_path / "nope.yaml"))
    assert code == 2
    assert not (tmp_path / "demo").exists()


def test_a_failure_midway_leaves_no_trace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Ten files of the skeleton's plan written, the eleventh fails: nothing is left."""
    from scaffolder.plan import apply

    written: list[Path] = []
    write_private = apply.write_private  # `new` writes in a directory of its own

    def explode(target: Path, text: str) -> None:
        if len(written) == 10:
            raise RuntimeError("boom")
        write_private(target, text)
        written.append(target)

    monkeypatch.setattr(apply, "write_private", explode)
    result = runner.invoke(app, ["new", str(tmp_path / "demo"), "--defaults"])
    assert isinstance(result.exception, RuntimeError)
    assert len(written) == 10
    assert list(tmp_path.iterdir()) == []


def test_new_with_a_spec_generates_and_wires_every_resource(tmp_path: Path) -> None:
    text = "version: 1\nresources:\n  Post:\n    fields:\n      title: str(200)\n"
    spec = tmp_path / "blog.yaml"
    spec.write_text(text)
    code, output = scaffold_new(str(tmp_path / "blog"), "--spec", str(spec), "--defaults")
    assert code == 0, output
    root = tmp_path / "blog"
    # the spec as given, pointing YAML editors at the schema scaffold keeps in .scaffold/
    assert (root / "scaffold.yaml").read_text() == MODELINE + text
    assert (root / ".scaffold" / "spec.yaml").read_text() == MODELINE + text
    assert (root / SCHEMA_PATH).read_text() == schema_text()
    assert "class Post(" in (root / "blog" / "models" / "post.py").read_text()
    assert (
        "from blog.models.post import Post"
        in (root / "blog" / "models" / "__init__.py").read_text()
    )
    assert "post_api.router" in (root / "blog" / "routes.py").read_text()
    migration = next((root / "migrations" / "versions").glob("0002_*.py")).read_text()
    assert '"posts"' in migration
    manifest = load_manifest(root)
    assert manifest.files["blog/models/post.py"].owner == "Post"
    assert manifest.files["blog/main.py"].owner == "project"
    # the helpers every resource's tests share are the skeleton's, not the last resource's
    assert manifest.files["tests/resources.py"].owner == "project"
    # nothing left to do: the new project is in sync with its spec
    result = runner.invoke(app, ["-C", str(root), "sync", "--check"])
    assert result.exit_code == 0, result.output


def test_new_lays_out_skeleton_and_resources_in_one_ruff_pass(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One `prepare` plans the skeleton with the resources: their Python is laid out
    together, and a wired skeleton file's base is the skeleton as rendered (unwired)."""
    from scaffolder.render import formatting

    passes: set[Path] = set()
    ruff = formatting._ruff

    def recording(root: Path, *args: str) -> None:
        passes.add(root)
        ruff(root, *args)

    monkeypatch.setattr(formatting, "_ruff", recording)
    spec = tmp_path / "blog.yaml"
    spec.write_text("version: 1\nresources:\n  Post:\n    fields:\n      title: str(200)\n")
    code, output = scaffold_new(str(tmp_path / "blog"), "--spec", str(spec), "--defaults")
    assert code == 0, output
    assert len(passes) == 1
    root = tmp_path / "blog"
    models = "blog/models/__init__.py"
    wired = (root / models).read_text()
    base = read_base(root, load_manifest(root).files[models])
    assert "from blog.models.post import Post" in wired
    assert "post" not in base
    assert formatting.format_python({models: wired}, "blog")[models] == wired


def test_a_project_without_spec_is_prepared_with_the_spec_it_gets() -> None:
    """`new` without --spec plans with an empty Spec, not parsing EMPTY_SPEC (ruamel and
    inflect stay unloaded): they must say the same."""
    from scaffolder.model.spec import Spec
    from scaffolder.spec import parse_spec

    assert parse_spec(EMPTY_SPEC, "scaffold.yaml") == Spec(version=1, resources=())


def test_two_runs_are_byte_identical(tmp_path: Path) -> None:
    for run in ("one", "two"):
        code, output = scaffold_new(str(tmp_path / run / "demo"), "--defaults")
        assert code == 0, output
    first, second = read_tree(tmp_path / "one" / "demo"), read_tree(tmp_path / "two" / "demo")
    assert first == second
    assert not [path for path, text in first.items() if str(tmp_path) in text]


def test_manifest_and_base_record_every_generated_file(tmp_path: Path) -> None:
    code, output = scaffold_new(str(tmp_path / "demo"), "--defaults")
    assert code == 0, output
    root = tmp_path / "demo"
    tree = read_tree(root)
    manifest = load_manifest(root)

    generated = {p for p in tree if p != "scaffold.yaml" and not is_state(p)}
    assert SCHEMA_PATH in generated
    assert set(manifest.files) == generated
    assert "def check_api_crud(" in tree["tests/resources.py"]  # before any resource
    assert manifest.generator == f"scaffold {__version__}"
    for path, record in manifest.files.items():
        assert record.owner == "project"
        assert record.base == hashlib.sha256(tree[path].encode()).hexdigest()
        assert tree[f".scaffold/base/{record.base}"] == tree[path]
        assert read_base(root, record) == tree[path]
    assert not [p for p in tree if p.startswith(".scaffold/base/") and p.endswith(".py")]
    assert tree[".scaffold/spec.yaml"] == EMPTY_SPEC

    text = tree[".scaffold/manifest.json"]
    data = json.loads(text)
    assert data["version"] == 1
    assert text == json.dumps(data, indent=2, sort_keys=True) + "\n"
    assert Manifest.from_json(text) == manifest


def test_files_written_in_place_get_the_mode_atomic_writes_give(tmp_path: Path) -> None:
    """`new` writes its own directory in place (`write_private`): its files get mode 644,
    as `write_atomic` gives, whatever the umask; an existing file keeps its mode."""
    import os

    from scaffolder.plan.apply import write_atomic, write_private

    previous = os.umask(0o077)
    try:
        write_private(tmp_path / "private.py", "x = 1\n")
        write_atomic(tmp_path / "atomic.py", "x = 1\n")
    finally:
        os.umask(previous)
    modes = {p.name: p.stat().st_mode & 0o777 for p in tmp_path.iterdir()}
    assert modes == {"private.py": 0o644, "atomic.py": 0o644}
    (tmp_path / "private.py").chmod(0o600)
    write_private(tmp_path / "private.py", "x = 2\n")
    assert (tmp_path / "private.py").stat().st_mode & 0o777 == 0o600
    assert (tmp_path / "private.py").read_text() == "x = 2\n"


def test_scratch_directories_go_to_memory_unless_tmpdir_is_set(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from scaffolder.scratch import scratch_directory, scratch_parent

    monkeypatch.setenv("TMPDIR", str(tmp_path))
    assert scratch_parent() is None  # the user's choice wins
    monkeypatch.delenv("TMPDIR")
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))
    assert scratch_parent() == str(tmp_path)
    with scratch_directory("scaffold-test-") as scratch:
        assert Path(scratch).parent == tmp_path
    assert list(tmp_path.iterdir()) == []
