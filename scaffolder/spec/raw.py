"""The spec as written, before validation: positions of every part, and the problems found.

Pass 1 of the loader turns the YAML tree into these; passes 2 and 3 read them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from scaffolder.errors import Problem
from scaffolder.model.names import (
    Names,
)
from scaffolder.spec.shorthand import Token
from scaffolder.spec.yaml_io import Positions, Site

if TYPE_CHECKING:
    from scaffolder.spec.keys import Key

MISSING = object()


class Problems:
    """Collects problems; passes keep going after one so the user sees all of them."""

    def __init__(self) -> None:
        self.items: list[Problem] = []

    def add(
        self,
        site: Site,
        message: str,
        *,
        offset: int = 0,
        span: int = 1,
        hint: str | None = None,
        example: str | None = None,
    ) -> None:
        self.items.append(
            site.problem(message, offset=offset, span=span, hint=hint, example=example)
        )

    def __bool__(self) -> bool:
        return bool(self.items)


# --------------------------------------------------------------------------- pass 1


@dataclass
class Spot:
    """A site plus an offset inside the text at that site (shorthand tokens)."""

    site: Site
    offset: int = 0
    span: int = 1


@dataclass
class RawField:
    """A field as written, before types and references are checked."""

    name: str
    resource: str
    name_spot: Spot
    type_name: str
    type_spot: Spot
    args: tuple[Token, ...] | None
    args_spot: Spot
    nullable: bool = False
    unique: bool = False
    index: bool = False
    default: Any = MISSING
    default_raw: str | None = None
    default_spot: Spot | None = None
    options: dict[str, tuple[Any, Spot]] = field(default_factory=dict)
    long_form: bool = False

    def option(self, key: str) -> Any:
        value = self.options.get(key)
        return None if value is None else value[0]

    def spot(self, key: str) -> Spot:
        value = self.options.get(key)
        return value[1] if value is not None else self.name_spot


@dataclass
class RawResource:
    name: str
    site: Site
    decl: Mapping[str, Any]
    names: Names
    fields: list[RawField]
    #: False when the name itself was reported (its derived table is not checked again)
    valid_name: bool = True
    #: False when `fields` was missing or malformed: options naming fields stay quiet
    fields_ok: bool = True


def value_spot(pos: Positions, mapping: Any, key: str) -> Spot:
    """The value of `key`, underlined whole when it is a scalar."""
    return Spot(pos.value(mapping, key), span=pos.value_span(mapping, key))


def unquote(text: str) -> str:
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"":
        return text[1:-1]
    return text


def opt_str(value: Any) -> str | None:
    return str(value) if isinstance(value, str) else None


class Reporter(Protocol):
    """The loader as the builders of fields and resources (`fields.py`, `resources.py`)
    see it: where each node of the file is, which resources the spec declares, and
    where a problem is reported. (A protocol, so that the builders need not import the
    loader that imports them.)"""

    pos: Positions
    open_world: bool  # resources may refer to resources declared elsewhere
    declared: set[str]

    def _add(self, spot: Spot, message: str, **extra: Any) -> None: ...

    def _unknown_keys(
        self, mapping: Mapping[str, Any], allowed: Mapping[str, Key], what: str
    ) -> set[str]: ...
