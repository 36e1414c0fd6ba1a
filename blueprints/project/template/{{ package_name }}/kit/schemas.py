"""Field types shared by every resource's schemas, and the body of error answers.

They make the API refuse, with a 422, values the database would choke on,
so a bad request never becomes a server error.
"""

from collections.abc import Callable
from datetime import UTC, datetime, time
from typing import Annotated, Generic, TypeVar
from urllib.parse import urlsplit

from pydantic import (
    AfterValidator,
    BeforeValidator,
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    JsonValue,
    StringConstraints,
    WithJsonSchema,
    field_validator,
)
from pydantic.config import JsonDict

#: Largest value of an INTEGER column (ids, int fields) on every supported database.
MAX_INT = 2_147_483_647
#: Largest value of a BIGINT column.
MAX_BIGINT = 9_223_372_036_854_775_807
#: URL-safe identifier: lower-case words separated by single dashes.
SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"


def _storable_text(value: str) -> str:
    """Refuse what no database stores as text: NUL characters (PostgreSQL) and lone
    surrogates (not encodable as UTF-8)."""
    if "\x00" in value:
        raise ValueError("must not contain NUL characters")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError("must be valid Unicode text") from None
    return value


def _storable_json(value: JsonValue) -> JsonValue:
    """Refuse lone surrogates anywhere in a JSON value (keys included)."""
    if isinstance(value, str):
        _storable_text(value)
    elif isinstance(value, list):
        for item in value:
            _storable_json(item)
    elif isinstance(value, dict):
        for key, item in value.items():
            _storable_text(key)
            _storable_json(item)
    return value


def _in_utc_range(value: datetime) -> datetime:
    """Timestamps are stored in UTC: refuse those whose UTC time falls outside years 1-9999."""
    try:
        value.astimezone(UTC)
    except OverflowError:
        raise ValueError("is out of range once converted to UTC") from None
    return value


def _http_url(value: str) -> str:
    """Absolute http(s) URLs only; the text is kept as given (no normalisation)."""
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError("must be an absolute http:// or https:// URL")
    return value


#: Text any database can store.
SafeStr = Annotated[str, AfterValidator(_storable_text)]
#: A slug: `my-first-post`.
Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN), AfterValidator(_storable_text)]
#: An http(s) URL, stored and returned as text.
HttpUrlStr = Annotated[
    str, AfterValidator(_storable_text), AfterValidator(_http_url), Field(json_schema_extra={"format": "uri"})
]
def _wall_clock(value: time) -> time:
    """Times of day are stored without a timezone: refuse one rather than drop it."""
    if value.tzinfo is not None:
        raise ValueError("must not have a timezone (a time of day, like 14:30:00)")
    return value


def not_null(schema: JsonDict) -> None:
    """JSON Schema of a PATCH field that may be left out but never set to null.

    Update schemas type such fields `X | None = None` (None meaning "not sent") and
    refuse an explicit null; the documentation shows them as plain `X`.
    """
    variants = schema.pop("anyOf", None)
    schema.pop("default", None)
    if not isinstance(variants, list):
        return
    kept = [v for v in variants if not (isinstance(v, dict) and v.get("type") == "null")]
    if len(kept) == 1 and isinstance(kept[0], dict):
        schema.update(kept[0])
    else:
        schema["anyOf"] = kept


def _refuse_none(cls: type[BaseModel], value: object) -> object:
    if value is None:
        raise ValueError("may not be null")
    return value


def refuse_null(*fields: str) -> Callable[[type[BaseModel], object], object]:
    """The check of a PATCH schema's required fields: leaving one out keeps its value,
    null would empty it, so null is refused (a 422). In the class body, with `not_null`
    on each of those fields for the documentation:

        _nulls_refused = refuse_null("title", "slug")
    """
    return field_validator(*fields)(_refuse_none)


#: A time of day without timezone (RFC 3339 `partial-time`: `14:30:00`).
LocalTime = Annotated[
    time,
    AfterValidator(_wall_clock),
    WithJsonSchema({"type": "string", "format": "partial-time", "examples": ["14:30:00"]}),
]
#: A timezone-aware timestamp that exists in UTC.
UtcDatetime = Annotated[AwareDatetime, AfterValidator(_in_utc_range)]
#: Any JSON value whose text every database can store.
SafeJson = Annotated[JsonValue, AfterValidator(_storable_json)]


def json_default(value: JsonValue) -> JsonValue:
    """A field's JSON default, typed as JsonValue: mypy infers a literal such as
    `{"a": [1]}` as `dict[str, list[int]]`, which JsonValue's invariant dict refuses."""
    return value

def _not_a_bool(value: object) -> object:
    """Refuse `true`/`false` as an id: Pydantic's lax mode would read them as 1 and 0."""
    if isinstance(value, bool):
        raise ValueError("must be an integer id, not a boolean")
    return value


#: The id of a row: a positive INTEGER (text such as "3" is read, as forms send it).
Id = Annotated[int, BeforeValidator(_not_a_bool), Field(ge=1, le=MAX_INT)]
#: A value of an INTEGER / a BIGINT column, e.g. for the admin's filters, which read the
#: query string: a number no column holds is refused, never sent to the database.
Int32 = Annotated[int, Field(ge=-MAX_INT - 1, le=MAX_INT)]
Int64 = Annotated[int, Field(ge=-MAX_BIGINT - 1, le=MAX_BIGINT)]


ReadT = TypeVar("ReadT", bound=BaseModel)


class PageOf(BaseModel, Generic[ReadT]):
    """One page of a list, and where it sits in the whole list. Each resource names its
    own (`class PostPage(PageOf[PostRead])`), as the OpenAPI document shows it."""

    model_config = ConfigDict(from_attributes=True)

    items: list[ReadT]
    total: int = Field(description="Rows matching the query, on all pages.")
    page: int
    page_size: int


class ErrorMessage(BaseModel):
    """The body of 401, 404 and 409 answers."""

    detail: str
