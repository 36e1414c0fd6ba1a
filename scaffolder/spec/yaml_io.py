"""Reading YAML with positions (ruamel round-trip), the only module that touches the parser.

Round-trip mode keeps comments and key order, which `generate resource` needs to
edit `scaffold.yaml`, and gives the line and column of every key and value, which
error messages need.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from scaffolder.errors import Problem, SpecError


@dataclass(frozen=True)
class Site:
    """Where a piece of text starts: turns offsets inside it into file positions.

    `line` is 1-based (0 for text that does not come from a file, such as a
    command-line argument); `column` is the 1-based column of the text's first
    character; `snippet` is the whole source line, quoted under error messages.
    """

    file: str
    line: int
    column: int
    snippet: str | None

    def problem(
        self,
        message: str,
        *,
        offset: int = 0,
        span: int = 1,
        hint: str | None = None,
        example: str | None = None,
    ) -> Problem:
        return Problem(
            file=self.file,
            line=self.line,
            column=self.column + offset,
            message=message,
            hint=hint,
            example=example,
            snippet=self.snippet,
            span=max(span, 1),
        )


def new_yaml() -> Any:
    """A round-trip YAML instance configured like the files we write."""
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def parse_yaml(text: str, file: str) -> Any:
    """Parse YAML text, turning parser errors (and duplicate keys) into a SpecError."""
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    try:
        return new_yaml().load(text)
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        lines = text.splitlines()
        line = mark.line + 1 if mark is not None else 0
        column = mark.column + 1 if mark is not None else 0
        snippet = lines[line - 1] if 0 < line <= len(lines) else None
        what = " ".join(p for p in (error.context, error.problem) if p)
        hint = None
        if "duplicate key" in what:
            hint = "each key may appear once in a mapping; merge or rename the duplicate"
        elif "\t" in text and "tab" in what.lower():
            hint = "YAML indentation must use spaces, not tabs"
        raise SpecError(
            [
                Problem(
                    file=file,
                    line=line,
                    column=column,
                    message=f"invalid YAML: {what}",
                    hint=hint or "check indentation, colons and brackets around this place",
                    snippet=snippet,
                )
            ]
        ) from None
    except YAMLError as error:  # errors without a position
        raise SpecError([Problem(file, 0, 0, f"invalid YAML: {error}")]) from None


def parse_scalar(text: str) -> Any:
    """Parse one YAML scalar (a shorthand default such as `0`, `draft` or `'a b'`)."""
    from ruamel.yaml import YAML

    return YAML(typ="safe", pure=True).load(text)


class Positions:
    """Positions of keys and values in a parsed document, as Sites."""

    def __init__(self, text: str, file: str) -> None:
        self.file = file
        self.lines = text.splitlines()

    def at(self, line0: int, col0: int) -> Site:
        snippet = self.lines[line0] if 0 <= line0 < len(self.lines) else None
        return Site(self.file, line0 + 1, col0 + 1, snippet)

    def start(self) -> Site:
        return self.at(0, 0)

    def key(self, mapping: Any, key: str) -> Site:
        try:
            line, col = mapping.lc.key(key)
        except (AttributeError, KeyError, TypeError):
            return self.node(mapping)
        return self.at(line, col)

    def value(self, mapping: Any, key: str) -> Site:
        try:
            line, col = mapping.lc.value(key)
        except (AttributeError, KeyError, TypeError):
            return self.key(mapping, key)
        return self.at(line, col)

    def item(self, seq: Any, index: int) -> Site:
        try:
            line, col = seq.lc.item(index)
        except (AttributeError, KeyError, TypeError, IndexError):
            return self.node(seq)
        return self.at(line, col)

    def node(self, node: Any) -> Site:
        try:
            return self.at(node.lc.line, node.lc.col)
        except AttributeError:
            return self.start()

    def text_site(self, mapping: Any, key: str) -> Site:
        """Site of a string value's first character, past its opening quote if quoted."""
        site = self.value(mapping, key)
        value = mapping.get(key)
        style = getattr(value, "style", None)
        quoted = style in ("'", '"')
        return Site(site.file, site.line, site.column + (1 if quoted else 0), site.snippet)


def plain(value: Any) -> Any:
    """Round-trip containers and scalars → plain dict/list/str/int/float/bool (JSON defaults)."""
    if isinstance(value, Mapping):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, Sequence) and not isinstance(value, str):
        return [plain(v) for v in value]
    if isinstance(value, bool):
        return bool(value)
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return float(value)
    if isinstance(value, str):
        return str(value)
    return value
