"""The declarative base of every model, and the column types they share."""

import hashlib
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, ClassVar

from sqlalchemy import (
    CheckConstraint,
    DateTime,
    ForeignKeyConstraint,
    Index,
    MetaData,
    PrimaryKeyConstraint,
    Table,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

#: PostgreSQL's longest identifier.
MAX_NAME_LENGTH = 63


def short_name(name: str) -> str:
    """`name`, or if longer than PostgreSQL allows, cut the way SQLAlchemy cuts it there.

    Long table and column names make long constraint names. Shortened here, every
    database gets the name PostgreSQL always had, and so do the migrations scaffold
    writes (it computes names the same way).
    """
    if len(name) <= MAX_NAME_LENGTH:
        return name
    digest = hashlib.md5(name.encode(), usedforsecurity=False).hexdigest()
    return f"{name[: MAX_NAME_LENGTH - 8]}_{digest[-4:]}"


def _index_name(index: Index, table: Table) -> str:
    return short_name(f"ix_{table.name}_{next(iter(index.columns)).name}")


def _unique_name(unique: UniqueConstraint, table: Table) -> str:
    return short_name(f"uq_{table.name}_{next(iter(unique.columns)).name}")


def _check_name(check: CheckConstraint, table: Table) -> str:
    return short_name(f"ck_{table.name}_{check.name}")


def _foreign_key_name(key: ForeignKeyConstraint, table: Table) -> str:
    first = key.elements[0]
    target = first.target_fullname.split(".")[-2]
    return short_name(f"fk_{table.name}_{first.parent.name}_{target}")


def _primary_key_name(key: PrimaryKeyConstraint, table: Table) -> str:
    return short_name(f"pk_{table.name}")


#: Every constraint gets a predictable name, so migrations can drop or alter it on
#: every database (SQLite batch mode included): `ix_<table>_<column>`,
#: `uq_<table>_<column>`, `ck_<table>_<name>`, `fk_<table>_<column>_<target>` and
#: `pk_<table>`, each cut to 63 characters by `short_name`.
NAMING_CONVENTION: dict[str, Any] = {
    "ix": "%(ix_name)s",
    "uq": "%(uq_name)s",
    # SQLAlchemy applies a convention to a constraint declared with a name (the model's
    # CHECK constraints) only if the convention mentions "constraint_name"
    "ck": "%(ck_constraint_name)s",
    "fk": "%(fk_name)s",
    "pk": "%(pk_name)s",
    "ix_name": _index_name,
    "uq_name": _unique_name,
    "ck_constraint_name": _check_name,
    "fk_name": _foreign_key_name,
    "pk_name": _primary_key_name,
}


def utcnow() -> datetime:
    """The current time, timezone-aware (UTC)."""
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """A timezone-aware timestamp stored in UTC; restores the zone SQLite forgets."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(f"naive datetime {value!r}: use a timezone-aware one")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is not None and value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value


class HasId:
    """What the kit asks of a model: an integer primary key `id`.

    `Base` derives from it, so every model does (each declares its own `id` column); the
    kit's `Crud[M]` then reads `row.id` and `Model.id` typed. A Protocol would not do:
    mypy and pyright disagree on whether a mapped attribute satisfies one.
    """

    if TYPE_CHECKING:
        id: Mapped[int]


class Base(HasId, DeclarativeBase):
    """Base class of every model: named constraints, aware datetimes."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {datetime: UTCDateTime}


class TimestampMixin:
    """`created_at` and `updated_at`, maintained by the ORM."""

    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
