"""Spec diff → Alembic operations: what changed between the applied spec and the new one.

Every change to an existing table runs in `op.batch_alter_table`, which SQLite
needs (it rebuilds the table) and PostgreSQL turns into plain ALTERs. Renames
declared with `renamed_from` become renames — never drop + add — so no data is
lost; everything that does lose data (dropping a table or a column, narrowing a
type) is listed in `warnings` for the user to read before applying.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from scaffolder.migrate.columns import migration_type
from scaffolder.migrate.create import (
    ForeignKey,
    association_lines,
    create_ordering_index,
    create_resources,
    create_table_lines,
    drop_ordering_index,
    in_batch,
    ordering_index_lines,
)
from scaffolder.model.names import constraint_name
from scaffolder.model.spec import Field, Resource, Spec, creation_order
from scaffolder.model.types import FieldType
from scaffolder.render.escape import python_str as py_str
from scaffolder.render.sql import check_constraints, on_delete_sql

#: What existing rows get in a new NOT NULL column without a default (the user is warned).
_FILL = {
    FieldType.INT: "0",
    FieldType.BIGINT: "0",
    FieldType.FLOAT: "0",
    FieldType.DECIMAL: "0",
    FieldType.BOOL: "false",
    FieldType.DATE: "1970-01-01",
    FieldType.DATETIME: "1970-01-01 00:00:00+00:00",
    FieldType.TIME: "00:00:00",
    FieldType.UUID: "00000000-0000-0000-0000-000000000000",
    FieldType.JSON: "null",
}


@dataclass
class Changes:
    """Source lines of `upgrade()`/`downgrade()`, a summary and data-loss warnings."""

    upgrade: list[str] = field(default_factory=list)
    downgrade: list[str] = field(default_factory=list)  # in reverse order of upgrade
    summary: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not self.upgrade

    def add(self, up: list[str], down: list[str]) -> None:
        self.upgrade += up
        self.downgrade[:0] = down


def diff_specs(old: Spec | None, new: Spec) -> Changes:
    """Operations turning the database of `old` into that of `new`."""
    changes = Changes()
    old_resources = {r.name: r for r in old.resources} if old else {}
    matched: list[tuple[Resource, Resource]] = []
    created: list[Resource] = []
    for resource in new.resources:
        previous = old_resources.get(resource.name)
        if previous is None and resource.renamed_from in old_resources:
            previous = old_resources[resource.renamed_from]
        if previous is None:
            created.append(resource)
        else:
            matched.append((previous, resource))
    kept = {previous.name for previous, _ in matched}
    dropped = [r for r in old_resources.values() if r.name not in kept]

    if created:
        operations = create_resources(created)
        changes.add(operations.upgrade, operations.downgrade)
        changes.summary.append("create " + ", ".join(operations.tables))
    for previous, resource in matched:
        _resource_changes(changes, previous, resource)
    # drop referring tables before the tables they refer to
    for resource in reversed(creation_order(dropped)[0]):
        _drop_resource(changes, resource)
    return changes


def _drop_resource(changes: Changes, resource: Resource) -> None:
    table = resource.names.table
    up: list[str] = []
    down: list[str] = []
    for many in resource.manys:
        assert many.relation is not None
        assert many.relation.association_table is not None
        up.append(f"op.drop_table({py_str(many.relation.association_table)})")
        down += association_lines(resource, many)
    up.append(f"op.drop_table({py_str(table)})")
    changes.add(up, create_table_lines(resource, set()) + ordering_index_lines(resource) + down)
    changes.summary.append(f"drop {table}")
    changes.warnings.append(f"table `{table}` is dropped with all its rows")


def _resource_changes(changes: Changes, old: Resource, new: Resource) -> None:
    table = new.names.table
    up: list[str] = []  # inside `with op.batch_alter_table(table) as batch_op:`
    down: list[str] = []
    outside_up: list[str] = []
    outside_down: list[str] = []
    if old.names.table != table:
        outside_up.append(f"op.rename_table({py_str(old.names.table)}, {py_str(table)})")
        outside_down.append(f"op.rename_table({py_str(table)}, {py_str(old.names.table)})")
        changes.summary.append(f"rename table {old.names.table} to {table}")
        # named constraints follow the table: _change_field rebuilds them under new names
    old_fields = {f.name: f for f in old.fields}
    matched_old: set[str] = set()
    for f in new.fields:
        previous = old_fields.get(f.name)
        if previous is None and f.renamed_from in old_fields:
            previous = old_fields[f.renamed_from]
        if previous is None:
            u, d, ou, od = _add_field(changes, new, f)
        else:
            matched_old.add(previous.name)
            u, d, ou, od = _change_field(changes, old, previous, new, f)
        up += u
        down[:0] = d
        outside_up += ou
        outside_down[:0] = od
    for f in old.fields:
        if f.name not in matched_old:
            u, d, ou, od = _drop_field(changes, old, f, table)
            up += u
            down[:0] = d
            outside_up += ou
            outside_down[:0] = od
    if old.timestamps != new.timestamps:
        columns = ("created_at", "updated_at")
        add = [
            f'batch_op.add_column(sa.Column("{c}", sa.DateTime(timezone=True), nullable=False, '
            f"server_default=sa.func.now()))"
            for c in columns
        ]
        drop = [f'batch_op.drop_column("{c}")' for c in reversed(columns)]
        up += add if new.timestamps else drop
        down[:0] = drop if new.timestamps else add
        if not new.timestamps:
            changes.warnings.append(f"`{table}`: created_at and updated_at are dropped")
    renames_first = [line for line in outside_up if line.startswith("op.rename_table")]
    others_up = [line for line in outside_up if line not in renames_first]
    renames_last = [line for line in outside_down if line.startswith("op.rename_table")]
    others_down = [line for line in outside_down if line not in renames_last]
    batch_up = in_batch(table, up)
    batch_down = in_batch(table, down)
    swap = _ordering_index_swap(changes, old, new, altered=bool(up))
    # upgrade: rename the table, alter it, then association tables; downgrade: the reverse.
    # The ordering index is dropped before those changes and created after them.
    changes.add(
        renames_first + swap.drop_old + batch_up + others_up + swap.create_new,
        swap.drop_new + others_down + batch_down + swap.create_old + renames_last,
    )


@dataclass(frozen=True)
class _IndexSwap:
    """Lines replacing a table's ordering index: each list holds one line or none."""

    drop_old: list[str]
    create_new: list[str]
    drop_new: list[str]  # downgrade
    create_old: list[str]


def _ordering_index_swap(
    changes: Changes, old: Resource, new: Resource, *, altered: bool
) -> _IndexSwap:
    """How the ordering index changes around the table's other changes, if it does.

    It is replaced when its definition changes (ordering, column or table names), and
    rebuilt around any batch of the table when it has a descending column: SQLite's
    batch mode recreates the table's indexes from their column names, dropping `DESC`.
    Both sides run on the table's new name (renamed first, renamed back last).
    """
    old_index, new_index = old.ordering_index, new.ordering_index
    rebuild = altered and old_index is not None and old_index.has_descending_key
    if old_index == new_index and not rebuild:
        return _IndexSwap([], [], [], [])
    if new_index is None:
        assert old_index is not None
        changes.summary.append(f"drop index {old_index.name}")
    elif old_index is None or old_index.keys != new_index.keys:
        changes.summary.append(f"index {new_index.table} by {', '.join(map(str, new.ordering))}")
    table = new.names.table
    return _IndexSwap(
        drop_old=[drop_ordering_index(old_index, table)] if old_index else [],
        create_new=[create_ordering_index(new_index, table)] if new_index else [],
        drop_new=[drop_ordering_index(new_index, table)] if new_index else [],
        create_old=[create_ordering_index(old_index, table)] if old_index else [],
    )


def _column(f: Field, *, fill: bool) -> str:
    """`sa.Column(...)` for add_column; `fill` gives existing rows a value when NOT NULL."""
    default = ""
    if fill and not f.nullable:
        value = _server_default(f)
        if value is not None:
            default = f", server_default={py_str(value)}"
    name = py_str(f.column_name or f.name)
    return f"sa.Column({name}, {migration_type(f)}, nullable={f.nullable}{default})"


def _server_default(f: Field) -> str | None:
    if f.default is not None and f.type is not FieldType.JSON:
        value = f.default.value
        if isinstance(value, bool):
            return "true" if value else "false"
        return str(value)
    if f.is_ref:
        return None
    if f.is_textual or f.type is FieldType.TEXT or f.enum is not None:
        return f.enum.members[0].value if f.enum is not None else ""
    return _FILL.get(f.type)


def _column_extras(table: str, f: Field) -> tuple[list[str], list[str]]:
    """Batch lines adding a column's FK, unique constraint, index and checks; and undoing them."""
    column = f.column_name
    assert column is not None
    up: list[str] = []
    down: list[str] = []
    if f.relation is not None:
        fk = ForeignKey(table, column, f.relation.target_table, on_delete_sql(f.relation.on_delete))
        up.append(fk.create_in_batch())
        down.insert(0, fk.drop_in_batch())
    unique_name = constraint_name(f"uq_{table}_{column}")
    index_name = constraint_name(f"ix_{table}_{column}")
    if f.unique and not f.indexed:
        up.append(f'batch_op.create_unique_constraint(op.f("{unique_name}"), [{py_str(column)}])')
        down.insert(0, f'batch_op.drop_constraint(op.f("{unique_name}"), type_="unique")')
    if f.indexed:
        unique = ", unique=True" if f.unique else ""
        up.append(f'batch_op.create_index(op.f("{index_name}"), [{py_str(column)}]{unique})')
        down.insert(0, f'batch_op.drop_index(op.f("{index_name}"))')
    for check in check_constraints(f):
        name = constraint_name(f"ck_{table}_{check.name}")
        up.append(f'batch_op.create_check_constraint(op.f("{name}"), {py_str(check.sql)})')
        down.insert(0, f'batch_op.drop_constraint(op.f("{name}"), type_="check")')
    return up, down


Lines = tuple[list[str], list[str], list[str], list[str]]


def _add_field(changes: Changes, resource: Resource, f: Field) -> Lines:
    table = resource.names.table
    if f.is_many:
        assert f.relation is not None
        assert f.relation.association_table is not None
        changes.summary.append(f"create {f.relation.association_table}")
        return (
            [],
            [],
            association_lines(resource, f),
            [f"op.drop_table({py_str(f.relation.association_table)})"],
        )
    column = f.column_name
    assert column is not None
    changes.summary.append(f"add {table}.{column}")
    fill = _server_default(f)
    if not f.nullable and f.default is None:
        if fill is None:
            changes.warnings.append(
                f"`{table}.{column}` is required and has no default: the migration fails if "
                f"`{table}` has rows; make it nullable or edit the migration"
            )
        else:
            changes.warnings.append(
                f"existing rows of `{table}` get {fill!r} in the new required column `{column}`; "
                "edit the migration to choose another value"
            )
    up = [f"batch_op.add_column({_column(f, fill=True)})"]
    if not f.nullable and fill is not None:
        # the value only fills existing rows; new rows get the model's default
        up.append(
            f"batch_op.alter_column({py_str(column)}, existing_type={migration_type(f)}, "
            "server_default=None)"
        )
    extras_up, extras_down = _column_extras(table, f)
    return up + extras_up, [*extras_down, f"batch_op.drop_column({py_str(column)})"], [], []


def _drop_field(changes: Changes, resource: Resource, f: Field, table: str) -> Lines:
    if f.is_many:
        assert f.relation is not None
        assert f.relation.association_table is not None
        changes.summary.append(f"drop {f.relation.association_table}")
        changes.warnings.append(f"association table `{f.relation.association_table}` is dropped")
        return (
            [],
            [],
            [f"op.drop_table({py_str(f.relation.association_table)})"],
            (association_lines(resource, f)),
        )
    column = f.column_name
    assert column is not None
    changes.summary.append(f"drop {table}.{column}")
    changes.warnings.append(f"column `{table}.{column}` is dropped with its data")
    extras_up, extras_down = _column_extras(table, f)
    up = [*extras_down, f"batch_op.drop_column({py_str(column)})"]
    down = [f"batch_op.add_column({_column(f, fill=True)})", *extras_up]
    return up, down, [], []


def _change_field(
    changes: Changes, old_resource: Resource, old: Field, new_resource: Resource, new: Field
) -> Lines:
    table = new_resource.names.table
    old_table = old_resource.names.table
    if old.is_many != new.is_many or (old.is_ref != new.is_ref):
        # a different kind of storage: no data can carry over
        d_up, d_down, d_out_up, d_out_down = _drop_field(changes, old_resource, old, table)
        a_up, a_down, a_out_up, a_out_down = _add_field(changes, new_resource, new)
        return d_up + a_up, a_down + d_down, d_out_up + a_out_up, a_out_down + d_out_down
    if new.is_many:
        return _change_many(changes, old_resource, old, new_resource, new)
    up: list[str] = []
    down: list[str] = []
    old_column, column = old.column_name, new.column_name
    assert old_column is not None
    assert column is not None
    # constraints are rebuilt when anything they depend on changes (column name included)
    old_extras_up, old_extras_down = _column_extras(old_table, old)
    new_extras_up, new_extras_down = _column_extras(table, new)
    rebuild = old_extras_up != new_extras_up
    if rebuild:
        up += old_extras_down
        down[:0] = old_extras_up
    if old_column != column:
        up.append(f"batch_op.alter_column({py_str(old_column)}, new_column_name={py_str(column)})")
        down.insert(
            0, f"batch_op.alter_column({py_str(column)}, new_column_name={py_str(old_column)})"
        )
        changes.summary.append(f"rename {table}.{old_column} to {column}")
    old_type, new_type = migration_type(old), migration_type(new)
    alter: list[str] = []
    undo: list[str] = []
    if old_type != new_type:
        alter.append(f"type_={new_type}")
        undo.append(f"type_={old_type}")
        changes.summary.append(f"alter {table}.{column} type")
        changes.warnings.append(
            f"`{table}.{column}` changes type ({old_type} → {new_type}); check existing values fit"
        )
    if old.nullable != new.nullable:
        alter.append(f"nullable={new.nullable}")
        undo.append(f"nullable={old.nullable}")
        changes.summary.append(f"alter {table}.{column} {'null' if new.nullable else 'not null'}")
        if not new.nullable:
            changes.warnings.append(f"`{table}.{column}` becomes required: rows with NULL fail it")
    if alter:
        up.append(
            f"batch_op.alter_column({py_str(column)}, existing_type={old_type}, {', '.join(alter)})"
        )
        down.insert(
            0,
            f"batch_op.alter_column({py_str(column)}, existing_type={new_type}, {', '.join(undo)})",
        )
    if rebuild:
        up += new_extras_up
        down[:0] = new_extras_down
    return up, down, [], []


def _change_many(
    changes: Changes, old_resource: Resource, old: Field, new_resource: Resource, new: Field
) -> Lines:
    old_relation, relation = old.relation, new.relation
    assert old_relation is not None
    assert relation is not None
    same_shape = (
        old_relation.target_table == relation.target_table
        and old_relation.source_column == relation.source_column
        and old_relation.target_column == relation.target_column
        and old_relation.on_delete == relation.on_delete
    )
    if old_relation.association_table == relation.association_table and same_shape:
        return [], [], [], []
    if same_shape:
        old_name, name = old_relation.association_table or "", relation.association_table or ""
        changes.summary.append(f"rename table {old_name} to {name}")
        return (
            [],
            [],
            [f"op.rename_table({py_str(old_name)}, {py_str(name)})"],
            [f"op.rename_table({py_str(name)}, {py_str(old_name)})"],
        )
    d = _drop_field(changes, old_resource, old, old_resource.names.table)
    a = _add_field(changes, new_resource, new)
    return [], [], d[2] + a[2], a[3] + d[3]
