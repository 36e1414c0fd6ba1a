"""What a change list shows and filters on: typed declarations, read, never inferred.

A `Column` names its header, how to read the value from a row (`lambda post:
post.title`, checked by mypy), the model attribute it sorts by and, optionally, a
link, and whether it holds numbers (shown right-aligned, in figures of one width). A `Filter` names the list parameter it sets (the key of a model attribute,
`Post.status.key`), how to read its text from the query string, and the values the
sidebar lists. Nothing here looks into a model: a typo is a type error.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from decimal import Decimal
from enum import Enum
from typing import Any, Generic, Protocol, TypeVar
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import QueryableAttribute

M = TypeVar("M")
E = TypeVar("E", bound=Enum)

#: What an empty cell shows.
EMPTY = "—"
#: Values a cell shows whole, on one line: numbers, ids, dates (a text may be cut with "…").
WHOLE = (int, float, Decimal, UUID, date, time)


class ChoiceSource(Protocol):
    """Rows a filter lists by label (a `Crud`, or `auth.service.users`)."""

    async def choices(
        self, db: AsyncSession, q: str | None = None, limit: int = ...
    ) -> list[tuple[int, str]]: ...

    async def label_of(self, db: AsyncSession, row_id: int, /) -> str | None: ...


def display(value: object) -> str:
    """How a cell shows a value: `—` for none, Yes/No, an enum's value, UTC timestamps."""
    if value is None:
        return EMPTY
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, datetime):
        return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


@dataclass(frozen=True)
class Cell:
    """One cell of a change list, read: its text, its link, whether to show it whole,
    whether it is a number (its column's `numeric`)."""

    text: str
    href: str | None = None
    whole: bool = False
    numeric: bool = False


@dataclass(frozen=True)
class Row:
    """One row of a change list, read once in Python so the template only loops."""

    id: int
    text: str  # the row's `str()`: the label of its checkbox
    cells: tuple[Cell, ...]

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True)
class Column(Generic[M]):
    """One column of a change list.

    `sort`: the attribute its header sorts by (a sort key the service declares), None
    for a header that does not sort. `href`: where a cell links (a related row's admin).
    `numeric`: the column holds numbers (an int, float or decimal field): its header
    and cells are right-aligned, in tabular figures, as spreadsheets show them.
    """

    label: str
    value: Callable[[M], object]
    sort: QueryableAttribute[Any] | None = None
    href: Callable[[M], str | None] | None = None
    numeric: bool = False

    @property
    def sort_key(self) -> str:
        """The list parameter `sort` that orders by this column ("" when it does not sort)."""
        return self.sort.key if self.sort is not None else ""

    def link(self, row: M) -> str | None:
        """The cell's link, if it has one."""
        return self.href(row) if self.href is not None else None

    def read(self, row: M) -> Cell:
        """The cell: text, link, whether it is shown whole and a number, the value read once."""
        value = self.value(row)
        return Cell(display(value), self.link(row), isinstance(value, WHOLE), self.numeric)


@dataclass(frozen=True)
class Filter:
    """One filter of the sidebar: `key` is the service's filter key and the query parameter.

    `parse` reads the query string's text (ValueError: not a value, the filter is then
    ignored); `options` are the listed (value, label) pairs, `source` lists related
    rows; with neither, the sidebar shows an exact-match text box.
    """

    key: str
    label: str
    parse: Callable[[str], object]
    options: tuple[tuple[str, str], ...] = ()
    source: ChoiceSource | None = None

    def read(self, text: str) -> object | None:
        """The filter's value from the query string's text, None when it names none."""
        try:
            return self.parse(text)
        except ValueError:
            return None


def choice_filter(column: QueryableAttribute[Any], label: str, enum: type[E]) -> Filter:
    """A filter listing the members of an enum."""
    options = tuple((str(member.value), str(member.value)) for member in enum)
    return Filter(column.key, label, enum, options)


def bool_filter(column: QueryableAttribute[Any], label: str) -> Filter:
    """A filter listing Yes and No."""
    return Filter(column.key, label, parse_bool, (("true", "Yes"), ("false", "No")))


def related_filter(column: QueryableAttribute[Any], label: str, source: ChoiceSource) -> Filter:
    """A filter listing related rows (a `ref`'s `<name>_id`, or a `many`)."""
    return Filter(column.key, label, parse_row_id, source=source)


def value_filter(
    column: QueryableAttribute[Any], label: str, parse: Callable[[str], object] = str
) -> Filter:
    """An exact-match filter typed into a box (text, numbers, dates)."""
    return Filter(column.key, label, parse)


def parse_bool(text: str) -> bool:
    """`true`/`false` (as the sidebar's links write them)."""
    if text not in ("true", "false"):
        raise ValueError(text)
    return text == "true"


def parse_row_id(text: str) -> int:
    """A row id (1 to 2**31 - 1): others name no row and are never queried."""
    if not (text.isascii() and text.isdigit()) or not 1 <= int(text) <= 2_147_483_647:
        raise ValueError(text)
    return int(text)


def parse_int(text: str) -> int:
    """An INTEGER column's value: a number no column holds is not queried."""
    value = int(text)
    if not -2_147_483_648 <= value <= 2_147_483_647:
        raise ValueError(text)
    return value


def applied(filters: Sequence[Filter], params: dict[str, str]) -> dict[str, object]:
    """The filters the query string sets to a value they can read, by key."""
    values: dict[str, object] = {}
    for declared in filters:
        text = params.get(declared.key, "")
        value = declared.read(text) if text else None
        if value is not None:
            values[declared.key] = value
    return values
