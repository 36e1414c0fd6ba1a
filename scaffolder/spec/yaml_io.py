"""Reading YAML with positions (ruamel round-trip), the only module that touches the parser.

Round-trip mode keeps comments and key order, which `generate resource` needs to
edit `scaffold.yaml`, and gives the line and column of every key and value, which
error messages need.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
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
        if self.snippet is not None and self.column + offset > len(self.snippet) + 1:
            # inside a value that continues on later lines: point at where it starts
            offset, span = 0, 1
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


#: What ends a line for the YAML reader (and so for its line numbers); str.splitlines()
#: also splits at form feeds and other separators, which would shift every position.
_LINE_BREAK = re.compile("\r\n|[\n\r]")


def source_lines(text: str) -> list[str]:
    """The lines of `text` as the YAML parser counts them (a final break ends the last)."""
    lines = _LINE_BREAK.split(text)
    return lines[:-1] if lines[-1] == "" else lines  # like str.splitlines(): "" → []


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
    from ruamel.yaml.reader import ReaderError

    yaml = new_yaml()
    yaml.Constructor = _lenient_constructor()
    try:
        return yaml.load(text)
    except MarkedYAMLError as error:
        raise SpecError([_yaml_problem(error, text, file)]) from None
    except ReaderError as error:  # a character YAML does not allow at all
        raise SpecError([_reader_problem(error, text, file)]) from None
    except YAMLError as error:  # errors without a position
        raise SpecError(
            [Problem(file, 0, 0, f"invalid YAML: {error}", hint="check the file's syntax")]
        ) from None
    except (ValueError, TypeError, OverflowError, RecursionError) as error:
        # a constructor gave up on a well-formed node (the parser has no position for it)
        raise SpecError(
            [Problem(file, 0, 0, f"invalid YAML: {error}", hint="check the file's syntax")]
        ) from None


def _reader_problem(error: Any, text: str, file: str) -> Problem:
    """A control character (or similar) that YAML rejects, at its line and column."""
    position = getattr(error, "position", 0) or 0
    before = _LINE_BREAK.split(text[:position])
    line = len(before)
    column = len(before[-1]) + 1
    lines = source_lines(text)
    character = getattr(error, "character", None)
    code = f"U+{character:04X}" if isinstance(character, int) else repr(character)
    return Problem(
        file=file,
        line=line,
        column=column,
        message=f"invalid YAML: the character {code} is not allowed in YAML",
        hint="delete it (control characters often come from copy and paste)",
        snippet=lines[line - 1] if 0 < line <= len(lines) else None,
    )


@cache
def _lenient_constructor() -> Any:
    """The round-trip constructor, except that a date-like scalar that is no real date
    (`2024-02-30`) stays a string, so the loader can say which value is wrong and where."""
    from ruamel.yaml.constructor import ConstructorError, RoundTripConstructor
    from ruamel.yaml.error import YAMLError

    class LenientConstructor(RoundTripConstructor):
        def construct_object(self, node: Any, deep: bool = False) -> Any:
            """Any failure to build a value (`!!bool x`, `!!int x`) becomes a YAML error
            at the node, instead of an exception without a position."""
            try:
                return super().construct_object(node, deep=deep)
            except YAMLError:
                raise
            except Exception as error:
                raise ConstructorError(
                    None,
                    None,
                    f"cannot read this {node.tag.split(':')[-1]} value ({error!r})",
                    node.start_mark,
                ) from None

        def lenient_timestamp(self, node: Any, values: Any = None) -> Any:
            try:
                return self.construct_yaml_timestamp(node, values)
            except ValueError:
                return self.construct_scalar(node)

    LenientConstructor.add_constructor(
        "tag:yaml.org,2002:timestamp", LenientConstructor.lenient_timestamp
    )
    return LenientConstructor


def _yaml_problem(error: Any, text: str, file: str) -> Problem:
    """A parser error as a Problem: where it is, in words, with a hint for common causes."""
    lines = source_lines(text)
    mark = _error_mark(error, lines)
    line = mark.line + 1 if mark is not None else 0
    column = mark.column + 1 if mark is not None else 0
    snippet = lines[line - 1] if 0 < line <= len(lines) else None
    problem = str(error.problem or "")
    what = " ".join(p for p in (error.context, error.problem) if p)
    hint = "check indentation, colons and brackets around this place"
    example = None
    span = 1
    duplicate = re.match(r'found duplicate key "(.*)" with value', problem)
    if duplicate:
        key = duplicate.group(1)
        what = f"duplicate key `{key}`"
        first = _first_occurrence(lines, key, error.context_mark, mark)
        if first:
            what += f" (first given on line {first})"
        hint = "each key may appear once in a mapping; merge the two or rename one"
        span = len(key)
    elif "'\\t'" in problem or (snippet is not None and snippet[column - 1 : column] == "\t"):
        what = "a tab character where YAML expects spaces"
        hint = "YAML indentation must use spaces, not tabs"
    elif "expected <block end>" in problem and snippet is not None and snippet.strip():
        indent, above = _indentation(lines, line - 1)
        if above is not None and above != indent:
            what = (
                f"bad indentation: this line is indented by {indent} spaces, "
                f"the line above by {above}"
            )
            hint = "keys of one mapping must line up exactly (indent with spaces)"
            example = _line_above(lines, line - 1) + "\n" + " " * above + snippet.strip()
    elif "mapping values are not allowed" in problem:
        indent, above = _indentation(lines, line - 1)
        opens_block = _line_above(lines, line - 1).endswith(":")
        if above is not None and snippet is not None and indent > above and not opens_block:
            what = (
                f"bad indentation: this line is indented by {indent} spaces, "
                f"the line above by {above}"
            )
            hint = "indent a key like the keys beside it (or quote a value that contains `: `)"
            example = _line_above(lines, line - 1) + "\n" + " " * above + snippet.strip()
        else:
            hint = "a value that contains `: ` must be quoted"
            example = "help: 'Note: shown under the input'"
    return Problem(
        file=file,
        line=line,
        column=column,
        message=f"invalid YAML: {what}",
        hint=hint,
        example=example,
        snippet=snippet,
        span=span,
    )


def _error_mark(error: Any, lines: list[str]) -> Any:
    """Where a parser error is (None: nowhere known); at the end of the text, where
    what was left open began ("unexpected end of stream" says nothing more useful)."""
    mark = error.problem_mark or error.context_mark
    if mark is not None and error.context_mark is not None and mark.line >= len(lines):
        return error.context_mark
    return mark


def _line_above(lines: list[str], index: int) -> str:
    """The nearest content line above line `index` (0-based), without trailing space."""
    for previous in reversed(lines[:index]):
        stripped = previous.strip()
        if stripped and not stripped.startswith("#"):
            return previous.rstrip()
    return ""


def _indentation(lines: list[str], index: int) -> tuple[int, int | None]:
    """Indentation of line `index` (0-based) and of the nearest content line above it."""
    line = lines[index] if 0 <= index < len(lines) else ""
    indent = len(line) - len(line.lstrip(" "))
    for previous in reversed(lines[:index]):
        stripped = previous.strip()
        if stripped and not stripped.startswith("#"):
            return indent, len(previous) - len(previous.lstrip(" "))
    return indent, None


def _first_occurrence(lines: list[str], key: str, start: Any, end: Any) -> int | None:
    """1-based line where a duplicated block-mapping key was first written, if findable."""
    if start is None or end is None:
        return None
    pattern = re.compile(rf"\s*['\"]?{re.escape(key)}['\"]?\s*:")
    for index in range(start.line, min(end.line, len(lines))):
        if pattern.match(lines[index]) and lines[index][: end.column].strip() == "":
            return index + 1
    return None


def parse_scalar(text: str) -> Any:
    """Parse one YAML scalar (a shorthand default such as `0`, `draft` or `'a b'`)."""
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    try:
        return YAML(typ="safe", pure=True).load(text)
    except YAMLError:
        raise
    except Exception:  # well-formed but not constructible (`2024-02-30`): keep the text
        return text


#: A scalar as written on one line: quoted, or plain up to the end of the line or a
#: comment (block style) or also up to a flow indicator (flow style: `{a: 1, b: 2}`).
_QUOTED = r"'(?:[^']|'')*'|\"(?:[^\"\\]|\\.)*\""
_BLOCK_SCALAR = re.compile(rf"{_QUOTED}|\S.*?(?=\s+#|\s*$)")
_FLOW_SCALAR = re.compile(rf"{_QUOTED}|[^\s,\[\]{{}}].*?(?=\s+#|\s*[,\]}}]|\s*$)")


class Positions:
    """Positions of keys and values in a parsed document, as Sites."""

    def __init__(self, text: str, file: str) -> None:
        self.file = file
        self.lines = source_lines(text)

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

    def value_span(self, mapping: Any, key: str) -> int:
        """How many characters the scalar value of `key` covers on its line (1 if not scalar)."""
        value = mapping.get(key) if isinstance(mapping, Mapping) else None
        if isinstance(value, Mapping) or (
            isinstance(value, Sequence) and not isinstance(value, str)
        ):
            return 1
        site = self.value(mapping, key)
        if site.snippet is None:
            return 1
        flow = getattr(getattr(mapping, "fa", None), "flow_style", lambda: False)()
        pattern = _FLOW_SCALAR if flow else _BLOCK_SCALAR
        match = pattern.match(site.snippet, site.column - 1)
        return max(len(match.group().rstrip()), 1) if match else 1

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
