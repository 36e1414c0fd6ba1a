"""Constraint and index names stay within PostgreSQL's 63 characters, the same everywhere.

The generated models name constraints by a naming convention (models/base.py) and the
migrations scaffold writes name them explicitly (`constraint_name`): both must cut a
long name the same way, and the way SQLAlchemy already cut it on PostgreSQL, so that
databases made before keep their names.
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from types import ModuleType
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql
from sqlalchemy.schema import CreateIndex, CreateTable

from scaffolder.migrate.create import create_resources
from scaffolder.model.names import MAX_CONSTRAINT_NAME, constraint_name
from scaffolder.spec import parse_spec

BASE = Path(__file__).parents[2] / "blueprints/project/template/{{ package_name }}/models/base.py"

#: The convention generated projects had before names were cut by it.
UNCUT_CONVENTION: dict[str, Any] = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

TABLE = "customer_invoice_adjustment_notes_for_the_auditors"
COLUMN = "a_rather_long_unique_field_name_that_postgresql_still_keeps"
TARGET = "warehouse_packaging_label_printers_in_the_shipping_department"


def project_base() -> ModuleType:
    spec = importlib.util.spec_from_file_location("project_base", BASE)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def tables(convention: dict[str, Any]) -> sa.MetaData:
    metadata = sa.MetaData(naming_convention=convention)
    sa.Table(TARGET, metadata, sa.Column("id", sa.Integer, primary_key=True))
    sa.Table(
        TABLE,
        metadata,
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(COLUMN, sa.String(40), unique=True),
        sa.Column(f"{COLUMN[:56]}_id", sa.ForeignKey(f"{TARGET}.id"), index=True),
        sa.Column("quantity", sa.Integer),
        sa.CheckConstraint("quantity >= 1", name=f"{COLUMN}_min"),
    )
    return metadata


def postgresql_names(metadata: sa.MetaData) -> set[str]:
    """The constraint and index names in the DDL PostgreSQL would be sent."""
    dialect = postgresql.dialect()  # type: ignore[no-untyped-call]
    ddl = [str(CreateTable(t).compile(dialect=dialect)) for t in metadata.sorted_tables]
    for table in metadata.sorted_tables:
        ddl += [str(CreateIndex(i).compile(dialect=dialect)) for i in table.indexes]
    return set(re.findall(r"(?:CONSTRAINT|INDEX) (\w+)", "\n".join(ddl)))


def test_short_names_are_kept_and_long_ones_cut_to_63_characters() -> None:
    assert constraint_name("ix_posts_title") == "ix_posts_title"
    name = constraint_name(f"ix_{TABLE}_{COLUMN}")
    assert len(name) <= MAX_CONSTRAINT_NAME
    assert name.startswith(f"ix_{TABLE}"[:55])
    assert re.fullmatch(r".*_[0-9a-f]{4}", name)
    assert constraint_name(f"ix_{TABLE}_{COLUMN}x") != name  # the digest tells them apart


def test_the_project_cuts_names_as_scaffold_does() -> None:
    base = project_base()
    for length in (10, 63, 64, 120):
        name = ("ix_" + "abcdefghij" * 13)[:length]
        assert base.short_name(name) == constraint_name(name)


def test_the_convention_keeps_the_names_postgresql_had_and_fits_them_everywhere() -> None:
    names = postgresql_names(tables(project_base().NAMING_CONVENTION))
    assert names == postgresql_names(tables(UNCUT_CONVENTION))
    assert len(names) == 6  # two primary keys, uq, fk, ck, ix
    # the convention itself cuts them: SQLite (no limit) gets the same names
    metadata = tables(project_base().NAMING_CONVENTION)
    declared = {str(c.name) for t in metadata.sorted_tables for c in t.constraints}
    declared |= {str(i.name) for t in metadata.sorted_tables for i in t.indexes}
    assert declared == names
    assert all(len(name) <= MAX_CONSTRAINT_NAME for name in declared)


def test_migrations_name_long_constraints_as_the_models_do() -> None:
    spec = parse_spec(
        f"""
version: 1
resources:
  Printer:
    table: {TARGET}
    fields:
      name: str(50)
  Note:
    table: {TABLE}
    fields:
      printer:
        type: ref(Printer)
        index: true
      {COLUMN}: str(40) unique
      quantity:
        type: int
        min: 1
    ordering: [-quantity]
"""
    )
    operations = create_resources(list(spec.resources))
    source = "\n".join(operations.upgrade + operations.downgrade)
    named = set(re.findall(r'op\.f\("(\w+)"\)', source))
    assert constraint_name(f"pk_{TARGET}") in named
    assert constraint_name(f"uq_{TABLE}_{COLUMN}") in named
    assert constraint_name(f"fk_{TABLE}_printer_id_{TARGET}") in named
    assert constraint_name(f"ix_{TABLE}_printer_id") in named
    assert constraint_name(f"ix_{TABLE}_ordering") in named
    assert all(len(name) <= MAX_CONSTRAINT_NAME for name in named), named
