"""Editing `scaffold.yaml` in place, keeping the user's comments, order and formatting."""

from __future__ import annotations

import io
from typing import Any

from scaffolder.errors import UsageError
from scaffolder.spec.yaml_io import new_yaml, parse_yaml


def add_resource(
    text: str,
    file: str,
    name: str,
    fields: list[tuple[str, str]],
    layers: list[str] | None = None,
) -> str:
    """The spec text with resource `name` appended under `resources` (round-trip)."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    doc: Any = parse_yaml(text, file)
    if doc is None:
        doc = CommentedMap([("version", 1), ("resources", CommentedMap())])
    resources = doc.get("resources")
    if resources is None or not isinstance(resources, dict):
        resources = CommentedMap()
        doc["resources"] = resources
    if name in resources:
        raise UsageError(
            f"resource `{name}` is already declared in {file}",
            hint=f"edit its fields in {file} and run `scaffold sync`, or run "
            f"`scaffold generate resource {name}` without fields to generate it as declared",
        )
    declaration = CommentedMap()
    declaration["fields"] = CommentedMap(fields)
    if layers is not None:
        sequence = CommentedSeq(layers)
        sequence.fa.set_flow_style()  # `layers: [api, admin]`, as people write it
        declaration["layers"] = sequence
    resources[name] = declaration
    if hasattr(resources, "fa"):
        resources.fa.set_block_style()
    stream = io.StringIO()
    new_yaml().dump(doc, stream)
    return stream.getvalue()


def remove_resource(text: str, file: str, name: str) -> str:
    """The spec text without resource `name` (round-trip: other comments and order kept)."""
    doc: Any = parse_yaml(text, file)
    resources = doc.get("resources") if doc is not None else None
    if not resources or name not in resources:
        raise UsageError(f"resource `{name}` is not declared in {file}")
    del resources[name]
    stream = io.StringIO()
    new_yaml().dump(doc, stream)
    return stream.getvalue()


def set_plurals(text: str, file: str, plurals: dict[str, str]) -> str:
    """The spec text with `plural:` set on each resource of `plurals` (resource → plural),
    right after its name (round-trip: comments and order kept)."""
    doc: Any = parse_yaml(text, file)
    resources = doc.get("resources") if doc is not None else None
    for name, plural in plurals.items():
        if resources and name in resources:
            resources[name].insert(0, "plural", plural)
    stream = io.StringIO()
    new_yaml().dump(doc, stream)
    return stream.getvalue()
