"""The field types of the spec language and what each maps to in Python, SQL and Pydantic.

One table, read by the loader (which arguments a type takes, which options make sense)
and by the model (python/column/pydantic types), so the mapping lives in one place.
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
    python_type: str  # annotation of the attribute (enum/ref/many: filled per field)
    python_import: str | None  # `from X import Y` line the annotation needs
    column_type: str  # SQLAlchemy type expression (length/precision filled per field)
    pydantic_type: str  # Pydantic annotation used in schemas
    pydantic_import: str | None
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
        "str",
        None,
        "String({length})",
        "str",
        None,
        default_length=255,
        textual=True,
    ),
    TypeInfo(
        FieldType.TEXT,
        "long text, TEXT",
        ArgKind.NONE,
        "str",
        None,
        "Text()",
        "str",
        None,
        textual=True,
    ),
    TypeInfo(
        FieldType.INT,
        "integer, INTEGER",
        ArgKind.NONE,
        "int",
        None,
        "Integer()",
        "int",
        None,
        numeric=True,
    ),
    TypeInfo(
        FieldType.BIGINT,
        "64-bit integer, BIGINT",
        ArgKind.NONE,
        "int",
        None,
        "BigInteger()",
        "int",
        None,
        numeric=True,
    ),
    TypeInfo(
        FieldType.FLOAT,
        "floating point number, FLOAT",
        ArgKind.NONE,
        "float",
        None,
        "Float()",
        "float",
        None,
        numeric=True,
    ),
    TypeInfo(
        FieldType.DECIMAL,
        "exact decimal number, NUMERIC(P,S) (defaults 12,2)",
        ArgKind.PRECISION_SCALE,
        "Decimal",
        "from decimal import Decimal",
        "Numeric({precision}, {scale})",
        "Decimal",
        "from decimal import Decimal",
        numeric=True,
    ),
    TypeInfo(
        FieldType.BOOL, "true/false, BOOLEAN", ArgKind.NONE, "bool", None, "Boolean()", "bool", None
    ),
    TypeInfo(
        FieldType.DATE,
        "calendar date, DATE",
        ArgKind.NONE,
        "date",
        "from datetime import date",
        "Date()",
        "date",
        "from datetime import date",
    ),
    TypeInfo(
        FieldType.DATETIME,
        "timezone-aware timestamp, TIMESTAMP WITH TIME ZONE",
        ArgKind.NONE,
        "datetime",
        "from datetime import datetime",
        "DateTime(timezone=True)",
        "AwareDatetime",
        "from pydantic import AwareDatetime",
    ),
    TypeInfo(
        FieldType.TIME,
        "time of day, TIME",
        ArgKind.NONE,
        "time",
        "from datetime import time",
        "Time()",
        "time",
        "from datetime import time",
    ),
    TypeInfo(
        FieldType.UUID,
        "UUID",
        ArgKind.NONE,
        "UUID",
        "from uuid import UUID",
        "Uuid()",
        "UUID",
        "from uuid import UUID",
    ),
    TypeInfo(
        FieldType.JSON,
        "any JSON value, JSON",
        ArgKind.NONE,
        "JsonValue",
        "from pydantic import JsonValue",
        "JSON()",
        "JsonValue",
        "from pydantic import JsonValue",
        sortable=False,
    ),
    TypeInfo(
        FieldType.EMAIL,
        "e-mail address, VARCHAR(254), validated",
        ArgKind.NONE,
        "str",
        None,
        "String({length})",
        "EmailStr",
        "from pydantic import EmailStr",
        default_length=254,
        textual=True,
    ),
    TypeInfo(
        FieldType.URL,
        "http(s) URL, VARCHAR(2048), validated",
        ArgKind.NONE,
        "str",
        None,
        "String({length})",
        "HttpUrl",
        "from pydantic import HttpUrl",
        default_length=2048,
        textual=True,
    ),
    TypeInfo(
        FieldType.SLUG,
        "URL-safe identifier (lower-case words and dashes), VARCHAR(N)",
        ArgKind.LENGTH,
        "str",
        None,
        "String({length})",
        "str",
        None,
        default_length=255,
        textual=True,
    ),
    TypeInfo(
        FieldType.ENUM,
        "one of a fixed list of string values, a generated StrEnum",
        ArgKind.VALUES,
        "{enum}",
        None,
        "Enum({enum})",
        "{enum}",
        None,
    ),
    TypeInfo(
        FieldType.REF,
        "many-to-one reference: a `<name>_id` foreign key",
        ArgKind.TARGET,
        "{target}",
        None,
        "ForeignKey",
        "int",
        None,
    ),
    TypeInfo(
        FieldType.MANY,
        "many-to-many reference through an association table",
        ArgKind.TARGET,
        "list[{target}]",
        None,
        "",
        "list[int]",
        None,
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
