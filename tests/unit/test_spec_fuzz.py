"""Property tests: whatever the input, the loader returns a Spec or raises SpecError.

Anything else (KeyError, TypeError, a ruamel exception, …) would reach the user as a
traceback, which the contract forbids.
"""

from __future__ import annotations

import io
import string
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from scaffolder.errors import Problem, SpecError
from scaffolder.examples import example_path
from scaffolder.model.spec import Spec
from scaffolder.model.types import TYPE_NAMES
from scaffolder.spec import parse_cli_fields, parse_spec
from scaffolder.spec.json_schema import spec_json_schema
from scaffolder.spec.yaml_io import source_lines

SHARED = Path(__file__).parents[2].parent / "shared" / "examples"
EXAMPLES = (
    sorted(SHARED.glob("*.yaml"))
    if SHARED.is_dir()
    else [example_path("blog"), example_path("shop")]
)

FUZZ = settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)


def _check_problems(problems: list[Problem]) -> None:
    assert problems, "a SpecError must carry at least one problem"
    for problem in problems:
        assert problem.message
        assert problem.line >= 0
        assert problem.column >= 0
        assert problem.span >= 1
        # the contract: every error says how to fix it
        assert problem.hint or problem.example, problem


def _loads_or_reports(text: str) -> None:
    try:
        spec = parse_spec(text, "fuzz.yaml")
    except SpecError as error:
        _check_problems(error.problems)
        lines = source_lines(text)
        for problem in error.problems:
            if problem.line > 0 and problem.snippet is not None:
                # the quoted line is the file's line, and the caret starts on it
                assert problem.snippet == lines[problem.line - 1], problem
                assert 1 <= problem.column <= len(problem.snippet) + 1, problem
    else:
        assert isinstance(spec, Spec)


# --------------------------------------------------------------------- (a) any text

YAML_ALPHABET = st.sampled_from(list(":-?[]{}(),=#&*!|>'\"%@` \t\n") + list("aZ09_."))


@FUZZ
@given(st.text(max_size=200))
def test_arbitrary_text_never_crashes(text: str) -> None:
    _loads_or_reports(text)


@FUZZ
@given(st.text(YAML_ALPHABET, max_size=120))
def test_yaml_punctuation_never_crashes(text: str) -> None:
    _loads_or_reports(text)


@FUZZ
@given(st.text(max_size=80))
def test_arbitrary_text_after_a_valid_head_never_crashes(text: str) -> None:
    _loads_or_reports(f"version: 1\nresources:\n  Post:\n    fields:\n      title: {text}\n")


# ------------------------------------------------------ (b) structured: mutated examples

TYPE_TOKENS = [*TYPE_NAMES, "str(200)", "decimal(10,2)", "enum(a, b)", "ref(Post)", "many(Tag)"]
SHORTHAND_TOKENS = [
    *TYPE_TOKENS,
    "?",
    "unique",
    "index",
    "=",
    "(",
    ")",
    ",",
    "0",
    "-1",
    "1.5",
    "true",
    "null",
    "draft",
    "'a b'",
    '"',
    "User",
    "Author",
    "Tag",
    "Post",
    "2024-01-31",
    "09:30:00",
    "PG-13",
    "2024-02-30",
    "1e400",
    ".inf",
    " ",
]


@st.composite
def shorthands(draw: st.DrawFn) -> str:
    """Shorthand-ish strings built from the grammar's tokens, often almost valid."""
    head = draw(st.sampled_from(TYPE_TOKENS))
    tail = draw(st.lists(st.sampled_from(SHORTHAND_TOKENS), max_size=6))
    joiner = draw(st.sampled_from([" ", "", "  "]))
    return joiner.join([head, *tail])


NAMES = st.text(string.ascii_letters + string.digits + "_-", min_size=1, max_size=12)
SCALARS: st.SearchStrategy[Any] = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=20),
    NAMES,
    shorthands(),
    st.sampled_from(["title", "-title", "id", "name", "api", "set_null", "Author", "User"]),
)
VALUES: st.SearchStrategy[Any] = st.recursive(
    SCALARS,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(
            st.one_of(NAMES, st.sampled_from(["type", "fields"])), children, max_size=4
        ),
    ),
    max_leaves=8,
)


def _load_plain(path: Path) -> Any:
    return YAML(typ="safe", pure=True).load(path.read_text(encoding="utf-8"))


BASES = [_load_plain(path) for path in EXAMPLES]


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path to a key or item in a plain YAML tree."""
    found: list[tuple[Any, ...]] = [prefix] if prefix else []
    if isinstance(node, dict):
        for key, value in node.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _paths(value, (*prefix, index))
    return found


def _copy(node: Any) -> Any:
    if isinstance(node, dict):
        return {k: _copy(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_copy(v) for v in node]
    return node


@st.composite
def mutated_specs(draw: st.DrawFn) -> str:
    doc = _copy(draw(st.sampled_from(BASES)))
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        paths = _paths(doc)
        if not paths:
            break
        path = draw(st.sampled_from(paths))
        parent = doc
        for step in path[:-1]:
            parent = parent[step]
        last = path[-1]
        action = draw(st.sampled_from(["value", "shorthand", "key", "delete", "add"]))
        if action == "value":
            parent[last] = draw(VALUES)
        elif action == "shorthand":
            parent[last] = draw(shorthands())
        elif action == "key" and isinstance(parent, dict):
            new_key = draw(st.one_of(NAMES, st.integers(), st.booleans()))
            parent[new_key] = parent.pop(last)
        elif action == "delete":
            del parent[last]
        elif isinstance(parent, dict):
            parent[draw(NAMES)] = draw(st.one_of(VALUES, shorthands()))
        else:
            parent.append(draw(VALUES))
    stream = io.StringIO()
    YAML(typ="safe", pure=True).dump(doc, stream)
    return stream.getvalue()


def test_the_examples_are_valid_before_mutation() -> None:
    assert len(BASES) >= 2
    for path in EXAMPLES:
        assert isinstance(parse_spec(path.read_text(encoding="utf-8"), path.name), Spec)


@FUZZ
@given(mutated_specs())
def test_mutated_examples_never_crash(text: str) -> None:
    _loads_or_reports(text)


#: YAML that parses but trips value constructors, and other rarely used syntax.
YAML_TRAPS = [
    " 2024-02-30",
    " 2024-13-01T25:00:00",
    " !!bool x",
    " !!int x",
    " !!float x",
    " !!binary aGk=",
    " !!timestamp x",
    " !!set {a}",
    " !!omap [a]",
    " !!python/object x",
    " !custom x",
    " &a x",
    " *a",
    "<<: *a",
    "? a\n: b",
    "\t",
    " 0x1F",
    " .inf",
    " .nan",
    " 1e400",
    " |\n  x",
    " >-\n  x",
    " ---\n",
    " ...\n",
    "%YAML 1.1\n---\n",
    " ~",
    " []",
    " {}",
]


@FUZZ
@given(
    st.integers(min_value=0, max_value=2000),
    st.integers(0, 10),
    st.one_of(st.text(max_size=20), st.sampled_from(YAML_TRAPS)),
)
def test_mutated_example_text_never_crashes(at: int, cut: int, replacement: str) -> None:
    """Raw text edits (broken indentation, stray quotes) of the example files."""
    for path in EXAMPLES:
        text = path.read_text(encoding="utf-8")
        at %= len(text)
        _loads_or_reports(text[:at] + replacement + text[at + cut :])


def _one_field_spec(shorthand: str) -> str:
    return (
        "version: 1\nresources:\n  Post:\n    fields:\n"
        f"      x: {_quote(shorthand)}\n"
        "  Tag:\n    fields:\n      name: str\n  Author:\n    fields:\n      name: str\n"
    )


@FUZZ
@given(shorthands())
def test_shorthand_fields_never_crash(shorthand: str) -> None:
    _loads_or_reports(_one_field_spec(shorthand))


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


# ------------------------------------------------------- the JSON Schema agrees with the loader

SCHEMA = jsonschema.Draft202012Validator(spec_json_schema())


@FUZZ
@given(st.one_of(mutated_specs(), shorthands().map(lambda s: _one_field_spec(s))))
def test_what_the_loader_accepts_the_schema_accepts(text: str) -> None:
    """Editors using `scaffold schema` must never flag a spec that `scaffold check` passes."""
    try:
        parse_spec(text, "fuzz.yaml")
    except SpecError:
        return
    document = YAML(typ="safe", pure=True).load(text)
    assert [e.message for e in SCHEMA.iter_errors(document)] == []


# ------------------------------------------------------------------ command-line fields


@FUZZ
@given(st.lists(st.one_of(st.text(max_size=30), shorthands().map(lambda s: "x:" + s)), max_size=3))
def test_cli_fields_never_crash(arguments: list[str]) -> None:
    try:
        fields = parse_cli_fields(arguments)
    except SpecError as error:
        _check_problems(error.problems)
        for problem in error.problems:
            assert problem.snippet in arguments
            assert 1 <= problem.column <= len(problem.snippet or "") + 1
    else:
        assert len(fields) == len(arguments)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_every_example_field_is_accepted_on_the_command_line(path: Path) -> None:
    """A shorthand the spec accepts is accepted as `name:SHORTHAND` too (refs aside)."""
    doc = _load_plain(path)
    arguments = [
        f"{name}:{value}"
        for resource in doc["resources"].values()
        for name, value in resource["fields"].items()
        if isinstance(value, str)
    ]
    assert [name for name, _ in parse_cli_fields(arguments[:1])] == [arguments[0].split(":")[0]]
    for argument in arguments:
        parse_cli_fields([argument])
