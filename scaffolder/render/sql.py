"""SQL the model and the migrations write alike: the CHECK constraints that enforce a
field's `min`/`max` (portable SQLite/PostgreSQL), and a foreign key's `ondelete=`.
"""

from __future__ import annotations

from dataclasses import dataclass

from scaffolder.model.spec import Field, OnDelete, Resource


@dataclass(frozen=True)
class CheckSpec:
    """A CHECK constraint: its short name and SQL condition (portable SQLite/PostgreSQL)."""

    name: str  # quantity_min → ck_order_lines_quantity_min
    sql: str  # quantity >= 1


def check_constraints(field: Field) -> tuple[CheckSpec, ...]:
    """CHECK constraints enforcing `min`/`max` in the database, shared by model and migration.

    Names are the `constraint_name` part of the `ck_<table>_<name>` naming convention.
    """
    column = field.column_name
    checks: list[CheckSpec] = []
    if column is None:
        return ()
    quoted = f'"{column}"'  # a column may be named like an SQL keyword (`group`, `order`)
    if field.min_value is not None:
        checks.append(CheckSpec(f"{column}_min", f"{quoted} >= {field.min_value}"))
    if field.max_value is not None:
        checks.append(CheckSpec(f"{column}_max", f"{quoted} <= {field.max_value}"))
    if field.min_length:
        checks.append(CheckSpec(f"{column}_min_length", f"length({quoted}) >= {field.min_length}"))
    if field.max_length is not None and (field.length is None or field.max_length < field.length):
        checks.append(CheckSpec(f"{column}_max_length", f"length({quoted}) <= {field.max_length}"))
    return tuple(checks)


def resource_check_constraints(resource: Resource) -> tuple[CheckSpec, ...]:
    """Every CHECK constraint of a resource's table, in field order."""
    return tuple(c for f in resource.fields for c in check_constraints(f))


def on_delete_sql(choice: OnDelete) -> str:
    """The `ondelete=` argument of SQLAlchemy's ForeignKey: `set_null` → `SET NULL`."""
    return choice.value.replace("_", " ").upper()
