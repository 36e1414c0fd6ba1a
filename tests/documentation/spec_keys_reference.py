"""The reference of every spec key, generated from `scaffolder/spec/keys.py`.

Each key is declared once there (its meaning, the JSON Schema of its value, its
default, whether `key:` with no value means the default); the loader's unknown-key checks and the
editor schema are built from the same tables, so this page cannot drift from them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from scaffolder.spec.keys import (
    ADMIN_KEYS,
    API_KEYS,
    FIELD_KEYS,
    RESOURCE_KEYS,
    TOP_KEYS,
    Key,
    Worked,
)

#: (heading, where the keys sit in a spec, the table).
SECTIONS: tuple[tuple[str, str, Mapping[str, Key]], ...] = (
    ("Top level", "the file itself", TOP_KEYS),
    ("Resource", "`resources: {Name: …}`", RESOURCE_KEYS),
    ("Field (long form)", "`fields: {name: {…}}`", FIELD_KEYS),
    ("Admin", "a resource's `admin:`", ADMIN_KEYS),
    ("API", "a resource's `api:`", API_KEYS),
)


def spec_keys_reference() -> str:
    """Markdown: one table per mapping of the spec, a row per key."""
    parts: list[str] = []
    for heading, where, keys in SECTIONS:
        parts += [f"## {heading}", "", f"Keys of {where}.", ""]
        parts += ["| key | value | default | `key:` alone | meaning |", "|---|---|---|---|---|"]
        for name, key in keys.items():
            parts.append(
                f"| `{name}` | {value_kind(key.schema)} | {default(key)} | {alone(key)} "
                f"| {_cell(key.doc)} |"
            )
        parts.append("")
    return "\n".join(parts).rstrip("\n") + "\n"


def default(key: Key) -> str:
    """The default: a plain value as code, worked-out ones in words, `—` for none."""
    text = key.default_text
    if text is None:
        return "—"
    return _cell(text if isinstance(key.default, Worked) else f"`{text}`")


def alone(key: Key) -> str:
    """What `key:` with no value means: the default, null itself, or an error."""
    if key.null_means_default:
        return "the default"
    if key.schema == {}:
        return "null (for a nullable field)"
    return "an error"


def value_kind(schema: Mapping[str, Any] | None) -> str:
    """A few words for the JSON Schema of a value, as a reader of the spec thinks of it."""
    if schema is None:
        return "a mapping of its own (below, or the field type)"
    if not schema:
        return "any value that fits the field's type"
    if "const" in schema:
        return f"`{schema['const']}`"
    if "enum" in schema:
        return "one of " + ", ".join(f"`{value}`" for value in schema["enum"])
    if "anyOf" in schema:
        return "a field name or a list of them"
    kind = schema.get("type")
    if kind == "array":
        items = schema.get("items", {})
        return "a list of " + ", ".join(f"`{value}`" for value in items["enum"])
    if kind == "boolean":
        return "`true` or `false`"
    if kind == "integer":
        return f"an integer ≥ {schema['minimum']}" if "minimum" in schema else "an integer"
    if kind == "number":
        return "a number"
    if kind == "string":
        if "pattern" in schema:
            return f"a name matching `{schema['pattern']}`"
        return "text"
    raise ValueError(f"no wording for the schema {schema!r}: add one here")


def _cell(text: str) -> str:
    """Text safe in a Markdown table cell."""
    return text.replace("|", "\\|")
