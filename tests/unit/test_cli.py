"""The command line around the spec: exit statuses, messages, `-C`, `schema`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from ruamel.yaml import YAML
from typer.testing import CliRunner, Result

from scaffolder import __version__, report
from scaffolder.cli import app
from scaffolder.errors import EXIT_BAD_INPUT, EXIT_OK
from scaffolder.examples import example_path

BAD_SPEC = "version: 1\nresources:\n  Post:\n    fields:\n      title: strr\n"


def invoke(*args: str) -> Result:
    result = CliRunner().invoke(app, list(args))
    # the tool's own errors never escape as exceptions (SystemExit is how Click exits)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    return result


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# ------------------------------------------------------------------------ check


@pytest.mark.parametrize("name", ["blog", "shop"])
def test_check_a_valid_spec_exits_0(name: str) -> None:
    result = invoke("check", str(example_path(name)))
    assert result.exit_code == EXIT_OK
    assert "is valid: 4 resources" in result.stdout
    assert result.stderr == ""


def test_check_prints_a_summary_table(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path / "scaffold.yaml", example_path("blog").read_text(encoding="utf-8"))
    monkeypatch.chdir(tmp_path)
    result = invoke("check")
    assert result.exit_code == EXIT_OK
    assert result.stdout.startswith("✓ scaffold.yaml is valid: 4 resources")
    for resource, table in [("Author", "authors"), ("Post", "posts"), ("Comment", "comments")]:
        assert resource in result.stdout
        assert table in result.stdout
    assert "author → Author" in result.stdout
    assert "tags → Tag[]" in result.stdout


def test_check_an_empty_resources_spec(tmp_path: Path) -> None:
    spec = write(tmp_path / "scaffold.yaml", "version: 1\nresources: {}\n")
    result = invoke("check", str(spec))
    assert result.exit_code == EXIT_OK
    assert "0 resources" in result.stdout


def test_check_a_bad_spec_exits_2_with_every_problem(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path / "scaffold.yaml", BAD_SPEC + "      body: txt\n")
    monkeypatch.chdir(tmp_path)
    result = invoke("check")
    assert result.exit_code == EXIT_BAD_INPUT
    assert result.stdout == ""
    assert (
        "scaffold.yaml:5:14: error: field `title` of `Post`: unknown type `strr`" in result.stderr
    )
    assert "scaffold.yaml:6:13: error: field `body` of `Post`: unknown type `txt`" in result.stderr
    assert "did you mean `str`?" in result.stderr
    assert "did you mean `text`?" in result.stderr
    assert "2 errors in scaffold.yaml; nothing was written." in result.stderr
    assert "Traceback" not in result.stderr


def test_check_shows_the_source_line_and_a_caret(tmp_path: Path) -> None:
    spec = write(tmp_path / "scaffold.yaml", BAD_SPEC)
    result = invoke("check", str(spec))
    lines = result.stderr.splitlines()
    at = lines.index("   5 |       title: strr")
    assert lines[at + 1] == "     |              ^^^^"
    assert lines[at + 2] == "  hint: did you mean `str`?"


def test_check_invalid_yaml_exits_2(tmp_path: Path) -> None:
    spec = write(tmp_path / "scaffold.yaml", "version: 1\nresources: [\n")
    result = invoke("check", str(spec))
    assert result.exit_code == EXIT_BAD_INPUT
    assert "invalid YAML" in result.stderr


def test_check_a_missing_file_exits_2_with_a_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = invoke("check")
    assert result.exit_code == EXIT_BAD_INPUT
    assert "error: spec file scaffold.yaml does not exist" in result.stderr
    assert "hint:" in result.stderr
    result = invoke("check", "nowhere/spec.yaml")
    assert result.exit_code == EXIT_BAD_INPUT
    assert "nowhere/spec.yaml does not exist" in result.stderr


def test_messages_show_what_was_typed_even_if_it_looks_like_an_emoji_code(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = invoke("check", "x:fire:.yaml")
    assert result.exit_code == EXIT_BAD_INPUT
    assert "error: spec file x:fire:.yaml does not exist" in result.stderr


def test_check_a_directory_exits_2(tmp_path: Path) -> None:
    result = invoke("check", str(tmp_path))
    assert result.exit_code == EXIT_BAD_INPUT
    assert "is a directory, not a spec file" in result.stderr


def test_check_a_file_that_is_not_utf8_exits_2(tmp_path: Path) -> None:
    spec = tmp_path / "scaffold.yaml"
    spec.write_bytes(b"version: 1\nresources: {}\n# caf\xe9\n")
    result = invoke("check", str(spec))
    assert result.exit_code == EXIT_BAD_INPUT
    assert "is not UTF-8" in result.stderr


def test_check_a_file_with_a_control_character_exits_2(tmp_path: Path) -> None:
    spec = write(tmp_path / "scaffold.yaml", "version: 1\nresources: {}\n# a\x07b\n")
    result = invoke("check", str(spec))
    assert result.exit_code == EXIT_BAD_INPUT
    assert "scaffold.yaml:3:4: error: invalid YAML: the character U+0007" in result.stderr


# ----------------------------------------------------------------------- -C DIR


def test_project_option_finds_the_spec_in_dir(tmp_path: Path) -> None:
    project = tmp_path / "blog"
    write(project / "scaffold.yaml", example_path("blog").read_text(encoding="utf-8"))
    result = invoke("-C", str(project), "check")
    assert result.exit_code == EXIT_OK
    assert "is valid: 4 resources" in result.stdout
    assert invoke("--project", str(project), "check").exit_code == EXIT_OK


def test_project_option_resolves_relative_spec_paths(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path / "proj" / "specs" / "shop.yaml", example_path("shop").read_text("utf-8"))
    monkeypatch.chdir(tmp_path)
    assert invoke("-C", "proj", "check", "specs/shop.yaml").exit_code == EXIT_OK
    assert invoke("check", "specs/shop.yaml").exit_code == EXIT_BAD_INPUT  # not in cwd


def test_project_option_reports_errors_with_the_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path / "proj" / "scaffold.yaml", BAD_SPEC)
    monkeypatch.chdir(tmp_path)
    result = invoke("-C", "proj", "check")
    assert result.exit_code == EXIT_BAD_INPUT
    assert "proj/scaffold.yaml:5:14: error:" in result.stderr


def test_project_option_with_a_missing_dir(tmp_path: Path) -> None:
    result = invoke("-C", str(tmp_path / "missing"), "check")
    assert result.exit_code == EXIT_BAD_INPUT
    assert "does not exist" in result.stderr


# --------------------------------------------------------- commands not built yet


@pytest.mark.parametrize(
    "command",
    [
        ["new"],
        ["generate", "resource"],
        ["sync"],
        ["undo"],
        ["destroy", "resource"],
        ["check"],
        ["schema"],
    ],
)
def test_every_command_has_help(command: list[str]) -> None:
    result = invoke(*command, "--help")
    assert result.exit_code == EXIT_OK
    assert "Usage:" in result.stdout


def test_version() -> None:
    result = invoke("--version")
    assert result.exit_code == EXIT_OK
    assert result.stdout == f"scaffold {__version__}\n"


def test_no_arguments_shows_help() -> None:
    result = CliRunner().invoke(app, [])
    assert "Usage:" in result.output
    assert "check" in result.output


def test_unknown_command_is_a_usage_error() -> None:
    result = CliRunner().invoke(app, ["chek"])
    assert result.exit_code == EXIT_BAD_INPUT
    assert "No such command" in result.output


# ----------------------------------------------------------------------- schema


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    result = CliRunner().invoke(app, ["schema"])
    assert result.exit_code == EXIT_OK
    loaded: dict[str, Any] = json.loads(result.stdout)
    return loaded


def plain_yaml(text: str) -> Any:
    return YAML(typ="safe", pure=True).load(text)


def test_schema_is_a_valid_draft_2020_12_schema(schema: dict[str, Any]) -> None:
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)


@pytest.mark.parametrize("name", ["blog", "shop"])
def test_schema_accepts_the_examples(schema: dict[str, Any], name: str) -> None:
    document = plain_yaml(example_path(name).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(document)


def test_schema_accepts_every_key_and_type(schema: dict[str, Any]) -> None:
    document = plain_yaml(
        """
        version: 1
        resources:
          Thing:
            fields:
              a: str
              b: str(80)? unique index = 'x y'
              b2: str(80)?unique index=x
              c: text
              d: int = 0
              e: bigint
              f: float
              g: decimal
              h: decimal(10,2)?
              i: bool = true
              j: date
              k: datetime?
              l: time
              m: uuid unique
              n: json?
              o: email unique
              p: url
              q: slug(80)
              r: enum(PG-13, on hold, 13+) = on hold
              s: ref(User)
              t: many(Thing)
              u:
                type: ref(Thing)
                nullable: true
                unique: false
                index: true
                default: null
                on_delete: set_null
                back: children
                label: Parent
                help: The parent thing.
                read_only: false
                write_only: false
                renamed_from: mother
              v:
                type: str
                max_length: 20
                min: 2
                max: 20
            plural: Things
            table: things
            display: a
            ordering: [-k, a]
            timestamps: false
            layers: [api, admin]
            admin: {list: [a, c], search: [a], filters: [i], readonly: [d]}
            api: {filters: [a], sort: [d], page_size: 10, max_page_size: 50}
            renamed_from: Item
        """
    )
    jsonschema.Draft202012Validator(schema).validate(document)


@pytest.mark.parametrize(
    "document",
    [
        {"version": 1, "resources": {"Post": {"fields": {"t": "str"}, "sort_by": "t"}}},
        {"version": 1, "resources": {}, "extra": True},
        {"version": 2, "resources": {}},
        {"resources": {}},
        {"version": 1, "resources": {"post": {"fields": {"t": "str"}}}},
        {"version": 1, "resources": {"Post": {}}},
        {"version": 1, "resources": {"Post": {"fields": {}}}},
        {"version": 1, "resources": {"Post": {"fields": {"Title": "str"}}}},
        {"version": 1, "resources": {"Post": {"fields": {"t": "string"}}}},
        {"version": 1, "resources": {"Post": {"fields": {"t": "str nullable"}}}},
        {"version": 1, "resources": {"Post": {"fields": {"t": {"nullable": True}}}}},
        {"version": 1, "resources": {"Post": {"fields": {"t": {"type": "str", "x": 1}}}}},
        {"version": 1, "resources": {"Post": {"fields": {"t": "str"}, "layers": ["web"]}}},
        {"version": 1, "resources": {"Post": {"fields": {"t": "str"}, "admin": {"cols": []}}}},
        {"version": 1, "resources": {"Post": {"fields": {"t": "str"}, "api": {"page_size": 0}}}},
        {
            "version": 1,
            "resources": {
                "Post": {"fields": {"t": {"type": "ref(Author)", "on_delete": "nullify"}}}
            },
        },
    ],
    ids=[
        "unknown-resource-key",
        "unknown-top-level-key",
        "wrong-version",
        "missing-version",
        "resource-name",
        "missing-fields",
        "empty-fields",
        "field-name",
        "unknown-type",
        "unknown-modifier",
        "long-form-without-type",
        "unknown-field-key",
        "unknown-layer",
        "unknown-admin-key",
        "page-size",
        "on-delete",
    ],
)
def test_schema_rejects(schema: dict[str, Any], document: dict[str, Any]) -> None:
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(schema).validate(document)


def test_schema_describes_keys_for_editors(schema: dict[str, Any]) -> None:
    resource = schema["properties"]["resources"]["additionalProperties"]
    assert "description" in resource["properties"]["display"]
    field_long = resource["properties"]["fields"]["additionalProperties"]["oneOf"][1]
    assert set(field_long["properties"]) >= {"type", "nullable", "on_delete", "back"}
    for prop in field_long["properties"].values():
        assert prop["description"]


# ---------------------------------------------------------------- the error report


@pytest.mark.parametrize(
    ("snippet", "column", "span", "expected"),
    [
        ("  title: strr", 10, 4, ("  title: strr", 9, 4)),
        ("\ttitle: strr", 9, 4, (" title: strr", 8, 4)),  # a tab shows as one cell
        ("  名前: strr", 7, 4, ("  名前: strr", 8, 4)),  # wide characters take two cells
        ("  x: 日本", 6, 2, ("  x: 日本", 5, 4)),
        ("# a\x07b", 4, 1, ("# a\ufffdb", 3, 1)),  # control characters are made visible
        ("title", 6, 1, ("title", 5, 1)),  # just past the end
        ("title", 9, 3, ("title", 8, 1)),
        ("", 1, 1, ("", 0, 1)),
    ],
)
def test_caret_line(snippet: str, column: int, span: int, expected: tuple[str, int, int]) -> None:
    assert report.caret_line(snippet, column, span) == expected


def test_the_caret_lines_up_under_wide_characters(tmp_path: Path) -> None:
    spec = write(
        tmp_path / "scaffold.yaml", BAD_SPEC.replace("title: strr", 'x: {help: "日本", type: strr}')
    )
    result = invoke("check", str(spec))
    lines = result.stderr.splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("   5 |"))
    source, caret = lines[at], lines[at + 1]
    from rich.cells import cell_len

    assert cell_len(source[: source.index("strr")]) == caret.index("^")
    assert caret.endswith("^^^^")
