"""Operations that create resources' tables, in an order every database accepts.

Tables are created so that each foreign key points at a table that already
exists (PostgreSQL requires it). References that form a cycle (A → B → A) cannot
all be inline: the foreign keys that close a cycle are added after every table
exists, in batch mode so SQLite can do it too. Self-references stay inline.
"""

from __future__ import annotations

from dataclasses import dataclass

from scaffolder.migrate.columns import migration_type
from scaffolder.model.names import constraint_name
from scaffolder.model.spec import Field, OrderingIndex, Resource, creation_order
from scaffolder.render.escape import python_str as py_str
from scaffolder.render.sql import check_constraints, on_delete_sql


@dataclass(frozen=True)
class ForeignKey:
    """A foreign key from `table.column` to `target_table.id`."""

    table: str
    column: str
    target_table: str
    on_delete: str  # SQL: RESTRICT, CASCADE, SET NULL

    @property
    def name(self) -> str:
        """The name the project's naming convention gives it (fk_<table>_<col>_<target>)."""
        return constraint_name(f"fk_{self.table}_{self.column}_{self.target_table}")

    @classmethod
    def of_ref(cls, resource: Resource, field: Field) -> ForeignKey:
        """The foreign key of a `ref` field."""
        relation = field.relation
        assert relation is not None
        assert relation.fk_column is not None
        return cls(
            resource.names.table,
            relation.fk_column,
            relation.target_table,
            on_delete_sql(relation.on_delete),
        )

    def create_in_batch(self) -> str:
        return (
            f'batch_op.create_foreign_key(op.f("{self.name}"), {py_str(self.target_table)}, '
            f'[{py_str(self.column)}], ["id"], ondelete={py_str(self.on_delete)})'
        )

    def drop_in_batch(self) -> str:
        return f'batch_op.drop_constraint(op.f("{self.name}"), type_="foreignkey")'


def in_batch(table: str, lines: list[str]) -> list[str]:
    """`with op.batch_alter_table(table) as batch_op:` around `lines` (none: nothing)."""
    if not lines:
        return []
    body = "\n".join("    " + line.replace("\n", "\n    ") for line in lines)
    return [f"with op.batch_alter_table({py_str(table)}) as batch_op:\n{body}"]


def create_table_lines(resource: Resource, deferred: set[tuple[str, str]]) -> list[str]:
    """`op.create_table(...)` and its columns' indexes, as source lines (ruff formats them
    later); the ordering index comes apart (`ordering_index_lines`)."""
    table = resource.names.table
    args: list[str] = [py_str(table), 'sa.Column("id", sa.Integer(), nullable=False)']
    primary_key = constraint_name(f"pk_{table}")
    constraints: list[str] = [f'sa.PrimaryKeyConstraint("id", name=op.f("{primary_key}"))']
    indexes: list[str] = []
    for field in resource.fields:
        if field.is_many:
            continue
        column = field.column_name
        assert column is not None
        args.append(
            f"sa.Column({py_str(column)}, {migration_type(field)}, nullable={field.nullable})"
        )
        if field.relation is not None and (resource.name, field.name) not in deferred:
            constraints.append(foreign_key_constraint(ForeignKey.of_ref(resource, field)))
        unique_name = constraint_name(f"uq_{table}_{column}")
        index_name = constraint_name(f"ix_{table}_{column}")
        if field.unique and not field.indexed:
            constraints.append(f'sa.UniqueConstraint({py_str(column)}, name=op.f("{unique_name}"))')
        if field.indexed:
            unique = ", unique=True" if field.unique else ""
            indexes.append(
                f'op.create_index(op.f("{index_name}"), {py_str(table)}, '
                f"[{py_str(column)}]{unique})"
            )
        for check in check_constraints(field):
            check_name = constraint_name(f"ck_{table}_{check.name}")
            constraints.append(
                f'sa.CheckConstraint({py_str(check.sql)}, name=op.f("{check_name}"))'
            )
    if resource.timestamps:
        for column in ("created_at", "updated_at"):
            args.append(f'sa.Column("{column}", sa.DateTime(timezone=True), nullable=False)')
    body = ",\n        ".join(args + constraints)
    return [f"op.create_table(\n        {body},\n    )", *indexes]


def ordering_index_lines(resource: Resource) -> list[str]:
    """The creation of a new table's ordering index, if it has one."""
    index = resource.ordering_index
    return [create_ordering_index(index, index.table)] if index else []


def create_ordering_index(index: OrderingIndex, table: str) -> str:
    """`op.create_index(...)` of the index serving the default order, on `table`.

    Never inside a batch: SQLite's batch mode rebuilds the indexes of a table it
    recreates from their column names, which drops `DESC`. A descending key names its
    column with `sa.column()`, which the dialect quotes: `sa.desc("union")` would be SQL
    text, pasted unquoted, and a keyword column would break `CREATE INDEX`.
    """
    keys = ", ".join(
        f"sa.desc(sa.column({py_str(key.column)}))" if key.descending else py_str(key.column)
        for key in index.keys
    )
    return f'op.create_index(op.f("{index.name}"), {py_str(table)}, [{keys}])'


def drop_ordering_index(index: OrderingIndex, table: str) -> str:
    return f'op.drop_index(op.f("{index.name}"), table_name={py_str(table)})'


def foreign_key_constraint(fk: ForeignKey) -> str:
    return (
        f"sa.ForeignKeyConstraint([{py_str(fk.column)}], [{py_str(fk.target_table + '.id')}], "
        f'name=op.f("{fk.name}"), ondelete={py_str(fk.on_delete)})'
    )


def association_lines(resource: Resource, field: Field) -> list[str]:
    """`op.create_table(...)` of a many-to-many association table."""
    relation = field.relation
    assert relation is not None
    assert relation.association_table is not None
    assert relation.source_column is not None
    assert relation.target_column is not None
    table = relation.association_table
    on_delete = on_delete_sql(relation.on_delete)
    source = ForeignKey(table, relation.source_column, resource.names.table, on_delete)
    target = ForeignKey(table, relation.target_column, relation.target_table, on_delete)
    primary_key = constraint_name(f"pk_{table}")
    parts = [
        py_str(table),
        f"sa.Column({py_str(source.column)}, sa.Integer(), nullable=False)",
        f"sa.Column({py_str(target.column)}, sa.Integer(), nullable=False)",
        foreign_key_constraint(source),
        foreign_key_constraint(target),
        f"sa.PrimaryKeyConstraint({py_str(source.column)}, {py_str(target.column)}, "
        f'name=op.f("{primary_key}"))',
    ]
    body = ",\n        ".join(parts)
    return [f"op.create_table(\n        {body},\n    )"]


@dataclass(frozen=True)
class CreateOperations:
    """Source lines of `upgrade()` and `downgrade()` creating some resources' tables."""

    upgrade: list[str]
    downgrade: list[str]
    tables: list[str]


def create_resources(resources: list[Resource]) -> CreateOperations:
    """Create the tables (and association tables) of `resources`; drop them on downgrade."""
    ordered, deferred = creation_order(resources)
    upgrade: list[str] = []
    downgrade: list[str] = []
    tables: list[str] = []
    for resource in ordered:
        upgrade += create_table_lines(resource, deferred)
        tables.append(resource.names.table)
    for resource in ordered:
        for field in resource.manys:
            upgrade += association_lines(resource, field)
            assert field.relation is not None
            assert field.relation.association_table is not None
            tables.append(field.relation.association_table)
    deferred_fields = [(r, f) for r in ordered for f in r.refs if (r.name, f.name) in deferred]
    # cycle-closing foreign keys, once every table exists (batch mode: SQLite too)
    for resource, field in deferred_fields:
        fk = ForeignKey.of_ref(resource, field)
        upgrade += in_batch(fk.table, [fk.create_in_batch()])
        downgrade += in_batch(fk.table, [fk.drop_in_batch()])
    # after those batches, which on SQLite would rebuild the indexes without their DESC
    for resource in ordered:
        upgrade += ordering_index_lines(resource)
    downgrade += [f"op.drop_table({py_str(table)})" for table in reversed(tables)]
    return CreateOperations(upgrade, downgrade, tables)
