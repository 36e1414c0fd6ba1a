"""Every key the spec language accepts, declared once: its meaning, the JSON Schema of its
value (its kind), its default, and whether `key:` with no value (null) means "the
default".

The loader reads these tables for unknown-key errors and suggestions, for which field
keys are true/false flags, for which keys written with no value are read as not
written (`Given`), and for the defaults that are plain values (`timestamps`,
`ordering`, `layers`, `page_size`…); the JSON Schema (`json_schema.py`) and the
reference (docs/reference/spec-keys.md) are built from them, descriptions and
defaults included. A key added here is accepted, suggested, documented and completed
by editors at once; its meaning — checks across keys, defaults worked out from the
rest of the spec, references — stays the loader's.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from scaffolder.spec import names_check

LAYER_NAMES = ("api", "html", "admin")
ON_DELETE_NAMES = ("restrict", "cascade", "set_null")
SHORTHAND_FLAGS = ("unique", "index")
#: An `ordering` entry: a field name, `-` before it for descending order.
ORDERING_ITEM = r"^-?[a-z][a-z0-9_]*$"


@dataclass(frozen=True)
class Worked:
    """A default the loader works out from the rest of the spec, in words."""

    text: str  # `the English plural of the name`


@dataclass(frozen=True)
class Key:
    """One key of a mapping of the spec."""

    doc: str  # one line: what it means
    #: The JSON Schema of its value; None when it is a structure of its own, which
    #: `json_schema.py` builds (a resource's fields, a field's type, the admin and api
    #: sections).
    schema: Mapping[str, Any] | None = None
    null_means_default: bool = False  # `key:` with no value is read as not given
    #: What a spec gets without the key: a plain value (`True`, `20`, `["id"]`), which
    #: the loader uses and the JSON Schema states; `Worked(...)` when the loader works
    #: it out from the rest of the spec; None when there is none (required, or optional
    #: with nothing in its place).
    default: Any = None

    @property
    def is_flag(self) -> bool:
        """Whether its value is true or false (a field's `nullable`, `unique`…)."""
        return self.schema is not None and self.schema.get("type") == "boolean"

    @property
    def default_text(self) -> str | None:
        """The default as a reader of the spec would write or say it (`true`, `[id]`)."""
        return None if self.default is None else _yaml_text(self.default)

    @property
    def description(self) -> str:
        """What the key means, with its default (the JSON Schema's description)."""
        text = self.default_text
        return self.doc if text is None else f"{self.doc} Default: {text}."


def _yaml_text(value: Any) -> str:
    """`value` as YAML flow text: `true`, `20`, `[api, html, admin]`, or a `Worked`'s words."""
    if isinstance(value, Worked):
        return value.text
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_yaml_text(v) for v in value) + "]"
    return str(value)


def names(pattern: str = names_check.FIELD_NAME.pattern) -> dict[str, Any]:
    """The schema of a list of field names: like the loader, one name may stand alone."""
    name = {"type": "string", "pattern": pattern}
    return {"anyOf": [{"type": "array", "items": name, "uniqueItems": True}, name]}


class Given(Mapping[str, Any]):
    """A mapping of the spec as the loader reads it: the keys written, less those written
    with no value (`plural:`) whose declaration says null means the default — for the
    loader, those were not written. Keys not in `keys` stay, to be reported.

    The one place null is read by the declarations; positions and style are those of
    the mapping read (`lc`, `fa`: what `yaml_io.Positions` asks for).
    """

    def __init__(self, mapping: Mapping[str, Any], keys: Mapping[str, Key]) -> None:
        self.written = mapping
        self._given = {
            name: value
            for name, value in mapping.items()
            if not (value is None and str(name) in keys and keys[str(name)].null_means_default)
        }

    def __getitem__(self, name: str) -> Any:
        return self._given[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._given)

    def __len__(self) -> int:
        return len(self._given)

    @property
    def lc(self) -> Any:
        """The positions of the mapping read (ruamel's; AttributeError for a plain one)."""
        return self.written.lc  # type: ignore[attr-defined]

    @property
    def fa(self) -> Any:
        """The style of the mapping read, block or flow (ruamel's, like `lc`)."""
        return self.written.fa  # type: ignore[attr-defined]


_FLAG = {"type": "boolean"}
_FIELD_NAME = {"type": "string", "pattern": names_check.FIELD_NAME.pattern}
_POSITIVE = {"type": "integer", "minimum": 1}

TOP_KEYS: dict[str, Key] = {
    "version": Key("Version of the spec format; must be 1.", {"const": 1}),
    "resources": Key(
        "Mapping of resource name (PascalCase, singular) to its declaration; required, "
        "`resources:` alone declares none yet.",
        null_means_default=True,
    ),
}

RESOURCE_KEYS: dict[str, Key] = {
    "fields": Key("Ordered mapping of field name to field (shorthand string or mapping)."),
    "plural": Key(
        "Plural display name.",
        {"type": "string", "minLength": 1},
        null_means_default=True,
        default=Worked("the English plural of the name"),
    ),
    "table": Key(
        "Database table name.",
        {"type": "string", "pattern": names_check.TABLE_NAME.pattern},
        null_means_default=True,
        default=Worked("the snake_case plural"),
    ),
    "display": Key(
        "Field that labels a row in selects and __str__.",
        _FIELD_NAME,
        null_means_default=True,
        default=Worked("the first str, email, slug or url field, else id"),
    ),
    "ordering": Key(
        "Default order: field names, `-` prefix for descending.",
        names(ORDERING_ITEM),
        null_means_default=True,
        default=["id"],
    ),
    "timestamps": Key("Managed created_at / updated_at columns.", _FLAG, default=True),
    "layers": Key(
        "Which of api, html, admin to generate.",
        {"type": "array", "items": {"enum": list(LAYER_NAMES)}, "uniqueItems": True},
        null_means_default=True,
        default=list(LAYER_NAMES),
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
    "nullable": Key("The field may be empty (NULL); shorthand `?`.", _FLAG, True, False),
    "unique": Key("No two rows may share a value.", _FLAG, True, False),
    "index": Key("Create a database index on the column.", _FLAG, True, False),
    "default": Key(
        "Default value; must fit the type (an enum default must be one of its values).", {}
    ),
    "max_length": Key("Strings: maximum length (and the column length for str/slug).", _POSITIVE),
    "min": Key("Numbers: smallest value; strings: shortest length.", {"type": "number"}),
    "max": Key("Numbers: largest value; strings: longest length.", {"type": "number"}),
    "label": Key(
        "Human label in forms and tables.",
        {"type": "string"},
        default=Worked("the name, humanized"),
    ),
    "help": Key("Help text shown under form inputs and in the API docs.", {"type": "string"}),
    "read_only": Key(
        "Never set by the API or forms (computed or managed elsewhere).", _FLAG, True, False
    ),
    "write_only": Key("Never returned by the API (secrets).", _FLAG, True, False),
    "renamed_from": Key("Previous field name: the migration renames the column.", _FIELD_NAME),
    "on_delete": Key(
        "ref/many: restrict, cascade, or set_null (needs nullable).",
        {"enum": list(ON_DELETE_NAMES)},
        null_means_default=True,
        default=Worked("restrict for a ref, cascade for a many"),
    ),
    "back": Key(
        "ref/many: name of the reverse collection on the target resource.",
        _FIELD_NAME,
        null_means_default=True,
        default=Worked("this resource's plural, snake_case"),
    ),
}

ADMIN_KEYS: dict[str, Key] = {
    "list": Key(
        "Columns of the admin list.",
        names(),
        null_means_default=True,
        default=Worked("the display field and up to three more"),
    ),
    "search": Key(
        "Text fields searched by the admin search box.",
        names(),
        null_means_default=True,
        default=Worked("the first three text fields, long text aside"),
    ),
    "filters": Key(
        "Fields offered as filters in the admin sidebar.",
        names(),
        null_means_default=True,
        default=Worked("the bool, enum and ref fields"),
    ),
    "readonly": Key(
        "Fields shown but not editable in the admin.",
        names(),
        null_means_default=True,
        default=Worked("the read_only fields"),
    ),
}

API_KEYS: dict[str, Key] = {
    "filters": Key(
        "Fields accepted as exact-match query filters on the list endpoint.",
        names(),
        null_means_default=True,
        default=Worked("every field but json, long text and many ones"),
    ),
    "sort": Key(
        "Fields accepted by `sort` on the list endpoint.",
        names(),
        null_means_default=True,
        default=Worked("id, the timestamps and every sortable field: the service's sort keys"),
    ),
    "page_size": Key("Default page size of the list endpoint.", _POSITIVE, default=20),
    "max_page_size": Key(
        "Largest page size a client may ask for (at least page_size).", _POSITIVE, default=100
    ),
}

#: The true/false keys of a long-form field, in declaration order.
FIELD_FLAGS = tuple(name for name, key in FIELD_KEYS.items() if key.is_flag)
#: The other keys of a long-form field, kept as written for the field builder to check.
FIELD_OPTIONS = tuple(
    name for name, key in FIELD_KEYS.items() if not key.is_flag and name not in ("type", "default")
)
