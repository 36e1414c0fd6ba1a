"""JSON Schema of `scaffold.yaml`, for editor completion and validation.

Built from the same key tables the loader uses, so the schema cannot drift from
what the loader accepts. It checks structure and spelling; the loader remains the
authority on meaning (references, defaults, collisions).
"""

from __future__ import annotations

from typing import Any

from scaffolder.model.types import TYPES, ArgKind
from scaffolder.spec import names_check
from scaffolder.spec.keys import (
    ADMIN_KEYS,
    API_KEYS,
    FIELD_KEYS,
    LAYER_NAMES,
    ON_DELETE_NAMES,
    RESOURCE_KEYS,
    TOP_KEYS,
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


def _names(description: str, pattern: str = names_check.FIELD_NAME.pattern) -> dict[str, Any]:
    """A list of field names; like the loader, one name may stand alone, and null means
    "the default"."""
    name = {"type": "string", "pattern": pattern}
    return {
        "description": description,
        "anyOf": [
            {"type": "array", "items": name, "uniqueItems": True},
            name,
            {"type": "null"},
        ],
    }


#: Resource keys whose null value the loader takes as "use the default".
_NULL_MEANS_DEFAULT = ("plural", "table", "display", "layers", "admin", "api", "renamed_from")


#: Field keys whose null value the loader takes as "not given".
_FIELD_NULL_MEANS_DEFAULT = (
    "nullable",
    "unique",
    "index",
    "read_only",
    "write_only",
    "on_delete",
    "back",
)


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
        "properties": {
            "version": {"const": 1, "description": TOP_KEYS["version"]},
            "resources": {
                "description": TOP_KEYS["resources"],
                "type": ["object", "null"],
                "propertyNames": {"pattern": names_check.RESOURCE_NAME.pattern},
                "additionalProperties": resource,
            },
        },
    }


def _field_schema() -> dict[str, Any]:
    """A field: its shorthand string, or its long form (a mapping)."""
    type_pattern = _type_pattern()
    # like the loader, `?` and the flags may follow `)` or `?` without a space (`str?unique`)
    shorthand = rf"^\s*{type_pattern}\s*\??(\s*(unique|index))*\s*(=\s*\S.*)?$"
    type_docs = "\n".join(f"- {t.value}: {i.summary}" for t, i in TYPES.items())
    field_long: dict[str, Any] = {
        "type": "object",
        "additionalProperties": False,
        "required": ["type"],
        "properties": {
            "type": {
                "type": "string",
                "pattern": rf"^\s*{type_pattern}\s*$",
                "description": FIELD_KEYS["type"] + "\n" + type_docs,
            },
            "nullable": {"type": "boolean"},
            "unique": {"type": "boolean"},
            "index": {"type": "boolean"},
            "default": {},
            "max_length": {"type": "integer", "minimum": 1},
            "min": {"type": "number"},
            "max": {"type": "number"},
            "label": {"type": "string"},
            "help": {"type": "string"},
            "read_only": {"type": "boolean"},
            "write_only": {"type": "boolean"},
            "renamed_from": {"type": "string", "pattern": names_check.FIELD_NAME.pattern},
            "on_delete": {"enum": list(ON_DELETE_NAMES)},
            "back": {"type": "string", "pattern": names_check.FIELD_NAME.pattern},
        },
    }
    for key, prop in field_long["properties"].items():
        prop.setdefault("description", FIELD_KEYS[key])
        if key in _FIELD_NULL_MEANS_DEFAULT:
            if "enum" in prop:
                prop["enum"] = [*prop["enum"], None]
            else:
                prop["type"] = [prop["type"], "null"]
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
    ordering_item = {"type": "string", "pattern": r"^-?[a-z][a-z0-9_]*$"}
    resource: dict[str, Any] = {
        "type": "object",
        "additionalProperties": False,
        "required": ["fields"],
        "properties": {
            "fields": {
                "type": "object",
                "minProperties": 1,
                "propertyNames": {"pattern": names_check.FIELD_NAME.pattern},
                "additionalProperties": field_schema,
            },
            "plural": {"type": "string", "minLength": 1},
            "table": {"type": "string", "pattern": names_check.TABLE_NAME.pattern},
            "display": {"type": "string", "pattern": names_check.FIELD_NAME.pattern},
            "ordering": _names(RESOURCE_KEYS["ordering"], ordering_item["pattern"]),
            "timestamps": {"type": "boolean"},
            "layers": {"type": "array", "items": {"enum": list(LAYER_NAMES)}, "uniqueItems": True},
            "admin": {
                "type": "object",
                "additionalProperties": False,
                "properties": {key: _names(text) for key, text in ADMIN_KEYS.items()},
            },
            "api": {
                "type": "object",
                "additionalProperties": False,
                "properties": {
                    "filters": _names(API_KEYS["filters"]),
                    "sort": _names(API_KEYS["sort"]),
                    "page_size": {"type": "integer", "minimum": 1},
                    "max_page_size": {"type": "integer", "minimum": 1},
                },
            },
            "renamed_from": {"type": "string", "pattern": names_check.RESOURCE_NAME.pattern},
        },
    }
    for key, prop in resource["properties"].items():
        prop.setdefault("description", RESOURCE_KEYS[key])
        if key in _NULL_MEANS_DEFAULT:  # the loader reads `key:` with no value as the default
            prop["type"] = [prop["type"], "null"]
    for section, keys in (("admin", ADMIN_KEYS), ("api", API_KEYS)):
        for key, prop in resource["properties"][section]["properties"].items():
            prop.setdefault("description", keys[key])
    return resource
