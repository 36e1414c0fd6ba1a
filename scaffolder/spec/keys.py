"""Every key the spec language accepts, declared once: its meaning, the JSON Schema of its
value, and whether `key:` with no value (null) means "the default".

The loader reads these tables for unknown-key errors and suggestions and for which
field keys are true/false flags; the JSON Schema (`json_schema.py`) is built from
them, descriptions included. A key added here is accepted, suggested, and completed by
editors at once; its meaning — checks across keys, defaults, references — stays the
loader's.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from scaffolder.spec import names_check

LAYER_NAMES = ("api", "html", "admin")
ON_DELETE_NAMES = ("restrict", "cascade", "set_null")
SHORTHAND_FLAGS = ("unique", "index")
#: An `ordering` entry: a field name, `-` before it for descending order.
ORDERING_ITEM = r"^-?[a-z][a-z0-9_]*$"


@dataclass(frozen=True)
class Key:
    """One key of a mapping of the spec."""

    doc: str  # one line: what it means, and its default
    #: The JSON Schema of its value; None when it is a structure of its own, which
    #: `json_schema.py` builds (a resource's fields, a field's type, the admin and api
    #: sections).
    schema: Mapping[str, Any] | None = None
    null_means_default: bool = False  # `key:` with no value is read as not given

    @property
    def is_flag(self) -> bool:
        """Whether its value is true or false (a field's `nullable`, `unique`…)."""
        return self.schema is not None and self.schema.get("type") == "boolean"


def names(pattern: str = names_check.FIELD_NAME.pattern) -> dict[str, Any]:
    """The schema of a list of field names: like the loader, one name may stand alone,
    and null means "the default"."""
    name = {"type": "string", "pattern": pattern}
    return {
        "anyOf": [{"type": "array", "items": name, "uniqueItems": True}, name, {"type": "null"}]
    }


_FLAG = {"type": "boolean"}
_FIELD_NAME = {"type": "string", "pattern": names_check.FIELD_NAME.pattern}
_POSITIVE = {"type": "integer", "minimum": 1}

TOP_KEYS: dict[str, Key] = {
    "version": Key("Version of the spec format; must be 1.", {"const": 1}),
    "resources": Key("Mapping of resource name (PascalCase, singular) to its declaration."),
}

RESOURCE_KEYS: dict[str, Key] = {
    "fields": Key("Ordered mapping of field name to field (shorthand string or mapping)."),
    "plural": Key(
        "Plural display name (default: English plural of the name).",
        {"type": "string", "minLength": 1},
        null_means_default=True,
    ),
    "table": Key(
        "Database table name (default: snake_case plural).",
        {"type": "string", "pattern": names_check.TABLE_NAME.pattern},
        null_means_default=True,
    ),
    "display": Key(
        "Field that labels a row in selects and __str__ (default: first text field).",
        _FIELD_NAME,
        null_means_default=True,
    ),
    "ordering": Key(
        "Default order: field names, `-` prefix for descending (default: [id]).",
        names(ORDERING_ITEM),
    ),
    "timestamps": Key("Managed created_at / updated_at columns (default: true).", _FLAG),
    "layers": Key(
        "Which of api, html, admin to generate (default: all three).",
        {"type": "array", "items": {"enum": list(LAYER_NAMES)}, "uniqueItems": True},
        null_means_default=True,
    ),
    "admin": Key("Admin screen options: list, search, filters, readonly.", None, True),
    "api": Key("REST list options: filters, sort, page_size, max_page_size.", None, True),
    "renamed_from": Key(
        "Previous resource name: the migration renames the table.",
        {"type": "string", "pattern": names_check.RESOURCE_NAME.pattern},
        null_means_default=True,
    ),
}

FIELD_KEYS: dict[str, Key] = {
    "type": Key("Field type with its arguments: str(200), decimal(10,2), enum(a, b), ref(Author)."),
    "nullable": Key("The field may be empty (NULL); shorthand `?`.", _FLAG, True),
    "unique": Key("No two rows may share a value.", _FLAG, True),
    "index": Key("Create a database index on the column.", _FLAG, True),
    "default": Key(
        "Default value; must fit the type (an enum default must be one of its values).", {}
    ),
    "max_length": Key("Strings: maximum length (and the column length for str/slug).", _POSITIVE),
    "min": Key("Numbers: smallest value; strings: shortest length.", {"type": "number"}),
    "max": Key("Numbers: largest value; strings: longest length.", {"type": "number"}),
    "label": Key("Human label in forms and tables (default: from the name).", {"type": "string"}),
    "help": Key("Help text shown under form inputs and in the API docs.", {"type": "string"}),
    "read_only": Key("Never set by the API or forms (computed or managed elsewhere).", _FLAG, True),
    "write_only": Key("Never returned by the API (secrets).", _FLAG, True),
    "renamed_from": Key("Previous field name: the migration renames the column.", _FIELD_NAME),
    "on_delete": Key(
        "ref/many: restrict (default), cascade, or set_null (needs nullable).",
        {"enum": list(ON_DELETE_NAMES)},
        null_means_default=True,
    ),
    "back": Key(
        "ref/many: name of the reverse collection on the target resource.", _FIELD_NAME, True
    ),
}

ADMIN_KEYS: dict[str, Key] = {
    "list": Key("Columns of the admin list.", names()),
    "search": Key("Text fields searched by the admin search box.", names()),
    "filters": Key("Fields offered as filters in the admin sidebar.", names()),
    "readonly": Key("Fields shown but not editable in the admin.", names()),
}

API_KEYS: dict[str, Key] = {
    "filters": Key("Fields accepted as exact-match query filters on the list endpoint.", names()),
    "sort": Key("Fields accepted by `sort` on the list endpoint.", names()),
    "page_size": Key("Default page size of the list endpoint (20).", _POSITIVE),
    "max_page_size": Key("Largest page size a client may ask for (100).", _POSITIVE),
}

#: The true/false keys of a long-form field, in declaration order.
FIELD_FLAGS = tuple(name for name, key in FIELD_KEYS.items() if key.is_flag)
#: The other keys of a long-form field, kept as written for the field builder to check.
FIELD_OPTIONS = tuple(
    name for name, key in FIELD_KEYS.items() if not key.is_flag and name not in ("type", "default")
)
