"""The field types of the spec language: what each takes and what it holds.

One table, read by the loader (which arguments a type takes, which options make sense)
and by the model (textual, numeric, sortable). What a type becomes in generated code
(Python, SQLAlchemy and Pydantic types) is the renderer's: `scaffolder.render.python_types`.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class FieldType(StrEnum):
    """A type keyword of the spec language."""

    STR = "str"
    TEXT = "text"
    INT = "int"
    BIGINT = "bigint"
    FLOAT = "float"
    DECIMAL = "decimal"
    BOOL = "bool"
    DATE = "date"
    DATETIME = "datetime"
    TIME = "time"
    UUID = "uuid"
    JSON = "json"
    EMAIL = "email"
    URL = "url"
    SLUG = "slug"
    ENUM = "enum"
    REF = "ref"
    MANY = "many"


class ArgKind(StrEnum):
    """What goes between the parentheses of a type."""

    NONE = "none"  # int
    LENGTH = "length"  # str(120)
    PRECISION_SCALE = "precision_scale"  # decimal(10,2)
    VALUES = "values"  # enum(a, b)
    TARGET = "target"  # ref(Author)


@dataclass(frozen=True)
class TypeInfo:
    """Facts about one field type."""

    type: FieldType
    summary: str  # one line, for docs, JSON Schema and `did you mean`
    args: ArgKind
    default_length: int | None = None  # VARCHAR length when not given
    #: the field holds text: length bounds, searchable in lists and admin
    textual: bool = False
    #: the field holds a number: value bounds
    numeric: bool = False
    #: values can be compared/sorted in SQL (json and many cannot)
    sortable: bool = True


_TYPES = (
    TypeInfo(
        FieldType.STR,
        "short text, VARCHAR(N) (N defaults to 255)",
        ArgKind.LENGTH,
        default_length=255,
        textual=True,
    ),
    TypeInfo(FieldType.TEXT, "long text, TEXT", ArgKind.NONE, textual=True),
    TypeInfo(FieldType.INT, "integer, INTEGER", ArgKind.NONE, numeric=True),
    TypeInfo(FieldType.BIGINT, "64-bit integer, BIGINT", ArgKind.NONE, numeric=True),
    TypeInfo(FieldType.FLOAT, "floating point number, FLOAT", ArgKind.NONE, numeric=True),
    TypeInfo(
        FieldType.DECIMAL,
        "exact decimal number, NUMERIC(P,S) (defaults 12,2)",
        ArgKind.PRECISION_SCALE,
        numeric=True,
    ),
    TypeInfo(FieldType.BOOL, "true/false, BOOLEAN", ArgKind.NONE),
    TypeInfo(FieldType.DATE, "calendar date, DATE", ArgKind.NONE),
    TypeInfo(
        FieldType.DATETIME, "timezone-aware timestamp, TIMESTAMP WITH TIME ZONE", ArgKind.NONE
    ),
    TypeInfo(FieldType.TIME, "time of day, TIME", ArgKind.NONE),
    TypeInfo(FieldType.UUID, "UUID", ArgKind.NONE),
    TypeInfo(FieldType.JSON, "any JSON value, JSON", ArgKind.NONE, sortable=False),
    TypeInfo(
        FieldType.EMAIL,
        "e-mail address, VARCHAR(254), validated",
        ArgKind.NONE,
        default_length=254,
        textual=True,
    ),
    TypeInfo(
        FieldType.URL,
        "http(s) URL, VARCHAR(2048), validated",
        ArgKind.NONE,
        default_length=2048,
        textual=True,
    ),
    TypeInfo(
        FieldType.SLUG,
        "URL-safe identifier (lower-case words and dashes), VARCHAR(N)",
        ArgKind.LENGTH,
        default_length=255,
        textual=True,
    ),
    TypeInfo(
        FieldType.ENUM, "one of a fixed list of string values, a generated StrEnum", ArgKind.VALUES
    ),
    TypeInfo(FieldType.REF, "many-to-one reference: a `<name>_id` foreign key", ArgKind.TARGET),
    TypeInfo(
        FieldType.MANY,
        "many-to-many reference through an association table",
        ArgKind.TARGET,
        sortable=False,
    ),
)

TYPES: dict[FieldType, TypeInfo] = {info.type: info for info in _TYPES}

#: Type keywords as written in a spec, for error messages and suggestions.
TYPE_NAMES: tuple[str, ...] = tuple(t.value for t in FieldType)

#: Regular expression a slug must match (SPEC-FORMAT).
SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"

#: Largest values that fit INTEGER and BIGINT columns.
INT32_RANGE = (-(2**31), 2**31 - 1)
INT64_RANGE = (-(2**63), 2**63 - 1)
