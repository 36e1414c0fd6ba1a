"""Spec text into each syntax of the generated project: the one place text becomes code.

Free text from a spec (a field's `label` and `help`, enum values, defaults) and from
`scaffold new --data` (the project's `description`) is data. Every blueprint writes it
through one of the functions below, each for one target syntax, so that no character
of it can end the construct it sits in and become Python, Jinja or HTML source:

- a Python string literal: `python_str` (filter `py_str`);
- Python comment lines: `python_comment_lines` (`py_comment_lines`);
- the text of a Python docstring: `python_docstring` (`py_docstring`);
- HTML text and attribute values in a generated Jinja template: `html_text`,
  `html_attribute` (Jinja *data*: no `{{`, `{%` or `{#` can form);
- a string literal in a generated Jinja expression: `jinja_str`;
- a TOML basic string: `toml_str`;
- a Markdown paragraph (the generated README): `markdown_text`.

`text_problem` says which text `scaffold check` refuses outright: what no target can
carry faithfully (lone surrogates, control characters, line breaks in one-line text).

The Python targets write every character outside printable ASCII as an escape. Python
reads the same text back, ruff sees no ambiguous character (RUF001-003: a Cyrillic
letter a or an en dash in a label would fail the project's lint), and no invisible
character (a right-to-left override, a line separator) sits in the source.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable
from typing import Any

#: The escapes Python, Jinja and TOML string literals share for these characters.
_SHORT_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}

#: Unicode categories no spec text may hold: control characters and lone surrogates
#: (half of a UTF-16 pair: no UTF-8 file can hold one).
_NEVER = {"Cc": "a control character", "Cs": "a lone surrogate"}

#: Categories of line breaks (U+2028, U+2029), refused in one-line text (labels,
#: enum values) like `\n` and `\r`.
_LINE_BREAKS = frozenset({"Zl", "Zp"})

#: Control characters multi-line text (`help`, a `text` default) may hold.
_MULTILINE_CONTROLS = frozenset("\n\t")


def text_problem(text: str, *, multiline: bool = False) -> str | None:
    """What makes `text` unusable as spec text, or None.

    Lone surrogates cannot be written to any file; NUL and other control characters
    cannot be stored by PostgreSQL, shown in HTML, or read back from a form; a line
    break in one-line text (a label, an enum value) breaks the line it is shown on.
    Everything else (quotes, braces, `{{ }}`, backslashes, right-to-left marks, emoji)
    is accepted and written escaped by the functions below.
    """
    for index, char in enumerate(text):
        if multiline and char in _MULTILINE_CONTROLS:
            continue
        category = unicodedata.category(char)
        if char in "\n\r" or category in _LINE_BREAKS:
            what = "a line break" if not multiline or char == "\r" else None
        else:
            what = _NEVER.get(category)
        pair = _surrogate_pair(text[index : index + 2]) if category == "Cs" else None
        if pair is not None:
            return (
                f"a UTF-16 surrogate pair at character {index + 1} "
                f"(YAML writes this character `\\U{pair:08X}`)"
            )
        if what is not None:
            return f"{what} (U+{ord(char):04X}) at character {index + 1}"
    return None


def _surrogate_pair(text: str) -> int | None:
    """The character a high and a low surrogate stand for in UTF-16, else None.

    JSON writes 🎉 as `"\\ud83c\\udf89"`; YAML, although a superset of JSON, reads
    that as two lone surrogates. The message says how YAML writes the character.
    """
    try:
        combined = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le")
    except UnicodeDecodeError:
        return None
    return ord(combined) if len(combined) == 1 else None


def _python_escape(char: str) -> str:
    """One character as Python writes it inside a string: itself when printable ASCII."""
    if char in _SHORT_ESCAPES:
        return _SHORT_ESCAPES[char]
    code = ord(char)
    if 0x20 <= code < 0x7F:
        return char
    if code < 0x100:
        return f"\\x{code:02x}"
    if code < 0x10000:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def _lines(units: list[str], width: int, *, keep_space: bool) -> list[str]:
    """Escaped characters (`units`) joined into lines of about `width`.

    A line is cut after a space once it is `width` long, or between two characters
    once it is 1.5 times that; never inside one character's escape. `keep_space`:
    the space at a cut stays at the end of its line (string pieces), else it goes.
    """
    lines: list[str] = []
    line = ""
    for unit in units:
        if unit == " " and len(line) >= width:
            lines.append(line + " " if keep_space else line)
            line = ""
            continue
        if len(line) + len(unit) > width * 3 // 2:
            lines.append(line)
            line = ""
        line += unit
    if line or not lines:
        lines.append(line)
    return lines


#: Longest piece of a string literal on one line: longer text becomes implicitly
#: concatenated pieces, which ruff format joins when they fit and otherwise lays out
#: within the project's line length (100), so no label or help makes an E501 line.
_PIECE = 50


def python_str(value: str) -> str:
    """A Python string literal of `value`: double-quoted, only printable ASCII inside.

    Quotes, backslashes and braces are escaped or inert (this is never an f-string);
    every other character is a `\\x`/`\\u`/`\\U` escape, surrogates included, so the
    literal is valid source that evaluates to `value` exactly. Long text is split at
    spaces into `"…" "…"`: one atom, the same string, valid wherever a literal is,
    and without parentheses that ruff would call extraneous once it joins them (UP034).
    """
    units = [_python_escape(c) for c in value]
    return " ".join(f'"{piece}"' for piece in _lines(units, _PIECE, keep_space=True))


def python_value(value: Any) -> str:
    """A Python literal of a JSON-like value (dicts, lists, strings, numbers, booleans, None)."""
    if isinstance(value, dict):
        items = (f"{python_str(str(k))}: {python_value(v)}" for k, v in value.items())
        return "{" + ", ".join(items) + "}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(python_value(v) for v in value) + "]"
    if isinstance(value, str):
        return python_str(value)
    return repr(value)


def python_comment_lines(value: str, width: int = 60) -> list[str]:
    """The text of `#` comment lines that say `value`, each about `width` long.

    Python ends a comment at a line break, which includes a lone `\\r` (and editors
    treat form feeds, `\\u2028` and others as line breaks too): every character outside
    printable ASCII is written as its escape (`\\n`, `\\u2028`), a backslash as `\\\\`,
    so nothing after the `#` can start a new line of code. A `#` is written `\\x23`:
    tools read pragmas in any comment (`# noqa`, `# type: ignore`, and file-wide
    `# ruff: noqa`, `# pyright: basic`, `# fmt: off`), and a help text must not
    switch off a check for the file it is written into.
    """
    units = ['"' if c == '"' else "\\x23" if c == "#" else _python_escape(c) for c in value]
    return [line.rstrip() for line in _lines(units, width, keep_space=False)]


def python_docstring(value: str, width: int = 60) -> str:
    """Text to put between `\"\"\"` and `\"\"\"`: it cannot close the docstring.

    Every `"` is escaped (so no run of three can form, nor one meet the closing
    quotes), a backslash is doubled (no `\\N{…}` or `\\x` escape is read from the
    text), and characters outside printable ASCII are escapes, as in `python_str`.
    Lines are wrapped at about `width`, so a long description makes no E501 line.
    """
    units = [_python_escape(c) for c in value]
    return "\n".join(line.rstrip() for line in _lines(units, width, keep_space=False))


def html_text(value: str) -> str:
    """Text as HTML content of a generated Jinja template, shown exactly as written.

    HTML-escaped (`<`, `>`, `&`, quotes), and braces written as character references,
    so Jinja finds no `{{`, `{%` or `{#` in it: the text is template data, never
    template source. Characters that are not printable (a right-to-left mark, a tab)
    are character references too, so nothing invisible sits in the template.
    """
    return "".join(_html_escape(c) for c in value)


def html_attribute(value: str) -> str:
    """A value for a double-quoted HTML attribute in a generated Jinja template.

    The same escaping as `html_text`, which covers `"` and `'`; line breaks are
    character references as well, so the value survives attribute normalisation.
    """
    return html_text(value)


_HTML_ESCAPES = {
    "&": "&amp;",
    "<": "&lt;",
    ">": "&gt;",
    '"': "&#34;",
    "'": "&#39;",
    "{": "&#123;",
    "}": "&#125;",
}


def _html_escape(char: str) -> str:
    if char in _HTML_ESCAPES:
        return _HTML_ESCAPES[char]
    if char.isprintable():
        return char
    return f"&#x{ord(char):x};"


def jinja_str(value: str) -> str:
    """A string literal for an expression in a generated Jinja template (`{{ … }}`).

    Jinja reads its string literals with Python's escapes: quotes and backslashes are
    escaped, and braces too (`\\x7b`), so no `}}` or `%}` can appear inside the
    expression even to a reader; other non-printable characters are escapes as well.
    """
    return '"' + "".join(_jinja_escape(c) for c in value) + '"'


def _jinja_escape(char: str) -> str:
    if char in "{}":
        return f"\\x{ord(char):02x}"
    if char in _SHORT_ESCAPES or not char.isprintable():
        return _python_escape(char)
    return char


def toml_str(value: str) -> str:
    """A TOML basic string of `value` (pyproject.toml's `description`).

    TOML has `\\uXXXX` and `\\UXXXXXXXX` escapes but no `\\x`, and refuses raw control
    characters; printable characters stay as written.
    """
    out = []
    for char in value:
        if char in _SHORT_ESCAPES:
            out.append(_SHORT_ESCAPES[char])
        elif char.isprintable():
            out.append(char)
        elif ord(char) < 0x10000:
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(f"\\U{ord(char):08x}")
    return '"' + "".join(out) + '"'


#: ASCII punctuation that starts or ends Markdown markup inside a line: emphasis and
#: strikethrough, code, links and images (with `[`), raw HTML, entities, table cells,
#: escapes. CommonMark reads a backslash before any of them as the character itself.
_MARKDOWN_INLINE = frozenset("\\`*_[]<>&~|")

#: A paragraph starting like this would be a heading, a list, a quote or a rule.
_MARKDOWN_BLOCK_START = re.compile(r"^(\s*)([#>+=-]|\d+[.)])")


def markdown_text(value: str) -> str:
    """One paragraph of Markdown showing `value` as written (the README's description).

    Characters that could start markup get a backslash, so `<script>`, a link or a
    heading in a description shows as text wherever the README is rendered; ordinary
    prose (`A blog. Posts, tags!`) stays as typed. Line breaks (refused in one-line
    text anyway) become spaces, so the text stays one paragraph.
    """
    flat = " ".join(value.splitlines())
    escaped = "".join(f"\\{char}" if char in _MARKDOWN_INLINE else char for char in flat)
    block = _MARKDOWN_BLOCK_START.match(escaped)
    if block is None:
        return escaped
    marker = block.group(2)
    return f"{block.group(1)}{marker[:-1]}\\{marker[-1]}{escaped[block.end() :]}"


FILTERS: dict[str, Callable[..., Any]] = {
    "py_str": python_str,
    "py_comment_lines": python_comment_lines,
    "py_docstring": python_docstring,
    "html_text": html_text,
    "html_attribute": html_attribute,
    "jinja_str": jinja_str,
    "toml_str": toml_str,
    "markdown_text": markdown_text,
}
"""The filters, by the name blueprints use."""


@functools.cache
def _copier_extension() -> type:
    """A Jinja extension giving Copier's environment these filters (see `CopierFilters`)."""
    from jinja2.ext import Extension

    class _Filters(Extension):
        def __init__(self, environment: Any) -> None:
            super().__init__(environment)
            environment.filters.update(FILTERS)

    return _Filters


def __getattr__(name: str) -> Any:
    """`CopierFilters`, created on first use so importing this module never imports Jinja.

    The project blueprint's copier.yml names it in `_jinja_extensions`: Copier renders
    `--data` values (the description) with the same functions as the blueprints.
    """
    if name == "CopierFilters":
        return _copier_extension()
    raise AttributeError(name)
