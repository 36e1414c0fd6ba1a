"""How fields look in a migration: plain `sa.*` types, never the application's own.

A migration must keep working after the models change, so it never imports the
app; its column types are spelled out here from the spec model.
"""

from __future__ import annotations

from scaffolder.model.spec import Field
from scaffolder.model.types import FieldType

_PLAIN_TYPES = {
    FieldType.TEXT: "sa.Text()",
    FieldType.INT: "sa.Integer()",
    FieldType.BIGINT: "sa.BigInteger()",
    FieldType.FLOAT: "sa.Float()",
    FieldType.BOOL: "sa.Boolean()",
    FieldType.DATE: "sa.Date()",
    FieldType.DATETIME: "sa.DateTime(timezone=True)",
    FieldType.TIME: "sa.Time()",
    FieldType.UUID: "sa.Uuid()",
    FieldType.JSON: "sa.JSON()",
    FieldType.REF: "sa.Integer()",
}


def migration_type(field: Field) -> str:
    """The `sa.*` type expression of a field's column."""
    if field.enum is not None:  # stored as VARCHAR holding the values (native_enum=False)
        return f"sa.String(length={field.enum.max_length})"
    if field.type is FieldType.DECIMAL:
        return f"sa.Numeric(precision={field.precision}, scale={field.scale})"
    if field.length is not None:
        return f"sa.String(length={field.length})"
    return _PLAIN_TYPES[field.type]
