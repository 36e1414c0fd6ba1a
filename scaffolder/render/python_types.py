"""What each field type becomes in generated Python: the model attribute's annotation,
the SQLAlchemy column type, the Pydantic annotation, the imports they need, and the
literal of a default.

The model says what a field is (`decimal(10,2)`, nullable); this module says how the
blueprints write it (`Numeric(10, 2)`, `Decimal | None`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from scaffolder.model.spec import Field
from scaffolder.model.types import FieldType
from scaffolder.render.escape import python_str, python_value


@dataclass(frozen=True)
class PythonTypes:
    """How one field type is written in the generated models and schemas."""

    python_type: str  # annotation of the attribute (enum/ref/many: filled per field)
    python_import: str | None  # `from X import Y` line the annotation needs
    column_type: str  # SQLAlchemy type expression (length/precision filled per field)
    pydantic_type: str  # Pydantic annotation used in schemas
    pydantic_import: str | None


PYTHON_TYPES: dict[FieldType, PythonTypes] = {
    FieldType.STR: PythonTypes("str", None, "String({length})", "str", None),
    FieldType.TEXT: PythonTypes("str", None, "Text()", "str", None),
    FieldType.INT: PythonTypes("int", None, "Integer()", "int", None),
    FieldType.BIGINT: PythonTypes("int", None, "BigInteger()", "int", None),
    FieldType.FLOAT: PythonTypes("float", None, "Float()", "float", None),
    FieldType.DECIMAL: PythonTypes(
        "Decimal",
        "from decimal import Decimal",
        "Numeric({precision}, {scale})",
        "Decimal",
        "from decimal import Decimal",
    ),
    FieldType.BOOL: PythonTypes("bool", None, "Boolean()", "bool", None),
    FieldType.DATE: PythonTypes(
        "date", "from datetime import date", "Date()", "date", "from datetime import date"
    ),
    FieldType.DATETIME: PythonTypes(
        "datetime",
        "from datetime import datetime",
        "DateTime(timezone=True)",
        "AwareDatetime",
        "from pydantic import AwareDatetime",
    ),
    FieldType.TIME: PythonTypes(
        "time", "from datetime import time", "Time()", "time", "from datetime import time"
    ),
    FieldType.UUID: PythonTypes(
        "UUID", "from uuid import UUID", "Uuid()", "UUID", "from uuid import UUID"
    ),
    FieldType.JSON: PythonTypes(
        "JsonValue",
        "from pydantic import JsonValue",
        "JSON()",
        "JsonValue",
        "from pydantic import JsonValue",
    ),
    FieldType.EMAIL: PythonTypes(
        "str", None, "String({length})", "EmailStr", "from pydantic import EmailStr"
    ),
    FieldType.URL: PythonTypes(
        "str", None, "String({length})", "HttpUrl", "from pydantic import HttpUrl"
    ),
    FieldType.SLUG: PythonTypes("str", None, "String({length})", "str", None),
    FieldType.ENUM: PythonTypes("{enum}", None, "Enum({enum})", "{enum}", None),
    FieldType.REF: PythonTypes("{target}", None, "ForeignKey", "int", None),
    FieldType.MANY: PythonTypes("list[{target}]", None, "", "list[int]", None),
}


def python_type(field: Field) -> str:
    """Annotation of the model attribute, without `| None`."""
    if field.enum is not None:
        return field.enum.class_name
    template = PYTHON_TYPES[field.type].python_type
    if field.relation is not None:
        return template.format(target=field.relation.target)
    return template


def python_annotation(field: Field) -> str:
    """Annotation of the model attribute, `| None` included when nullable."""
    annotation = python_type(field)
    return f"{annotation} | None" if field.nullable else annotation


def column_type(field: Field) -> str:
    """SQLAlchemy column type expression (`String(120)`, `Numeric(10, 2)`, …)."""
    if field.enum is not None:
        return (
            f"Enum({field.enum.class_name}, native_enum=False, "
            f"length={field.enum.max_length}, values_callable=_enum_values)"
        )
    if field.relation is not None:
        return "" if field.relation.many else "Integer()"
    return PYTHON_TYPES[field.type].column_type.format(
        length=field.length, precision=field.precision, scale=field.scale
    )


def model_type(field: Field) -> str | None:
    """The explicit SQLAlchemy type of the model's `mapped_column`, or None.

    None for datetimes (the project's `type_annotation_map` makes them UTC-aware)
    and for refs/manys (the foreign key or association table gives the type).
    """
    if field.type is FieldType.DATETIME or field.relation is not None:
        return None
    return column_type(field)


def pydantic_type(field: Field) -> str:
    """Annotation in Pydantic schemas (before `| None`)."""
    if field.enum is not None:
        return field.enum.class_name
    return PYTHON_TYPES[field.type].pydantic_type


def imports(field: Field) -> tuple[str, ...]:
    """`from X import Y` lines the model and schema annotations need."""
    types = PYTHON_TYPES[field.type]
    return tuple(i for i in (types.python_import, types.pydantic_import) if i)


def decimal_limit(field: Field) -> Decimal:
    """Largest magnitude NUMERIC(precision, scale) holds: `decimal(5,2)` → 999.99."""
    scale = field.scale or 0
    return (Decimal(10) ** ((field.precision or 12) - scale) - 1) + (
        1 - Decimal(1).scaleb(-scale) if scale else Decimal(0)
    )


def default_literal(field: Field) -> str:
    """The field's default as Python source: `0`, `"draft"`, `Decimal("9.99")`,
    `PostStatus.DRAFT`, `date.fromisoformat("2024-01-31")` (the loader checked it)."""
    assert field.default is not None
    value: object = field.default.value
    if field.type is FieldType.JSON:
        return python_value(value)
    if field.enum is not None:
        return f"{field.enum.class_name}.{field.enum.member(str(value)).name}"
    if isinstance(value, str):
        return python_str(value)
    if isinstance(value, Decimal):
        return f'Decimal("{value}")'
    if field.type is FieldType.UUID:
        return f'UUID("{value}")'
    if field.type in _TEMPORAL:
        assert isinstance(value, dt.date | dt.time)
        return f'{_TEMPORAL[field.type]}.fromisoformat("{value.isoformat()}")'
    return repr(value)  # int, float, bool


#: The class whose `fromisoformat` writes a date, time or datetime default.
_TEMPORAL = {FieldType.DATE: "date", FieldType.TIME: "time", FieldType.DATETIME: "datetime"}
