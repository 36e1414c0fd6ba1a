"""Checking a default value against its field type and converting it to the type's
Python value (how generated code writes it is `render/python_types.py`'s business)."""

from __future__ import annotations

import datetime as dt
import math
import re
import uuid
from decimal import Decimal, InvalidOperation
from typing import Any

from scaffolder.model.spec import Default, EnumType
from scaffolder.model.types import INT32_RANGE, INT64_RANGE, SLUG_PATTERN, FieldType
from scaffolder.render.escape import text_problem
from scaffolder.spec.yaml_io import plain
from scaffolder.suggest import did_you_mean

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_URL = re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.IGNORECASE)


class DefaultError(Exception):
    """The default does not fit the type; `hint` says what would."""

    def __init__(self, message: str, hint: str | None = None, example: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.example = example


def convert_default(
    field_type: FieldType,
    value: Any,
    raw: str | None,
    *,
    enum: EnumType | None = None,
    precision: int | None = None,
    scale: int | None = None,
) -> Default:
    """Validate `value` (the YAML value; `raw` its source text in a shorthand) for the type."""
    if field_type in (FieldType.REF, FieldType.MANY):
        raise DefaultError(
            f"a `{field_type}` field cannot have a default",
            hint="references are chosen when a row is created; drop the default",
        )
    if field_type is FieldType.JSON:
        data = plain(value)
        _check_json_text(data)
        return Default(data)
    if field_type is FieldType.ENUM:
        assert enum is not None
        return _enum_default(enum, _text(value, raw))
    if field_type in (
        FieldType.STR,
        FieldType.TEXT,
        FieldType.EMAIL,
        FieldType.URL,
        FieldType.SLUG,
    ):
        return _string_default(field_type, _text(value, raw))
    if field_type in (FieldType.INT, FieldType.BIGINT):
        return _int_default(field_type, value)
    if field_type is FieldType.FLOAT:
        return _float_default(value, raw)
    if field_type is FieldType.DECIMAL:
        return _decimal_default(value, raw, precision or 12, scale if scale is not None else 2)
    if field_type is FieldType.BOOL:
        if not isinstance(value, bool):
            raise DefaultError(
                f"default `{_text(value, raw)}` is not a boolean",
                hint="use true or false",
                example="= false",
            )
        return Default(bool(value))
    if field_type in (FieldType.DATE, FieldType.DATETIME, FieldType.TIME):
        return _temporal_default(field_type, value, raw)
    if field_type is FieldType.UUID:
        return _uuid_default(value)
    raise AssertionError(f"unhandled type {field_type}")  # pragma: no cover


def _enum_default(enum: EnumType, text: str) -> Default:
    """An enum's default: one of its values."""
    values = [m.value for m in enum.members]
    if text not in values:
        raise DefaultError(
            f"default `{text}` is not one of the enum values ({', '.join(values)})",
            hint=did_you_mean(text, values) or "the default must be one of the values",
            example=f"= {_scalar(values[0])}",
        )
    return Default(text)


def _float_default(value: Any, raw: str | None) -> Default:
    """A float's default: a finite number."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise DefaultError(f"default `{value}` is not a number", example="= 0.5")
    number = float(value)
    if not math.isfinite(number):
        # `inf` and `nan` are not Python literals, and JSON cannot carry them
        raise DefaultError(f"default `{_text(value, raw)}` is not a finite number", example="= 0.5")
    return Default(number)


def _uuid_default(value: Any) -> Default:
    """A UUID's default, in any of the spellings `uuid.UUID` reads."""
    try:
        parsed = uuid.UUID(str(value))
    except ValueError:
        raise DefaultError(
            f"default `{value}` is not a UUID",
            example="= 123e4567-e89b-12d3-a456-426614174000",
        ) from None
    return Default(parsed)


def _scalar(text: str) -> str:
    """`text` as a shorthand default: quoted when YAML would read it as something else."""
    plain_text = re.fullmatch(r"[A-Za-z_][A-Za-z0-9_ -]*", text) and text.lower() not in (
        "true",
        "false",
        "yes",
        "no",
        "on",
        "off",
        "null",
    )
    return text if plain_text else "'" + text.replace("'", "''") + "'"


def _text(value: Any, raw: str | None) -> str:
    """String form of a default: YAML may have read `= 1` as a number; keep what was written."""
    if not isinstance(value, str | int | float | dt.date | dt.time):
        raise DefaultError(
            "the default must be a single value, not a list or mapping",
            hint="only a `json` field takes a list or mapping as its default",
        )
    if isinstance(value, str):
        return str(value)
    if raw is not None:
        return raw
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _string_default(field_type: FieldType, text: str) -> Default:
    if field_type is FieldType.EMAIL and not _EMAIL.match(text):
        raise DefaultError(f"default `{text}` is not an e-mail address", example="= a@example.com")
    if field_type is FieldType.URL and not _URL.match(text):
        raise DefaultError(
            f"default `{text}` is not an http(s) URL", example="= https://example.com"
        )
    if field_type is FieldType.SLUG and not re.match(SLUG_PATTERN, text):
        raise DefaultError(
            f"default `{text}` is not a slug",
            hint="slugs are lower-case letters and digits separated by single dashes",
            example="= my-first-post",
        )
    _check_text(text)
    return Default(text)


#: What a default holding a character no text may hold is told to do.
TEXT_HINT = (
    "spec text may hold any printable character (and line breaks and tabs in help and "
    "defaults); remove the character or write it another way"
)


def _check_text(text: str) -> None:
    """Refuse a default the generated code could not carry (see `escape.text_problem`)."""
    problem = text_problem(text, multiline=True)
    if problem is not None:
        raise DefaultError(f"the default holds {problem}", hint=TEXT_HINT)


def _check_json_text(data: Any) -> None:
    """`_check_text` on every string of a JSON default, keys included."""
    if isinstance(data, str):
        _check_text(data)
    elif isinstance(data, dict):
        for key, item in data.items():
            _check_json_text(str(key))
            _check_json_text(item)
    elif isinstance(data, list):
        for item in data:
            _check_json_text(item)


def _int_default(field_type: FieldType, value: Any) -> Default:
    if isinstance(value, bool) or not isinstance(value, int):
        raise DefaultError(f"default `{value}` is not an integer", example="= 0")
    low, high = INT32_RANGE if field_type is FieldType.INT else INT64_RANGE
    if not low <= value <= high:
        raise DefaultError(
            f"default {value} does not fit {'an' if field_type is FieldType.INT else 'a'} "
            f"{field_type} column ({low} to {high})",
            hint="use bigint for larger numbers"
            if field_type is FieldType.INT
            else "use decimal(P,0) for larger whole numbers",
        )
    return Default(int(value))


def _decimal_default(value: Any, raw: str | None, precision: int, scale: int) -> Default:
    example = "= " + ("9" if precision > scale else "0") + ("." + "9" * scale if scale else "")
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise DefaultError(f"default `{value}` is not a decimal number", example=example)
    text = raw if raw is not None and not isinstance(value, str) else str(value)
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise DefaultError(f"default `{text}` is not a decimal number", example=example) from None
    if not number.is_finite():
        raise DefaultError(f"default `{text}` is not a finite number", example=example)
    exponent = number.as_tuple().exponent
    digits_after = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    # adjusted() is the exponent of the leading digit: 123.4 → 2, 1E+20 → 20, 0.05 → -2
    digits_before = max(number.adjusted() + 1, 0) if number else 0
    if digits_after > scale or digits_before > precision - scale:
        raise DefaultError(
            f"default {text} does not fit decimal({precision},{scale})",
            hint=f"at most {precision - scale} digits before and {scale} after the point",
            example=example,
        )
    return Default(number)


def _temporal_default(field_type: FieldType, value: Any, raw: str | None) -> Default:
    name = field_type.value
    written = _text(value, raw)
    examples = {
        FieldType.DATE: "= 2024-01-31",
        FieldType.DATETIME: "= 2024-01-31T09:30:00+00:00",
        FieldType.TIME: "= 09:30:00",
    }
    try:
        if field_type is FieldType.DATE:
            parsed_date = (
                value
                if isinstance(value, dt.date) and not isinstance(value, dt.datetime)
                else dt.date.fromisoformat(str(value))
            )
            return Default(parsed_date)
        if field_type is FieldType.TIME:
            parsed_time = dt.time.fromisoformat(str(value))
            return Default(parsed_time)
        # rebuilt from its ISO form: ruamel's TimeStamp subclass must not leak into the model
        parsed = dt.datetime.fromisoformat(
            value.isoformat() if isinstance(value, dt.datetime) else str(value)
        )
    except ValueError:
        raise DefaultError(
            f"default `{written}` is not an ISO 8601 {name}", example=examples[field_type]
        ) from None
    if parsed.tzinfo is None:
        raise DefaultError(
            f"default `{written}` has no timezone; datetimes are timezone-aware",
            hint="add an offset such as +00:00 or Z",
            example=examples[field_type],
        )
    return Default(parsed)
