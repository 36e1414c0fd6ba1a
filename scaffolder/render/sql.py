"""The CHECK constraints that enforce a field's `min`/`max` in the database, written the
same by the model (`__table_args__`) and by the migrations (portable SQLite/PostgreSQL).
"""

from __future__ import annotations

from dataclasses import dataclass

from scaffolder.model.spec import Field, Resource


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
