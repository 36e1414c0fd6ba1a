"""The wiring a generated resource needs in the hand-owned files of the project skeleton.

Wiring is described as data (`Wire`: which file, which edit), so the same list
both adds a resource's wiring (`ensure`) and, when the resource goes away, removes
it (`remove`). Edits are idempotent: wiring every resource on every run is safe
and repairs wiring a user removed by mistake.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from scaffolder.codemods.edits import (
    TreeEdit,
    ensure_class_attribute,
    ensure_import,
    ensure_list_item,
    ensure_statement_in_function,
    ensure_type_checking_import,
    remove_class_attribute,
    remove_import,
    remove_list_item,
    remove_statement_in_function,
)
from scaffolder.model.spec import Layer, Resource, ReverseRelation, Spec
from scaffolder.render.escape import python_str as py_str

Edit = tuple[str, TreeEdit]


@dataclass(frozen=True)
class Wire:
    """One piece of wiring in one file, which can be ensured or removed."""

    path: str
    ensure_edit: TreeEdit
    remove_edit: TreeEdit | None  # None: left in place (shared imports)

    def ensure(self) -> Edit:
        return (self.path, self.ensure_edit)

    def remove(self) -> Edit | None:
        return (self.path, self.remove_edit) if self.remove_edit is not None else None


def _import(path: str, module: str, name: str, alias: str | None = None) -> Wire:
    return Wire(
        path,
        partial(ensure_import, module=module, name=name, alias=alias),
        partial(remove_import, module=module, name=name, alias=alias),
    )


def _list_item(path: str, variable: str, item: str) -> Wire:
    return Wire(
        path,
        partial(ensure_list_item, variable=variable, item=item),
        partial(remove_list_item, variable=variable, item=item),
    )


def resource_wires(resource: Resource, package: str) -> list[Wire]:
    """Model import, routers, admin registry entry and navigation of one resource."""
    names = resource.names
    models = f"{package}/models/__init__.py"
    routes = f"{package}/routes.py"
    wires = [
        _import(models, f"{package}.models.{names.snake}", names.class_name),
        _list_item(models, "__all__", py_str(names.class_name)),
    ]
    routers = (
        (Layer.API, "api", "_api", ', prefix="/api"'),
        (Layer.HTML, "views", "_views", ""),
        (Layer.ADMIN, "admin", "_admin", ', prefix="/admin"'),
    )
    for layer, module, suffix, prefix in routers:
        if not resource.has_layer(layer):
            continue
        alias = f"{names.snake}{suffix}"
        statement = f"app.include_router({alias}.router{prefix})\n"
        wires.append(_import(routes, f"{package}.{module}", names.snake, alias))
        wires.append(
            Wire(
                routes,
                partial(
                    ensure_statement_in_function, function="include_routers", statement=statement
                ),
                partial(
                    remove_statement_in_function, function="include_routers", statement=statement
                ),
            )
        )
    if resource.has_layer(Layer.ADMIN):
        url = py_str(f"/admin/{names.route}/")
        entry = (
            f"AdminResource(name={py_str(names.class_name)}, "
            f"label={py_str(names.plural_label)}, url={url})"
        )
        wires.append(_list_item(f"{package}/admin/registry.py", "ADMIN_RESOURCES", entry))
    if resource.has_layer(Layer.HTML):
        item = f"NavItem(label={py_str(names.plural_label)}, url={py_str(f'/{names.route}/')})"
        wires.append(_list_item(f"{package}/nav.py", "NAV", item))
    return wires


def user_wires(spec: Spec, package: str) -> list[Wire]:
    """Reverse collections that the spec's resources add to the built-in User model."""
    path = f"{package}/models/user.py"
    wires: list[Wire] = []
    for reverse in spec.user_reverse:
        source = spec.resource(reverse.source)
        statement = user_relationship(spec, reverse)
        wires += [
            Wire(path, partial(ensure_import, module="sqlalchemy.orm", name="relationship"), None),
            Wire(
                path,
                partial(
                    ensure_type_checking_import,
                    module=f"{package}.models.{source.names.snake}",
                    name=source.name,
                ),
                None,  # an unused TYPE_CHECKING import is harmless; ruff's F401 pass drops it
            ),
            Wire(
                path,
                partial(
                    ensure_class_attribute,
                    class_name="User",
                    attribute=reverse.name,
                    statement=statement,
                ),
                partial(remove_class_attribute, class_name="User", attribute=reverse.name),
            ),
        ]
    return wires


def user_relationship(spec: Spec, reverse: ReverseRelation) -> str:
    """`comments: Mapped[list["Comment"]] = relationship(...)`: User's side of a relation."""
    source = spec.resource(reverse.source)
    field = source.field(reverse.source_field)
    relation = field.relation
    assert relation is not None
    options = [f"back_populates={py_str(field.name)}"]
    if relation.many:
        options.append(f"secondary={py_str(relation.association_table or '')}")
    else:
        options.append(f"foreign_keys={py_str(f'{source.name}.{relation.fk_column}')}")
    # the database applies on_delete; the ORM must not load the collection to do it
    options += ["passive_deletes=True", 'lazy="raise"']
    return (
        f"{reverse.name}: Mapped[list[{py_str(source.name)}]] = "
        f"relationship({', '.join(options)})\n"
    )


def wiring_edits(new: Spec, old: Spec | None, package: str) -> list[Edit]:
    """Edits bringing the wiring from `old` (the applied spec) to `new`.

    Wiring that `old` had and `new` does not is removed first; then all of `new`'s
    wiring is ensured (idempotently).
    """
    wanted = [w for r in new.resources for w in resource_wires(r, package)]
    wanted += user_wires(new, package)
    edits: list[Edit] = []
    if old is not None:
        previous = [w for r in old.resources for w in resource_wires(r, package)]
        previous += user_wires(old, package)
        still = {(w.path, _describe(w.ensure_edit)) for w in wanted}
        for wire in previous:
            removal = wire.remove()
            if removal is not None and (wire.path, _describe(wire.ensure_edit)) not in still:
                edits.append(removal)
    edits += [w.ensure() for w in wanted]
    return edits


def _describe(edit: TreeEdit) -> str:
    """A stable identity of an edit: its function and arguments."""
    if isinstance(edit, partial):
        return f"{edit.func.__name__}{sorted(edit.keywords.items())}"
    return repr(edit)
