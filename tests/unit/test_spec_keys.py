"""Each spec key is declared once (scaffolder/spec/keys.py), and the loader and the JSON
Schema both follow that declaration: what is accepted, what null means, what a flag is."""

from __future__ import annotations

import textwrap

import jsonschema
import pytest
from ruamel.yaml import YAML

from scaffolder.errors import SpecError
from scaffolder.spec import parse_spec
from scaffolder.spec.json_schema import spec_json_schema
from scaffolder.spec.keys import (
    ADMIN_KEYS,
    API_KEYS,
    FIELD_FLAGS,
    FIELD_KEYS,
    RESOURCE_KEYS,
    Given,
    Worked,
)

#: A value the loader accepts for each resource key, in a resource `Post` with `title`.
RESOURCE_VALUES = {
    "plural": "Entries",
    "table": "entries",
    "display": "title",
    "ordering": "[-title]",
    "timestamps": "false",
    "layers": "[api]",
    "admin": "{search: [title]}",
    "api": "{page_size: 10}",
    "renamed_from": "Entry",
}

#: Long-form field keys besides `type`, each with a value the loader accepts on a
#: nullable `x: str` (or, for the relation keys, `x: ref(Post)`).
FIELD_VALUES = {
    "nullable": "true",
    "unique": "true",
    "index": "true",
    "default": "hello",
    "max_length": "20",
    "min": "1",
    "max": "20",
    "label": "Ex",
    "help": "Some help",
    "read_only": "false",
    "write_only": "false",
    "renamed_from": "old_x",
    "on_delete": "set_null",
    "back": "children",
}
RELATION_KEYS = ("on_delete", "back")


def spec_with_resource_key(key: str, value: str) -> str:
    return f"version: 1\nresources:\n  Post:\n    fields:\n      title: str\n    {key}: {value}\n"


def spec_with_field_key(key: str, value: str) -> str:
    kind = "ref(Post)" if key in RELATION_KEYS else "str"
    nullable = "" if key == "nullable" else "  nullable: true\n"
    field = f"x:\n  type: {kind}\n{nullable}  {key}: {value}\n"
    body = textwrap.indent(field, "      ")
    return f"version: 1\nresources:\n  Post:\n    fields:\n      title: str\n{body}"


def validates(text: str) -> bool:
    document = YAML(typ="safe").load(text)
    try:
        jsonschema.validate(document, spec_json_schema())
    except jsonschema.ValidationError:
        return False
    return True


def loads(text: str) -> bool:
    try:
        parse_spec(text)
    except SpecError:
        return False
    return True


def test_the_tables_cover_the_examples() -> None:
    """Every declared key is exercised below (a new key needs an example here)."""
    assert set(RESOURCE_VALUES) == set(RESOURCE_KEYS) - {"fields"}
    assert set(FIELD_VALUES) == set(FIELD_KEYS) - {"type"}


@pytest.mark.parametrize("key", list(RESOURCE_VALUES))
def test_a_resource_key_is_accepted_by_the_loader_and_the_schema(key: str) -> None:
    text = spec_with_resource_key(key, RESOURCE_VALUES[key])
    assert loads(text)
    assert validates(text)


@pytest.mark.parametrize("key", list(FIELD_VALUES))
def test_a_field_key_is_accepted_by_the_loader_and_the_schema(key: str) -> None:
    text = spec_with_field_key(key, FIELD_VALUES[key])
    assert loads(text)
    assert validates(text)


@pytest.mark.parametrize("key", [k for k, d in RESOURCE_KEYS.items() if d.null_means_default])
def test_null_means_the_default_for_the_resource_keys_that_say_so(key: str) -> None:
    text = spec_with_resource_key(key, "")
    assert parse_spec(text) == parse_spec(text.replace(f"    {key}: \n", ""))
    assert validates(text)


@pytest.mark.parametrize("key", [k for k, d in FIELD_KEYS.items() if d.null_means_default])
def test_null_means_not_given_for_the_field_keys_that_say_so(key: str) -> None:
    text = spec_with_field_key(key, "")
    assert parse_spec(text) == parse_spec(text.replace(f"        {key}: \n", ""))
    assert validates(text)


@pytest.mark.parametrize(
    ("section", "key"),
    [("admin", k) for k, d in ADMIN_KEYS.items() if d.null_means_default]
    + [("api", k) for k, d in API_KEYS.items() if d.null_means_default],
)
def test_null_means_the_default_for_the_section_keys_that_say_so(section: str, key: str) -> None:
    sibling = (
        "page_size: 10" if section == "api" else f"{'search' if key == 'list' else 'list'}: [title]"
    )
    text = spec_with_resource_key(section, f"\n      {key}:\n      {sibling}")
    assert parse_spec(text) == parse_spec(text.replace(f"      {key}:\n", ""))
    assert validates(text)


@pytest.mark.parametrize(
    ("key", "message"),
    [
        ("timestamps", "`timestamps` must be true or false"),
        ("fields", "`fields` of `Post` must be a non-empty mapping"),
    ],
)
def test_null_is_an_error_for_a_resource_key_that_does_not_say_so(key: str, message: str) -> None:
    assert not RESOURCE_KEYS[key].null_means_default
    text = (
        "version: 1\nresources:\n  Post:\n    fields:\n      title: str\n"
        if key != "fields"
        else "version: 1\nresources:\n  Post:\n    timestamps: true\n"
    )
    with pytest.raises(SpecError, match=message):
        parse_spec(text + f"    {key}:\n")
    assert not validates(text + f"    {key}:\n")


def test_given_drops_null_only_where_the_declaration_says_so() -> None:
    written = {"plural": None, "timestamps": None, "typo": None, "table": "posts"}
    given = Given(written, RESOURCE_KEYS)
    assert dict(given) == {"timestamps": None, "typo": None, "table": "posts"}
    assert "plural" not in given
    assert given["table"] == "posts"


def test_a_relation_key_with_no_value_is_not_written_on_any_field() -> None:
    """`on_delete:` alone is read as not written (its declaration), even off a relation."""
    text = spec_with_field_key("index", "true") + "        on_delete:\n        back:\n"
    assert parse_spec(text) == parse_spec(spec_with_field_key("index", "true"))


@pytest.mark.parametrize("key", FIELD_FLAGS)
def test_a_flag_is_true_or_false_for_both(key: str) -> None:
    text = spec_with_field_key(key, "sometimes")
    with pytest.raises(SpecError, match=f"`{key}` must be true or false"):
        parse_spec(text)
    assert not validates(text)


def test_the_flags_are_the_boolean_keys() -> None:
    assert FIELD_FLAGS == ("nullable", "unique", "index", "read_only", "write_only")


def test_the_plain_defaults_declared_are_what_a_spec_without_the_keys_gets() -> None:
    spec = parse_spec("version: 1\nresources:\n  Post:\n    fields:\n      title: str\n")
    post = spec.resource("Post")
    assert post.timestamps is RESOURCE_KEYS["timestamps"].default
    assert [str(key) for key in post.ordering] == RESOURCE_KEYS["ordering"].default
    assert [layer.value for layer in post.layers] == RESOURCE_KEYS["layers"].default
    assert post.api.page_size == API_KEYS["page_size"].default
    assert post.api.max_page_size == API_KEYS["max_page_size"].default
    for flag in FIELD_FLAGS:
        assert getattr(post.field("title"), flag) is FIELD_KEYS[flag].default


def test_the_schema_states_plain_defaults_and_describes_worked_out_ones() -> None:
    resource = spec_json_schema()["properties"]["resources"]["additionalProperties"]
    properties = resource["properties"]
    for name, key in RESOURCE_KEYS.items():
        if isinstance(key.default, Worked):
            assert "default" not in properties[name]
            assert properties[name]["description"].endswith(f"Default: {key.default.text}.")
        elif key.default is not None:
            assert properties[name]["default"] == key.default
