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


FILTERS: dict[str, Callable[..., str]] = {
    "py_str": py_str,
    "py_list": py_list,
    "py_tuple": py_tuple,
}
