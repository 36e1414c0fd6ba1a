"""Lists: what a list asks for (`ListParams`), one page of the answer (`Page`), and the
state of a list page — search, filters, sort, page — with the links that change it.

A list page is described entirely by its query string, so every state can be
bookmarked, shared and reloaded, and works without JavaScript; htmx only swaps the
results in place. Templates build sort, filter and page links from a `ListQuery`
rather than concatenating query strings themselves.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Generic, TypeVar
from urllib.parse import urlencode

from fastapi import Request
from pydantic import TypeAdapter, ValidationError

T = TypeVar("T")
FiltersT = TypeVar("FiltersT")

#: Session key of the one-off message shown by the next page (e.g. "3 posts deleted.").
NOTICE_KEY = "notice"


@dataclass(frozen=True)
class ListParams:
    """What a list asks a service for (`Crud.page`, `Crud.read_page`).

    `sort` is a declared sort key, `-key` for descending, None for the default order;
    `filters` maps declared filter keys to the value to match (None: not filtered);
    `page_size` None is the service's default. A page past the end is empty.
    """

    page: int = 1
    page_size: int | None = None
    sort: str | None = None
    q: str | None = None
    filters: Mapping[str, object] = field(default_factory=dict[str, object])


@dataclass(frozen=True)
class Page(Generic[T]):
    """One page of a list, and where it sits in the whole list."""

    items: list[T]
    total: int  # rows matching the query, on all pages
    page: int  # 1-based
    page_size: int

    @property
    def pages(self) -> int:
        """How many pages the whole list has (at least one, even when empty)."""
        return max(1, -(-self.total // self.page_size))

    @property
    def has_previous(self) -> bool:
        return self.page > 1

    @property
    def has_next(self) -> bool:
        return self.page < self.pages


@dataclass(frozen=True)
class ListQuery:
    """What a list page shows: search text, filters (name → value), sort key and page."""

    path: str
    q: str = ""
    sort: str = ""  # a sort key ("-key" descending); "" for the default order
    page: int = 1
    filters: tuple[tuple[str, str], ...] = ()

    def url(self) -> str:
        """This state as a link (defaults left out)."""
        params = [(name, value) for name, value in self.filters if value]
        if self.q:
            params.append(("q", self.q))
        if self.sort:
            params.append(("sort", self.sort))
        if self.page > 1:
            params.append(("page", str(self.page)))
        query = urlencode(params)
        return f"{self.path}?{query}" if query else self.path

    def page_url(self, page: int) -> str:
        """The link to another page of the same results."""
        return replace(self, page=page).url()

    def sort_url(self, key: str) -> str:
        """A column header's link: sort by `key`, or reverse the order if already sorted by it."""
        sort = f"-{key}" if self.sort == key else key
        return replace(self, sort=sort, page=1).url()

    def sort_state(self, key: str) -> str:
        """The column's `aria-sort`: ascending, descending or none."""
        if self.sort == key:
            return "ascending"
        if self.sort == f"-{key}":
            return "descending"
        return "none"

    def filter_value(self, name: str) -> str:
        """The value filter `name` is set to ("" when not filtering on it)."""
        return dict(self.filters).get(name, "")

    def filter_url(self, name: str, value: str) -> str:
        """The link that sets filter `name` to `value` ("" removes it), back on page 1."""
        others = tuple((n, v) for n, v in self.filters if n != name)
        filters = (*others, (name, value)) if value else others
        return replace(self, filters=filters, page=1).url()


def wants_fragment(request: Request) -> bool:
    """Whether htmx asked for the results only, to swap them into the page it shows.

    History restores (the back button after htmx changed the URL) need the whole page.
    """
    return (
        request.headers.get("HX-Request") == "true"
        and request.headers.get("HX-History-Restore-Request") != "true"
    )


def read_filters(
    adapter: TypeAdapter[FiltersT], params: Mapping[str, str], names: Iterable[str]
) -> tuple[FiltersT, tuple[tuple[str, str], ...]]:
    """The service's filters from the query string, and the (name, value) pairs applied.

    The filters type converts the text (`true`, `3`, `on hold`…); a value it cannot
    read is ignored, as if the filter were not set, rather than failing the page.
    """
    raw = {name: params[name] for name in names if params.get(name)}
    try:
        filters = adapter.validate_python(raw)
    except ValidationError as exc:
        invalid = {str(error["loc"][0]) for error in exc.errors() if error["loc"]}
        raw = {name: value for name, value in raw.items() if name not in invalid}
        filters = adapter.validate_python(raw)
    return filters, tuple(raw.items())


def set_notice(request: Request, message: str) -> None:
    """Keep `message` for the next page the visitor sees (after a redirect)."""
    request.session[NOTICE_KEY] = message


def pop_notice(request: Request) -> str:
    """The message kept by `set_notice`, once ("" when there is none)."""
    message = request.session.pop(NOTICE_KEY, "")
    return message if isinstance(message, str) else ""
