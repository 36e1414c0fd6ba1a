"""Which numbers can be row ids: ids are INTEGER columns, from 1 to MAX_ID."""

#: The largest id (an INTEGER column): larger ones name no row, and are never queried
#: (PostgreSQL refuses them as parameters; SQLite past 2**63).
MAX_ID = 2_147_483_647


def is_id(value: int) -> bool:
    """Whether `value` could be the id of a row (1 to MAX_ID)."""
    return 1 <= value <= MAX_ID


def parse_id(text: str) -> int | None:
    """The id written in `text` (ASCII digits, within range), else None.

    `str.isdigit` accepts `²` and `٣`, which `int()` then refuses or reads.
    """
    if not (text.isascii() and text.isdigit()):
        return None
    value = int(text)
    return value if is_id(value) else None
