"""Command-line fields (`title:str(200)`) checked with the same rules as spec fields.

Each argument is turned into a one-field spec and run through the loader, so the
command line can never accept what `scaffold.yaml` would reject (or the reverse).
References to other resources are left to the full load of the edited spec.
"""

from __future__ import annotations

import json
import re

from scaffolder.errors import Problem, SpecError
from scaffolder.spec.shorthand import ShorthandError, split_cli_field

CLI_FILE = "command line"
_PROBE_RESOURCE = "Probe"


def check_cli_fields(arguments: list[str]) -> list[tuple[str, str]]:
    """Validate each `name:SHORTHAND` argument; all problems are reported at once."""
    problems: list[Problem] = []
    fields: list[tuple[str, str]] = []
    names: set[str] = set()
    for argument in arguments:
        try:
            parsed = split_cli_field(argument)
        except ShorthandError as error:
            problems.append(
                _problem(
                    argument, error.message, error.offset, error.span, error.hint, error.example
                )
            )
            continue
        if parsed.name in names:
            problems.append(
                _problem(
                    argument,
                    f"field `{parsed.name}` is given twice",
                    0,
                    len(parsed.name),
                    "give each field once",
                    None,
                )
            )
            continue
        names.add(parsed.name)
        problems.extend(
            _check_one(argument, parsed.name, parsed.shorthand, parsed.shorthand_offset)
        )
        fields.append((parsed.name, parsed.shorthand.strip()))
    if problems:
        raise SpecError(problems)
    return fields


def _check_one(argument: str, name: str, shorthand: str, offset: int) -> list[Problem]:
    """Load a one-field spec; map its problems back onto the argument."""
    from scaffolder.spec.loader import SpecLoader

    # A JSON string is valid YAML and keeps the shorthand's characters at known columns.
    quoted = json.dumps(shorthand)
    key = json.dumps(name)
    prefix = f"      {key}: "
    text = f"version: 1\nresources:\n  {_PROBE_RESOURCE}:\n    fields:\n{prefix}{quoted}\n"
    try:
        SpecLoader(text, CLI_FILE, open_world=True).load()
    except SpecError as error:
        return [_translate(p, argument, name, len(prefix), offset) for p in error.problems]
    return []


def _translate(problem: Problem, argument: str, name: str, value_col: int, offset: int) -> Problem:
    """Point a probe-spec problem at the right characters of the typed argument."""
    column = problem.column - 1
    if column > value_col:  # inside the shorthand (past the opening quote)
        at = offset + column - value_col - 1
    else:  # the field name
        at = column - (value_col - len(json.dumps(name)) - 2)
    at = min(max(at, 0), len(argument))
    message = problem.message.replace(f" of `{_PROBE_RESOURCE}`", "").replace(
        f" in `{_PROBE_RESOURCE}`", ""
    )
    example = problem.example
    if example and ": " in example and "\n" not in example:
        example_name, _, example_type = example.partition(": ")
        example = f"{example_name}:{cli_spelling(example_type)}"
    return _problem(argument, message, at, problem.span, problem.hint, example)


def _problem(
    argument: str, message: str, offset: int, span: int, hint: str | None, example: str | None
) -> Problem:
    return Problem(
        file=CLI_FILE,
        line=0,
        column=offset + 1,
        message=message,
        hint=hint,
        example=example,
        snippet=argument,
        span=max(span, 1),
    )


def cli_spelling(shorthand: str) -> str:
    """`enum(a, b) unique = a` → `enum(a,b):unique=a`: the shell-friendly form of a shorthand."""
    head, sep, default = shorthand.partition("=")
    head = re.sub(r"\s*,\s*", ",", head.strip())
    head = re.sub(r"\s+(?![^(]*\))", ":", head)
    return f"{head}={default.strip()}" if sep else head
