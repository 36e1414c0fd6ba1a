"""The names a module binds and reads, as both merge checks see them (merge/names.py)."""

import ast

from scaffolder.merge.names import bound_names, read_names

MODULE = """
import os.path
from typing import Any as Whatever

LIMIT = 3
del LIMIT


def helper(value: int, *rest: str, flag: bool = False, **more: Whatever) -> int:
    try:
        total = value + len(rest)
    except ValueError as error:
        raise RuntimeError(URL) from error
    return total


class Thing:
    name = os.path.join("a", "b")
"""


def test_bound_names_are_every_binding_of_the_module() -> None:
    bound = bound_names(ast.parse(MODULE))
    assert bound == {
        "os", "Whatever", "LIMIT", "helper", "value", "rest", "flag", "more",
        "total", "error", "Thing", "name",
    }  # fmt: skip


def test_read_names_are_the_names_loaded() -> None:
    read = read_names(ast.parse(MODULE))
    assert {"value", "rest", "len", "RuntimeError", "URL", "error", "total", "os"} <= read
    assert "LIMIT" not in read  # only stored and deleted
    assert "helper" not in read
    assert "Thing" not in read
