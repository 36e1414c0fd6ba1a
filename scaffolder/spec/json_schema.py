"""JSON Schema of `scaffold.yaml`, for editor completion and validation.

Built from the key tables the loader uses (`keys.py`: each key declared once, with the
schema of its value, its default and whether null means it), so the schema cannot
drift from what the loader accepts. It
checks structure and spelling; the loader remains the authority on meaning
(references, defaults, collisions).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from scaffolder.model.types import TYPES, ArgKind
from scaffolder.spec import names_check
from scaffolder.spec.keys import (
    ADMIN_KEYS,
    API_KEYS,
    FIELD_KEYS,
    RESOURCE_KEYS,
    TOP_KEYS,
    Key,
    Worked,
)

SCHEMA_ID = "https://scaffold.dev/schema/scaffold-v1.json"

_ARGS_PATTERN = {
    ArgKind.NONE: "",
    ArgKind.LENGTH: r"(\(\s*[0-9]+\s*\))?",
    ArgKind.PRECISION_SCALE: r"(\(\s*[0-9]+\s*,\s*[0-9]+\s*\))?",
    ArgKind.VALUES: r"""\((?:'[^']*'|"[^"]*"|[^)'"])+\)""",
    ArgKind.TARGET: r"\(\s*[A-Z][A-Za-z0-9]*\s*\)",
}


def _type_pattern() -> str:
    alternatives = "|".join(f"{t.value}{_ARGS_PATTERN[i.args]}" for t, i in TYPES.items())
    return f"(?:{alternatives})"


def _property(key: Key, schema: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The schema of one key's value, described: `key.schema`, or `schema` for a key
    that is a structure of its own, with its default when that is a plain value. Null
    is allowed where the loader reads it as the default."""
    given = key.schema if schema is None else schema
    assert given is not None, f"no schema for the key meaning {key.doc!r}"
    value = dict(given)
    if key.default is not None and not isinstance(key.default, Worked):
        value["default"] = key.default
    if "anyOf" in value:  # a list of names
        if key.null_means_default:
            value["anyOf"] = [*value["anyOf"], {"type": "null"}]
        return {"description": key.description, **value}
    value.setdefault("description", key.description)
    if key.null_means_default:
        if "enum" in value:
            value["enum"] = [*value["enum"], None]
        else:
            value["type"] = [value["type"], "null"]
    return value


def _properties(keys: Mapping[str, Key], **structures: dict[str, Any]) -> dict[str, Any]:
    """The described schema of every key of a table; `structures` for those that have
    no schema of their own (`Key.schema` is None)."""
    return {name: _property(key, structures.get(name)) for name, key in keys.items()}


#: Where a project keeps the schema (written by `scaffold new`, kept current by `sync`), and
#: the first line of its scaffold.yaml that points YAML editors (yaml-language-server: VS
#: Code's YAML extension, Neovim, Helix, Zed…) at it, relative to scaffold.yaml.
SCHEMA_PATH = ".scaffold/schema.json"
MODELINE = f"# yaml-language-server: $schema={SCHEMA_PATH}\n"


def schema_text() -> str:
    """The schema as `scaffold schema` prints it and `.scaffold/schema.json` holds it."""
    import json

    return json.dumps(spec_json_schema(), indent=2) + "\n"


def with_modeline(spec_text: str) -> str:
    """`spec_text` starting with the modeline, unless it names a schema already."""
    for line in spec_text.splitlines():
        if line.lstrip().startswith("# yaml-language-server:") and "$schema=" in line:
            return spec_text
    return MODELINE + spec_text


def spec_json_schema() -> dict[str, Any]:
    """The schema as a JSON-ready dict (draft 2020-12)."""
    resource = _resource_schema(_field_schema())
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "scaffold.yaml",
        "description": "Declarative model spec read by `scaffold` (format version 1).",
        "type": "object",
        "additionalProperties": False,
        "required": ["version", "resources"],
        "properties": _properties(
            TOP_KEYS,
            resources={
                "type": "object",
                "propertyNames": {"pattern": names_check.RESOURCE_NAME.pattern},
                "additionalProperties": resource,
            },
        ),
    }


def _field_schema() -> dict[str, Any]:
    """A field: its shorthand string, or its long form (a mapping)."""
    type_pattern = _type_pattern()
    # like the loader, `?` and the flags may follow `)` or `?` without a space (`str?unique`)
    shorthand = rf"^\s*{type_pattern}\s*\??(\s*(unique|index))*\s*(=\s*\S.*)?$"
    type_docs = "\n".join(f"- {t.value}: {i.summary}" for t, i in TYPES.items())
    field_type = {
        "type": "string",
        "pattern": rf"^\s*{type_pattern}\s*$",
        "description": FIELD_KEYS["type"].description + "\n" + type_docs,
    }
    field_long: dict[str, Any] = {
        "type": "object",
        "additionalProperties": False,
        "required": ["type"],
        "properties": _properties(FIELD_KEYS, type=field_type),
    }
    return {
        "oneOf": [
            {
                "type": "string",
                "pattern": shorthand,
                "description": "Shorthand: TYPE[(ARGS)][?] [unique] [index] [= DEFAULT]\n"
                + type_docs,
            },
            field_long,
        ]
    }


def _resource_schema(field_schema: dict[str, Any]) -> dict[str, Any]:
    """A resource: its fields (each `field_schema`) and options."""
    fields = {
        "type": "object",
        "minProperties": 1,
        "propertyNames": {"pattern": names_check.FIELD_NAME.pattern},
        "additionalProperties": field_schema,
    }
    admin = {"type": "object", "additionalProperties": False, "properties": _properties(ADMIN_KEYS)}
    api = {"type": "object", "additionalProperties": False, "properties": _properties(API_KEYS)}
    return {
        "type": "object",
        "additionalProperties": False,
        "required": ["fields"],
        "properties": _properties(RESOURCE_KEYS, fields=fields, admin=admin, api=api),
    }
