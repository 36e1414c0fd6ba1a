"""Sample values for generated tests: a valid Python expression per field, varying with `n`.

Each expression may use an `n: int` (1, 2, 3, …) in scope so that rows made for
one test differ in their unique fields, and respects the field's bounds.
The generated test modules import `date`, `datetime`, `time`, `timedelta`, `UTC`,
`Decimal` and `UUID` for them.
"""

from __future__ import annotations

from decimal import Decimal

from scaffolder.model.names import humanize
from scaffolder.model.spec import Field
from scaffolder.model.types import FieldType

#: Room left for the `n` suffix of text samples (`Title 123`).
_SUFFIX = 4


def sample_expression(field: Field) -> str:
    """A Python expression for a valid value of `field`.

    A unique enum or bool has only a few values to go round: it cycles through them
    with `n`, so two rows made one after the other differ.
    """
    t = field.type
    if field.unique and (field.enum is not None or t is FieldType.BOOL):
        if field.enum is not None:
            return f"list({field.enum.class_name})[n % {len(field.enum.members)}]"
        return "n % 2 == 0"
    if field.enum is not None:
        return f"{field.enum.class_name}.{field.enum.members[0].name}"
    if t in (FieldType.STR, FieldType.TEXT):
        return _text(field, humanize(field.name), " ")
    if t is FieldType.SLUG:
        return _text(field, field.name.replace("_", "-"), "-")
    if t is FieldType.EMAIL:
        return f'f"{field.name.replace("_", "-")}-{{n}}@example.com"'
    if t is FieldType.URL:
        return f'f"https://example.com/{field.name.replace("_", "-")}/{{n}}"'
    if t in (FieldType.INT, FieldType.BIGINT):
        return _number(field, "n" if field.unique else "1")
    if t is FieldType.FLOAT:
        return _number(field, "n + 0.5" if field.unique else "1.5")
    if t is FieldType.DECIMAL:
        return _decimal(field)
    if t is FieldType.BOOL:
        return "True"
    if t is FieldType.DATE:
        return "date(2024, 1, 1) + timedelta(days=n)"
    if t is FieldType.DATETIME:
        return "datetime(2024, 1, 1, tzinfo=UTC) + timedelta(hours=n)"
    if t is FieldType.TIME:
        return "time(n % 24, n // 24 % 60)"
    if t is FieldType.UUID:
        return "UUID(int=n)"
    if t is FieldType.JSON:
        return '{"n": n}'
    raise ValueError(f"no sample for a {t.value} field")  # ref/many: ids come from rows


def _text(field: Field, word: str, separator: str) -> str:
    longest = field.string_max_length
    shortest = field.min_length or 1
    # Short beside a long field name: `"<59-character name>": "An exceed 1"` must fit a line.
    word = word[: max(8, 38 - len(field.name))].rstrip(" -")
    if longest is not None:
        word = word[: max(longest - _SUFFIX - len(separator), 0)]
        if longest == 1:  # one letter: 26 distinct ones (a test makes up to 20 rows)
            return "chr(97 + n % 26)"
        if not word:
            # `str(3)` and shorter: the number's last digits, zero-padded to min_length
            return f'f"{{n % {10**longest}:0{shortest}d}}"'
    if not word:
        return 'f"{n}"'
    # Pad so even `n` = 1 reaches min_length; a long padding is written as a product.
    number = "{n}"
    pad = max(shortest - len(word) - len(separator) - 1, 0)
    if longest is not None and len(word) + pad + len(separator) + _SUFFIX - 1 > longest:
        # a minimum close to the maximum (`str(7)`, `min: 7`): a number of fixed width
        # keeps every n (up to 999) within both
        number = f"{{n % 1000:0{_SUFFIX - 1}d}}"
        pad = max(shortest - len(word) - len(separator) - (_SUFFIX - 1), 0)
    if pad > 20:
        return f'"{word}" + "x" * {pad} + f"{separator}{number}"'
    return f'f"{word}{"x" * pad}{separator}{number}"'


def _number(field: Field, base: str) -> str:
    """`base`, moved inside the field's bounds when it has some."""
    low, high = field.min_value, field.max_value
    if low is not None and high is not None:
        span = int(high) - int(low)
        return f"{low!r} + ({base}) % {span + 1}" if field.unique else repr(low)
    if low is not None:
        return f"{low!r} + ({base})" if field.unique or low > 1 else base
    if high is not None:
        return f"{high!r} - ({base})" if field.unique or high < 1 else base
    return base


def _decimal(field: Field) -> str:
    scale = field.scale or 0
    precision = field.precision or 12
    largest = Decimal(10) ** (precision - scale) - 1  # integer digits available
    low = field.min_value
    if low is not None:
        return f'Decimal("{low}")'
    if largest < 1:  # decimal(P,P): no digit before the point, so a fraction below 1
        return f"Decimal(n % {10**scale}).scaleb(-{scale})" if field.unique else 'Decimal("0.5")'
    if field.unique:
        return f"Decimal(n % {int(largest) + 1})"
    return 'Decimal("1.5")' if scale >= 1 else 'Decimal("1")'


def example_value(field: Field) -> object:
    """A JSON-ready example of the field's API value (`n` = 1), for OpenAPI docs."""
    import datetime as dt
    import uuid

    if field.enum is not None:
        return field.enum.members[0].value
    if field.is_ref:
        return 1
    if field.is_many:
        return [1]
    namespace: dict[str, object] = {
        "n": 1,
        "date": dt.date,
        "datetime": dt.datetime,
        "time": dt.time,
        "timedelta": dt.timedelta,
        "UTC": dt.UTC,
        "Decimal": Decimal,
        "UUID": uuid.UUID,
    }
    value = eval(sample_expression(field), namespace)  # our own expressions, never user input
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, Decimal | uuid.UUID):
        return str(value)
    return value


def invalid_example(field: Field) -> str | None:
    """A Python expression of an API value the schema must refuse (422), or None if none."""
    t = field.type
    if field.is_ref:
        return "0"
    if field.is_many:
        return "[0]"
    if field.enum is not None:
        return '"not one of the values"'
    if t is FieldType.SLUG:
        return '"Not a slug!"'
    if t is FieldType.EMAIL:
        return '"not-an-email"'
    if t is FieldType.URL:
        return '"ftp://example.com/file"'
    if field.is_textual:
        longest = field.string_max_length
        return f'"x" * {longest + 1}' if longest is not None else None
    if t in (FieldType.INT, FieldType.BIGINT):
        return repr(field.min_value - 1) if field.min_value is not None else '"not a number"'
    if t in (FieldType.FLOAT, FieldType.DECIMAL):
        return '"not a number"'
    if t is FieldType.BOOL:
        return '"maybe"'
    if t is FieldType.DATETIME:
        return '"2024-01-01T12:00:00"'  # no timezone: refused, datetimes are aware
    if t in (FieldType.DATE, FieldType.TIME, FieldType.UUID):
        return f'"not a {t.value}"'
    return None


def bound_violation(field: Field, upper: bool) -> str | None:
    """A Python expression just outside `min` (or `max` when `upper`) that still fits the
    column, so only the CHECK constraint refuses it; None when there is none."""
    bound = field.max_value if upper else field.min_value
    if bound is None:
        return None
    if field.type is FieldType.DECIMAL:
        step = Decimal(1).scaleb(-(field.scale or 0))
        value = Decimal(str(bound)) + (step if upper else -step)
        digits = len(value.as_tuple().digits)
        if digits - max(-int(value.as_tuple().exponent), 0) > (field.precision or 12) - (
            field.scale or 0
        ):
            return None  # would overflow NUMERIC(P, S) before the CHECK is consulted
        return f'Decimal("{value}")'
    return repr(bound + 1 if upper else bound - 1)
