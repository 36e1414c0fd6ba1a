"""What wiring a generated resource needs in the hand-owned files of the project skeleton.

Each entry is (path, edit); edits are idempotent, so wiring every rendered
resource on every run is safe and repairs wiring a user removed by mistake.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from scaffolder.codemods import EditResult
from scaffolder.codemods.edits import (
    ensure_class_attribute,
    ensure_import,
    ensure_list_item,
    ensure_statement_in_function,
    ensure_type_checking_import,
)
from scaffolder.model.spec import Layer, Resource, ReverseRelation, Spec
from scaffolder.render.filters import py_str

Edit = tuple[str, Callable[[str], EditResult]]


def resource_wiring(spec: Spec, resource: Resource, package: str) -> list[Edit]:
    """Model import, routers, admin registry entry and navigation for one resource."""
    names = resource.names
    models = f"{package}/models/__init__.py"
    routes = f"{package}/routes.py"
    edits: list[Edit] = [
        (
            models,
            partial(ensure_import, module=f"{package}.models.{names.snake}", name=names.class_name),
        ),
        (models, partial(ensure_list_item, variable="__all__", item=py_str(names.class_name))),
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
        edits.append(
            (
                routes,
                partial(ensure_import, module=f"{package}.{module}", name=names.snake, alias=alias),
            )
        )
        edits.append(
            (
                routes,
                partial(
                    ensure_statement_in_function,
                    function="include_routers",
                    statement=f"app.include_router({alias}.router{prefix})\n",
                ),
            )
        )
    if resource.has_layer(Layer.ADMIN):
        entry = (
            f"AdminResource(name={py_str(names.class_name)}, "
            f"label={py_str(names.plural_label)}, url={py_str(f'/admin/{names.route}/')})"
        )
        edits.append(
            (
                f"{package}/admin/registry.py",
                partial(ensure_list_item, variable="ADMIN_RESOURCES", item=entry),
            )
        )
    if resource.has_layer(Layer.HTML):
        item = f"NavItem(label={py_str(names.plural_label)}, url={py_str(f'/{names.route}/')})"
        edits.append((f"{package}/nav.py", partial(ensure_list_item, variable="NAV", item=item)))
    return edits


def user_wiring(spec: Spec, package: str, rendered: set[str]) -> list[Edit]:
    """Reverse collections that generated resources add to the built-in User model."""
    path = f"{package}/models/user.py"
    edits: list[Edit] = []
    for reverse in spec.user_reverse:
        if reverse.source not in rendered:
            continue
        source = spec.resource(reverse.source)
        edits.append((path, partial(ensure_import, module="sqlalchemy.orm", name="relationship")))
        edits.append(
            (
                path,
                partial(
                    ensure_type_checking_import,
                    module=f"{package}.models.{source.names.snake}",
                    name=source.name,
                ),
            )
        )
        edits.append(
            (
                path,
                partial(
                    ensure_class_attribute,
                    class_name="User",
                    attribute=reverse.name,
                    statement=user_relationship(spec, reverse),
                ),
            )
        )
    return edits


def user_relationship(spec: Spec, reverse: ReverseRelation) -> str:
    """`comments: Mapped[list["Comment"]] = relationship(...)` for User's side of a relation."""
    source = spec.resource(reverse.source)
    field = source.field(reverse.source_field)
    relation = field.relation
    assert relation is not None
    options = [f"back_populates={py_str(field.name)}"]
    if relation.many:
        options.append(f"secondary={py_str(relation.association_table or '')}")
    else:
        options.append(f"foreign_keys={py_str(f'{source.name}.{relation.fk_column}')}")
    options.append('lazy="raise"')
    return (
        f"{reverse.name}: Mapped[list[{py_str(source.name)}]] = "
        f"relationship({', '.join(options)})\n"
    )
