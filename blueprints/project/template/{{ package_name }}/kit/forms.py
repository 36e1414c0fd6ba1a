"""HTML forms ↔ the Pydantic schemas, for the public pages and the admin of every resource.

A resource declares its form once, as a `Form` of typed inputs (`TextInput`,
`NumberInput`, `Select`, `RelatedSelect`, `MultiSelect`, `Checkbox`…), each naming
the key of the Create/Update schemas it fills (`title`, `author_id`, `tag_ids`). The
kit never looks inside a model: what an input is, its label and its limits are in
that declaration, and the schemas stay the one place that decides what is valid.

Browsers send every value as text: an empty optional input means "no value", an
unticked checkbox is not sent at all, a multi-select repeats its name. `Form.read`
turns a submitted form into the schema's input; `FormReader.validate` validates it
and keeps what was typed and one friendly message per problem ("Enter at most 200
characters.", "Enter a whole number."), so the form can be shown again as the
visitor left it. Pydantic's own wording and raw patterns never reach the page.

Selects of related rows list at most `CHOICES_LIMIT` rows, always including the
chosen ones; when more exist, `SelectChoices.more` asks the page for a search box,
whose requests `Form.search` answers.
"""

import json
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import KW_ONLY, dataclass
from datetime import UTC, datetime, time
from enum import Enum
from typing import ClassVar, Generic, Protocol, TypeVar, cast

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.datastructures import FormData

#: What an input shows: the text typed, or the values chosen in a multi-select.
FormValue = str | list[str]
#: What a form shows, input name → value.
FormValues = dict[str, FormValue]
#: Error messages per input name; "" holds the errors that belong to no single input.
FormErrors = dict[str, list[str]]
#: One option of a select: the row's id and its label.
SelectOption = tuple[int, str]

REQUIRED = "This field is required."
CHOOSE = "Choose one of the options."
#: How many options a select of related rows lists at most (the chosen ones are always there).
CHOICES_LIMIT = 1000
#: The format of `<input type="datetime-local">`, which has no time zone: the app uses UTC.
DATETIME_LOCAL = "%Y-%m-%dT%H:%M"
#: Largest id a row can have (an INTEGER primary key).
_MAX_ID = 2_147_483_647

CreateT = TypeVar("CreateT", bound=BaseModel)
UpdateT = TypeVar("UpdateT", bound=BaseModel)
SchemaT = TypeVar("SchemaT", bound=BaseModel)


class ChoiceSource(Protocol):
    """Where a select of related rows finds its options: a resource's `Crud`, or `users`."""

    async def choices(
        self, db: AsyncSession, /, q: str | None = None, limit: int = CHOICES_LIMIT
    ) -> list[SelectOption]:
        """Up to `limit` rows (matching `q`), as (id, label), in their display order."""
        ...

    async def label_of(self, db: AsyncSession, row_id: int, /) -> str | None:
        """How row `row_id` reads in a select (None if it does not exist)."""
        ...


# ---------------------------------------------------------------------------- inputs


@dataclass(frozen=True)
class Field:
    """One input of a form: the schema key it fills (`name`), its label and help.

    `default` is what the create form starts with. `write_only`: the stored value is
    never shown, and a blank input keeps it (a password). Subclasses say how the
    input reads, shows a stored value and words an error.
    """

    name: str
    label: str
    _: KW_ONLY
    required: bool = True
    help: str = ""
    default: str = ""
    write_only: bool = False
    #: What the component switches on: text, textarea, number, date, datetime, time,
    #: select, related, multiselect, checkbox, json, password (`html_type`: its <input type>).
    widget: ClassVar[str] = "text"
    html_type: ClassVar[str] = "text"

    @property
    def attrs(self) -> dict[str, str]:
        """Extra attributes of the input (maxlength, min, step, autocomplete…)."""
        return {"autocomplete": "new-password"} if self.write_only else {}

    @property
    def kind(self) -> str:
        """The widget the page shows: a write-only text is a password input."""
        return "password" if self.write_only and self.widget == "text" else self.widget

    @property
    def input_type(self) -> str:
        """The `type` of the <input> (a password for write-only text)."""
        return "password" if self.kind == "password" else self.html_type

    @property
    def marked_required(self) -> bool:
        """Whether the label carries the required mark (write-only: on create only)."""
        return self.required and not self.write_only

    def initial(self) -> FormValue:
        return self.default

    def read(self, reader: "FormReader") -> None:
        """Put this input's submitted value into `reader`."""
        reader.text(self.name, required=self.required, blank_keeps=self.write_only)

    def show(self, value: object) -> FormValue:
        """How a stored value is written into the input ("" for write-only fields)."""
        return "" if self.write_only else input_value(value)

    def message(self, error: ErrorDetails) -> str:
        """The sentence shown for a validation error on this input."""
        return friendly_message(error)


@dataclass(frozen=True)
class TextInput(Field):
    """A one-line text (`max_length` also limits typing in the browser)."""

    _: KW_ONLY
    max_length: int | None = None
    #: The message for a value that breaks the schema's pattern (never the pattern itself).
    pattern_message: str = "Enter a value in the expected format."

    @property
    def attrs(self) -> dict[str, str]:
        extra = {"maxlength": str(self.max_length)} if self.max_length else {}
        return super().attrs | extra

    def message(self, error: ErrorDetails) -> str:
        if error["type"] == "string_pattern_mismatch":
            return self.pattern_message
        return super().message(error)


@dataclass(frozen=True)
class SlugInput(TextInput):
    """A slug: `my-first-post`."""

    _: KW_ONLY
    pattern_message: str = "Use lower-case letters, digits and single hyphens, like my-first-post."


@dataclass(frozen=True)
class EmailInput(TextInput):
    """An e-mail address."""

    html_type: ClassVar[str] = "email"

    @property
    def attrs(self) -> dict[str, str]:
        return {"autocomplete": "email"} | super().attrs

    def message(self, error: ErrorDetails) -> str:
        if error["type"] == "value_error":
            return "Enter a valid e-mail address, like name@example.com."
        return super().message(error)


@dataclass(frozen=True)
class UrlInput(TextInput):
    """An http(s) address."""

    html_type: ClassVar[str] = "url"

    def message(self, error: ErrorDetails) -> str:
        if error["type"] == "value_error":
            return "Enter a full web address, starting with http:// or https://."
        return super().message(error)


@dataclass(frozen=True)
class TextArea(TextInput):
    """Several lines of text."""

    widget: ClassVar[str] = "textarea"


@dataclass(frozen=True)
class NumberInput(Field):
    """A number: `step` "1" for whole numbers, "any" for floats, "" for decimals (typed as text)."""

    _: KW_ONLY
    step: str = "1"
    min: int | float | None = None
    max: int | float | None = None
    widget: ClassVar[str] = "number"
    html_type: ClassVar[str] = "number"

    @property
    def attrs(self) -> dict[str, str]:
        # A decimal is typed as text: number inputs round and reformat what was typed.
        attrs = {"step": self.step} if self.step else {"inputmode": "decimal"}
        if self.min is not None:
            attrs["min"] = str(self.min)
        if self.max is not None:
            attrs["max"] = str(self.max)
        return attrs

    @property
    def kind(self) -> str:
        return "number" if self.step else "text"

    @property
    def input_type(self) -> str:
        return "number" if self.step else "text"


@dataclass(frozen=True)
class DateInput(Field):
    """A calendar date."""

    widget: ClassVar[str] = "date"
    html_type: ClassVar[str] = "date"


@dataclass(frozen=True)
class TimeInput(Field):
    """A time of day."""

    widget: ClassVar[str] = "time"
    html_type: ClassVar[str] = "time"


@dataclass(frozen=True)
class DateTimeInput(Field):
    """A `datetime-local` input, whose value has no zone: read and shown as UTC."""

    widget: ClassVar[str] = "datetime"
    html_type: ClassVar[str] = "datetime-local"

    def read(self, reader: "FormReader") -> None:
        reader.datetime(self.name, required=self.required, blank_keeps=self.write_only)


@dataclass(frozen=True)
class JsonInput(Field):
    """A textarea holding JSON."""

    widget: ClassVar[str] = "json"

    def read(self, reader: "FormReader") -> None:
        reader.json(self.name, required=self.required)

    def show(self, value: object) -> FormValue:
        return json_text(value)


@dataclass(frozen=True)
class Checkbox(Field):
    """A yes/no checkbox (`default` "on" starts ticked)."""

    _: KW_ONLY
    required: bool = False
    widget: ClassVar[str] = "checkbox"

    def read(self, reader: "FormReader") -> None:
        reader.checkbox(self.name)

    def show(self, value: object) -> FormValue:
        return "on" if value else ""  # a nullable one that is empty shows unticked


@dataclass(frozen=True)
class Select(Field):
    """A choice among fixed `options` (value, label): an enum."""

    _: KW_ONLY
    options: tuple[tuple[str, str], ...] = ()
    widget: ClassVar[str] = "select"

    def message(self, error: ErrorDetails) -> str:
        return CHOOSE if error["type"] == "enum" else super().message(error)


@dataclass(frozen=True)
class RelatedSelect(Field):
    """A choice of one related row (a `ref`), its options from `source`."""

    _: KW_ONLY
    source: ChoiceSource
    widget: ClassVar[str] = "related"

    def message(self, error: ErrorDetails) -> str:
        return REQUIRED if error["type"] == "missing" else CHOOSE


@dataclass(frozen=True)
class MultiSelect(Field):
    """A choice of any number of related rows (a `many`), their options from `source`."""

    _: KW_ONLY
    source: ChoiceSource
    required: bool = False
    widget: ClassVar[str] = "multiselect"

    def initial(self) -> FormValue:
        return []

    def read(self, reader: "FormReader") -> None:
        reader.choices(self.name)

    def show(self, value: object) -> FormValue:
        ids = cast("list[object]", value) if isinstance(value, list) else []
        return [str(row_id) for row_id in ids]

    def message(self, error: ErrorDetails) -> str:
        return "Choose only from the options."


# ---------------------------------------------------------------------------- reading


class FormReader:
    """Reads a submitted form input by input into `data` (for a schema), `values` and `errors`.

    A required input left blank is reported here ("This field is required.") rather
    than passed on as "" — which a `str` field would accept.
    """

    def __init__(self, form: FormData, fields: Sequence[Field] = ()) -> None:
        self.form = form
        self.fields = {field.name: field for field in fields}
        self.data: dict[str, object] = {}
        self.values: FormValues = {}
        self.errors: FormErrors = {}

    def _text(self, name: str) -> str:
        value = self.form.get(name)
        text = value.strip() if isinstance(value, str) else ""
        self.values[name] = text
        return text

    def text(self, name: str, *, required: bool, blank_keeps: bool = False) -> None:
        """A text, number, date, select… input: blank is None, or an error when required.

        `blank_keeps`: blank leaves the stored value as it is (write-only fields, whose
        stored value is never shown, so an edit form cannot send it back).
        """
        text = self._text(name)
        if text:
            self.data[name] = text
        elif blank_keeps:
            pass
        elif required:
            self.errors[name] = [REQUIRED]
        else:
            self.data[name] = None

    def datetime(self, name: str, *, required: bool, blank_keeps: bool = False) -> None:
        """A `datetime-local` input, whose value has no zone: read as UTC."""
        self.text(name, required=required, blank_keeps=blank_keeps)
        value = self.data.get(name)
        if isinstance(value, str):
            try:
                parsed = datetime.fromisoformat(value)
            except ValueError:
                return  # not a datetime: the schema says so
            if parsed.tzinfo is None:
                parsed = parsed.replace(tzinfo=UTC)
            self.data[name] = parsed

    def json(self, name: str, *, required: bool) -> None:
        """A textarea holding JSON."""
        self.text(name, required=required)
        value = self.data.get(name)
        if isinstance(value, str):
            try:
                self.data[name] = json.loads(value)
            except json.JSONDecodeError as exc:
                self.errors[name] = [f"Enter valid JSON ({exc.msg}, line {exc.lineno})."]

    def checkbox(self, name: str) -> None:
        """A checkbox: browsers send only ticked ones."""
        checked = name in self.form
        self.values[name] = "on" if checked else ""
        self.data[name] = checked

    def choices(self, name: str) -> None:
        """A multi-select: every chosen value (none chosen is an empty list)."""
        chosen = [v for v in self.form.getlist(name) if isinstance(v, str) and v]
        self.values[name] = chosen
        self.data[name] = chosen

    def add_error(self, name: str | None, message: str) -> None:
        """Report `message` on input `name`; on the whole form when `name` is None or
        names no input of the form (a read-only field the admin leaves out)."""
        key = name or ""
        if self.fields and key not in self.fields:
            key = ""
        self.errors.setdefault(key, []).append(message)

    def validate(self, schema: type[SchemaT]) -> SchemaT | None:
        """`data` validated by `schema`, or None when anything is wrong (see `errors`)."""
        try:
            result = schema.model_validate(self.data)
        except ValidationError as exc:
            reported = set(self.errors) - {""}  # inputs already known to be wrong
            for error in exc.errors():
                location = error["loc"]
                name = str(location[0]) if location else ""
                if name in reported:
                    continue
                reported.add(name)  # one message per input: the first problem
                field = self.fields.get(name)
                message = field.message(error) if field else friendly_message(error)
                self.add_error(name, message)
            return None
        return None if self.errors else result


def friendly_message(error: ErrorDetails) -> str:
    """A validation error as a sentence telling what to enter (Pydantic's, reworded)."""
    kind = error["type"]
    ctx = error.get("ctx") or {}
    if kind in _MESSAGES:
        return _MESSAGES[kind].format(**ctx)
    if kind in ("string_too_short", "too_short") and ctx.get("min_length") == 1:
        return REQUIRED
    if kind in _BOUND_MESSAGES:
        return _BOUND_MESSAGES[kind].format(**ctx)
    text = error["msg"].removeprefix("Value error, ").strip()
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else text + "."


_MESSAGES = {
    "missing": REQUIRED,
    "int_parsing": "Enter a whole number.",
    "int_from_float": "Enter a whole number.",
    "int_type": "Enter a whole number.",
    "float_parsing": "Enter a number.",
    "float_type": "Enter a number.",
    "decimal_parsing": "Enter a number.",
    "decimal_type": "Enter a number.",
    "finite_number": "Enter a finite number.",
    "decimal_max_digits": "Enter at most {max_digits} digits.",
    "decimal_max_places": "Enter at most {decimal_places} digits after the decimal point.",
    "decimal_whole_digits": "Enter at most {whole_digits} digits before the decimal point.",
    "date_parsing": "Enter a date, like 2024-12-31.",
    "date_from_datetime_parsing": "Enter a date, like 2024-12-31.",
    "date_from_datetime_inexact": "Enter a date, like 2024-12-31.",
    "date_type": "Enter a date, like 2024-12-31.",
    "datetime_parsing": "Enter a date and time, like 2024-12-31 14:30.",
    "datetime_from_date_parsing": "Enter a date and time, like 2024-12-31 14:30.",
    "datetime_type": "Enter a date and time, like 2024-12-31 14:30.",
    "timezone_aware": "Enter a date and time, like 2024-12-31 14:30.",
    "time_parsing": "Enter a time of day, like 14:30.",
    "time_type": "Enter a time of day, like 14:30.",
    "uuid_parsing": "Enter a UUID, like 123e4567-e89b-12d3-a456-426614174000.",
    "uuid_type": "Enter a UUID, like 123e4567-e89b-12d3-a456-426614174000.",
    "bool_parsing": "Choose yes or no.",
    "enum": CHOOSE,
    "literal_error": CHOOSE,
    "string_pattern_mismatch": "Enter a value in the expected format.",
}
_BOUND_MESSAGES = {
    "string_too_short": "Enter at least {min_length} characters.",
    "string_too_long": "Enter at most {max_length} characters.",
    "too_short": "Choose at least {min_length}.",
    "too_long": "Choose at most {max_length}.",
    "greater_than_equal": "Enter a number of at least {ge}.",
    "greater_than": "Enter a number greater than {gt}.",
    "less_than_equal": "Enter a number of at most {le}.",
    "less_than": "Enter a number less than {lt}.",
}


# ---------------------------------------------------------------------------- the form


@dataclass(frozen=True)
class SelectChoices:
    """The options of a select of related rows; `more`: more rows exist than are listed
    (the page then offers a search box)."""

    options: list[SelectOption]
    more: bool = False


class Form(Generic[CreateT, UpdateT]):
    """The form of one resource: its inputs, and the schemas that validate them.

    The same declaration serves the public pages and the admin (which may leave some
    inputs out, its `readonly` ones, when changing a row).
    """

    def __init__(self, *fields: Field, create: type[CreateT], update: type[UpdateT]) -> None:
        self.fields = fields
        self.create_schema = create
        self.update_schema = update

    def field(self, name: str) -> Field:
        """The input named `name` (KeyError names it when there is none)."""
        for field in self.fields:
            if field.name == name:
                return field
        raise KeyError(name)

    def initial(self) -> FormValues:
        """What the create form starts with: the declared defaults, else blank."""
        return {field.name: field.initial() for field in self.fields}

    def values_of(self, stored: BaseModel | Mapping[str, object]) -> FormValues:
        """What the edit form starts with: a stored row's values (its Read schema, e.g.
        `PostRead.model_validate(post)`, or a mapping of schema keys), as inputs show them."""
        data = stored.model_dump() if isinstance(stored, BaseModel) else stored
        return {field.name: field.show(data.get(field.name)) for field in self.fields}

    def read(self, form: FormData, *, skip: frozenset[str] = frozenset()) -> FormReader:
        """The submitted form, input by input (`skip`: inputs not on the page)."""
        fields = [field for field in self.fields if field.name not in skip]
        reader = FormReader(form, fields)
        for field in fields:
            field.read(reader)
        return reader

    def read_create(self, form: FormData) -> tuple[FormReader, CreateT | None]:
        """Read and validate a create form: (reader, the data or None when invalid)."""
        reader = self.read(form)
        return reader, reader.validate(self.create_schema)

    def read_update(
        self, form: FormData, *, skip: frozenset[str] = frozenset()
    ) -> tuple[FormReader, UpdateT | None]:
        """Read and validate an edit form: (reader, the changes or None when invalid)."""
        reader = self.read(form, skip=skip)
        return reader, reader.validate(self.update_schema)

    @property
    def related(self) -> tuple["RelatedSelect | MultiSelect", ...]:
        """The selects of related rows, whose options come from the database."""
        return tuple(f for f in self.fields if isinstance(f, RelatedSelect | MultiSelect))

    async def choices(
        self, db: AsyncSession, values: Mapping[str, FormValue], limit: int = CHOICES_LIMIT
    ) -> dict[str, SelectChoices]:
        """The options of each select of related rows, the chosen ones always among them."""
        result: dict[str, SelectChoices] = {}
        for field in self.related:
            options = await field.source.choices(db, limit=limit + 1)
            chosen = await with_chosen(
                options[:limit], values.get(field.name, ""), _labels(db, field.source)
            )
            result[field.name] = SelectChoices(chosen, more=len(options) > limit)
        return result

    async def search(
        self, db: AsyncSession, name: str, q: str, chosen: Sequence[str], limit: int = CHOICES_LIMIT
    ) -> list[SelectOption]:
        """The options of select `name` matching `q`, plus the chosen ones (a search box
        asks as the visitor types). KeyError when `name` is no select of related rows."""
        field = self.field(name)
        if not isinstance(field, RelatedSelect | MultiSelect):
            raise KeyError(name)
        options = await field.source.choices(db, q=q, limit=limit)
        return await with_chosen(options, list(chosen), _labels(db, field.source))


def _labels(db: AsyncSession, source: ChoiceSource) -> Callable[[int], Awaitable[str | None]]:
    """`source.label_of` for the session `db`."""

    async def label_of(row_id: int) -> str | None:
        return await source.label_of(db, row_id)

    return label_of


async def with_chosen(
    choices: list[SelectOption], value: FormValue, label_of: Callable[[int], Awaitable[str | None]]
) -> list[SelectOption]:
    """`choices` plus the chosen rows it lacks, first.

    Option lists stop at a limit, yet a form must still show what is chosen (the
    current value, or one picked through a search box); `label_of` names those rows.
    """
    known = {choice_id for choice_id, _ in choices}
    extra: list[SelectOption] = []
    for text in [value] if isinstance(value, str) else value:
        chosen_id = parse_id(text)  # None for what names no row: `²`, `-1`, 2**64
        if chosen_id is not None and chosen_id not in known:
            label = await label_of(chosen_id)
            if label is not None:
                extra.append((chosen_id, label))
                known.add(chosen_id)
    return extra + choices


def parse_id(text: str) -> int | None:
    """The id written in `text` (ASCII digits, within range), else None."""
    if not (text.isascii() and text.isdigit()):
        return None
    value = int(text)
    return value if 1 <= value <= _MAX_ID else None


# ---------------------------------------------------------------------------- showing


def input_value(value: object) -> str:
    """How a stored value is written into a text, number, date or select input."""
    if value is None:
        return ""
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, datetime):
        return value.astimezone(UTC).strftime(DATETIME_LOCAL)
    if isinstance(value, time):
        return value.isoformat(timespec="seconds" if value.second else "minutes")
    return str(value)


def json_text(value: object) -> str:
    """How a stored JSON value is written into a textarea (blank for none)."""
    return "" if value is None else json.dumps(value, indent=2, ensure_ascii=False)


def checkbox_value(value: bool | None) -> str:
    """How a stored boolean is written into a checkbox's form value ("on" = ticked)."""
    return "on" if value else ""
