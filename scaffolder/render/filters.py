"""Jinja filters for blueprints: formatting only. Names and types come from the model."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any


def py_str(value: str) -> str:
    """A Python string literal (double-quoted, like ruff's formatting)."""
    return json.dumps(value, ensure_ascii=False)


def py_list(values: Any) -> str:
    """A Python list literal of strings: `["a", "b"]`."""
    return "[" + ", ".join(py_str(str(v)) for v in values) + "]"


def py_tuple(values: Any) -> str:
    """A Python tuple literal of strings, `()` / `("a",)` / `("a", "b")`."""
    items = [py_str(str(v)) for v in values]
    if len(items) == 1:
        return f"({items[0]},)"
    return "(" + ", ".join(items) + ")"


def py_value(value: Any) -> str:
    """A Python literal of a JSON-like value (dicts, lists, strings, numbers, booleans, None)."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{py_str(str(k))}: {py_value(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(py_value(v) for v in value) + "]"
    if isinstance(value, str):
        return py_str(value)
    return repr(value)


FILTERS: dict[str, Callable[..., str]] = {
    "py_str": py_str,
    "py_list": py_list,
    "py_tuple": py_tuple,
    "py_value": py_value,
}
