"""HTML forms ↔ the Pydantic schemas, for the pages and admin screens of every resource.

Browsers send every value as text: an empty optional input means "no value", an
unticked checkbox is not sent at all, a multi-select repeats its name. `FormReader`
turns a submitted form into the input of a resource's Create/Update schema — the
schemas stay the one place that decides what is valid — and keeps what was typed
and the error messages, so the form can be shown again as the visitor left it.

This module is written identically by every resource with pages or admin screens.
"""

import json
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, time
from enum import Enum
from typing import TypeVar

from pydantic import BaseModel, ValidationError
from starlette.datastructures import FormData

from blog.services.common import parse_id

#: What an input shows: the text typed, or the values chosen in a multi-select.
FormValue = str | list[str]
#: Error messages per input name; "" holds the errors that belong to no single input.
FormErrors = dict[str, list[str]]
#: One option of a select: the row's id and its label.
SelectOption = tuple[int, str]

REQUIRED = "This field is required."

#: The format of `<input type="datetime-local">`, which has no time zone: the app uses UTC.
DATETIME_LOCAL = "%Y-%m-%dT%H:%M"

SchemaT = TypeVar("SchemaT", bound=BaseModel)


class FormReader:
    """Reads a submitted form input by input into `data` (for a schema), `values` and `errors`.

    A required input left blank is reported here ("This field is required.") rather
    than passed on as "" — which a `str` field would accept.
    """

    def __init__(self, form: FormData) -> None:
        self.form = form
        self.data: dict[str, object] = {}
        self.values: dict[str, FormValue] = {}
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
        """A `datetime-local` input, whose value has no zone: read as UTC (`blank_keeps`
        as for `text`)."""
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
        """Report `message` on input `name` (None: on the whole form)."""
        self.errors.setdefault(name or "", []).append(message)

    def validate(self, schema: type[SchemaT]) -> SchemaT | None:
        """`data` validated by `schema`, or None when anything is wrong (see `errors`)."""
        try:
            result = schema.model_validate(self.data)
        except ValidationError as exc:
            reported = set(self.errors) - {""}  # inputs already known to be wrong
            for error in exc.errors():
                location = error["loc"]
                name = str(location[0]) if location else ""
                if name not in reported:
                    message = error["msg"].removeprefix("Value error, ")
                    self.errors.setdefault(name, []).append(message)
            return None
        return None if self.errors else result


async def with_chosen(
    choices: list[SelectOption], value: FormValue, label_of: Callable[[int], Awaitable[str | None]]
) -> list[SelectOption]:
    """`choices` plus the chosen rows it lacks, first.

    Option lists stop at a limit, yet a form must still show what is chosen (the
    current value, or one picked through a search box); `label_of` names those rows.
    """
    known = {choice_id for choice_id, _ in choices}
    chosen = [value] if isinstance(value, str) else value
    extra: list[SelectOption] = []
    for text in chosen:
        chosen_id = parse_id(text)  # None for what names no row: `²`, `-1`, 2**64
        if chosen_id is not None and chosen_id not in known:
            label = await label_of(chosen_id)
            if label is not None:
                extra.append((chosen_id, label))
                known.add(chosen_id)
    return extra + choices


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
    """How a stored boolean is written into a checkbox's form value ("on" = ticked; a
    nullable one that is empty shows unticked)."""
    return "on" if value else ""
