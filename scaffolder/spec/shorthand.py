"""The field shorthand: `TYPE ["(" ARGS ")"] ["?"] {unique | index} ["=" DEFAULT]`.

Also its command-line spelling, `name:SHORTHAND`, where `:` may stand for spaces
(`email:email:unique`, `'status:enum(draft,published)=draft'`).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from scaffolder.model.types import TYPE_NAMES
from scaffolder.spec.keys import SHORTHAND_FLAGS

_IDENT = re.compile(r"[A-Za-z0-9_]+")

#: Words people type as modifiers, and what to write instead.
_MODIFIER_HINTS = {
    "nullable": "write `?` right after the type to make a field nullable, e.g. `text?`",
    "optional": "write `?` right after the type to make a field optional, e.g. `text?`",
    "null": "write `?` right after the type to make a field nullable, e.g. `text?`",
    "required": "fields are required unless marked `?`; just drop `required`",
    "default": "write the default after `=`, e.g. `int = 0`",
    "primary": "every resource gets an integer `id` primary key; drop this field",
    "pk": "every resource gets an integer `id` primary key; drop this field",
    "indexed": "the modifier is spelled `index`",
    "uniq": "the modifier is spelled `unique`",
}


class ShorthandError(Exception):
    """A syntax error at `offset` characters into the shorthand text."""

    def __init__(
        self,
        message: str,
        offset: int,
        span: int = 1,
        hint: str | None = None,
        example: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.offset = offset
        self.span = span
        self.hint = hint
        self.example = example


@dataclass(frozen=True)
class Token:
    """A piece of shorthand text and where it starts (offset into the text)."""

    text: str
    offset: int


@dataclass(frozen=True)
class Shorthand:
    """A parsed shorthand, positions kept for error messages."""

    type: Token
    args: tuple[Token, ...] | None = None  # None: no parentheses at all
    args_offset: int = 0  # offset of the opening parenthesis
    nullable: bool = False
    flags: tuple[Token, ...] = field(default=())
    default: Token | None = None  # raw default text, still to be parsed as a YAML scalar


def parse_shorthand(text: str) -> Shorthand:
    """Parse shorthand text; raise ShorthandError at the first syntax problem."""
    type_token, pos = _type_name(text)
    args, args_offset, pos = _type_args(text, pos, type_token)
    nullable, flags, default = _modifiers(text, pos, type_token)
    return Shorthand(type_token, args, args_offset, nullable, flags, default)


def _type_name(text: str) -> tuple[Token, int]:
    """The type name the shorthand starts with, and the offset after it."""
    pos = _skip_space(text, 0)
    match = _IDENT.match(text, pos)
    if match is None and pos < len(text) and text[pos] not in "?=(":
        found = re.match(r"[^\s(?=]+", text[pos:])
        written = found.group() if found else text[pos]
        raise ShorthandError(
            f"unknown type `{written}`",
            pos,
            len(written),
            hint=f"known types: {', '.join(TYPE_NAMES)}",
            example="str(200)",
        )
    if match is None:
        raise ShorthandError(
            "missing field type",
            pos,
            hint="a field starts with its type",
            example="str(200)",
        )
    return Token(match.group(), pos), match.end()


def _type_args(text: str, pos: int, type_token: Token) -> tuple[tuple[Token, ...] | None, int, int]:
    """The parenthesised arguments at `pos` (None: no parentheses), the offset of the
    opening parenthesis, and the offset after the arguments."""
    if pos >= len(text) or text[pos] != "(":
        return None, 0, pos
    close = _closing_paren(text, pos + 1)
    if close < 0:
        raise ShorthandError(
            "unclosed `(` in the field type",
            pos,
            len(text) - pos,
            hint="close the argument list with `)`",
            example=f"{type_token.text}(…)",
        )
    return _split_args(text[pos + 1 : close], pos + 1), pos, close + 1


def _modifiers(
    text: str, pos: int, type_token: Token
) -> tuple[bool, tuple[Token, ...], Token | None]:
    """What follows the type from `pos`: `?`, the flags, and `= default` (last)."""
    nullable = False
    flags: list[Token] = []
    while True:
        pos = _skip_space(text, pos)
        if pos >= len(text):
            return nullable, tuple(flags), None
        char = text[pos]
        if char == "=":
            return nullable, tuple(flags), _default(text, pos, type_token)
        if char == "?":
            if nullable or flags:
                raise ShorthandError(
                    "`?` must come right after the type",
                    pos,
                    example=f"{type_token.text}? unique",
                )
            nullable = True
            pos += 1
            continue
        if char == "(":
            raise ShorthandError(
                "type arguments must follow the type name directly",
                pos,
                example=f"{type_token.text}(…)",
            )
        flags.append(_flag(text, pos, type_token, flags))
        pos += len(flags[-1].text)


def _default(text: str, pos: int, type_token: Token) -> Token:
    """The default after the `=` at `pos`: the rest of the text, stripped."""
    raw = text[pos + 1 :]
    stripped = raw.strip()
    if not stripped:
        raise ShorthandError(
            "missing default value after `=`",
            pos,
            example=f"{type_token.text} = …",
        )
    return Token(stripped, pos + 1 + (len(raw) - len(raw.lstrip())))


def _flag(text: str, pos: int, type_token: Token, flags: list[Token]) -> Token:
    """The flag word at `pos`, refused when unknown or given already."""
    end = pos
    while end < len(text) and not text[end].isspace() and text[end] != "=":
        end += 1
    word = text[pos:end]
    if word not in SHORTHAND_FLAGS:
        raise _unknown_modifier(word, pos)
    if any(f.text == word for f in flags):
        raise ShorthandError(
            f"`{word}` is given twice",
            pos,
            len(word),
            hint="give each modifier once",
            example=f"{type_token.text} {word}",
        )
    return Token(word, pos)


def _unknown_modifier(word: str, offset: int) -> ShorthandError:
    hint = _MODIFIER_HINTS.get(word.lower())
    if hint is None:
        close = difflib.get_close_matches(word, SHORTHAND_FLAGS, n=1)
        hint = (
            f"did you mean `{close[0]}`?"
            if close
            else "after the type come `?`, `unique`, `index`, then `= DEFAULT`"
        )
    return ShorthandError(f"unknown modifier `{word}`", offset, len(word), hint=hint)


def _closing_paren(text: str, start: int) -> int:
    """Index of the `)` that ends an argument list, skipping quoted values (`'a)b'`); -1 if none."""
    quote: str | None = None
    for index in range(start, len(text)):
        char = text[index]
        if quote:
            if char == quote:
                quote = None
        elif char in "'\"":
            quote = char
        elif char == ")":
            return index
    return -1


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


def _split_args(inner: str, offset: int) -> tuple[Token, ...]:
    """Split `a, 'b, c', d` on commas outside quotes; strip spaces and surrounding quotes."""
    if not inner.strip():
        return ()
    pieces: list[Token] = []
    start = 0
    quote: str | None = None
    for i, char in enumerate(inner + ","):
        if quote:
            if char == quote:
                quote = None
        elif char in "'\"":
            quote = char
        elif char == ",":
            piece = inner[start:i]
            lead = len(piece) - len(piece.lstrip())
            value = piece.strip()
            if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
                value = value[1:-1]
            pieces.append(Token(value, offset + start + lead))
            start = i + 1
    return tuple(pieces)


@dataclass(frozen=True)
class CliField:
    """A `name:SHORTHAND` command-line argument, split into the name and spec shorthand."""

    name: str
    shorthand: str  # as it would be written in scaffold.yaml
    name_offset: int = 0
    shorthand_offset: int = 0  # where the shorthand starts in the argument


def split_cli_field(argument: str) -> CliField:
    """Split `title:str(200):unique` into `title` and `str(200) unique`.

    Before the default (`=`), colons outside parentheses and quotes stand for spaces.
    """
    name, sep, rest = argument.partition(":")
    if not sep or not rest.strip():
        raise ShorthandError(
            f"field `{argument}` has no type",
            len(argument),
            hint="write fields as name:TYPE",
            example=f"{name or 'title'}:str(200)",
        )
    chars: list[str] = []
    depth = 0
    quote: str | None = None
    in_default = False
    for char in rest:
        if in_default or quote:
            if char == quote:
                quote = None
            chars.append(char)
            continue
        if char in "'\"":
            quote = char
        elif char == "(":
            depth += 1
        elif char == ")":
            depth = max(depth - 1, 0)
        elif char == "=" and depth == 0:
            in_default = True
        elif char == ":" and depth == 0:
            chars.append(" ")
            continue
        chars.append(char)
    return CliField(name, "".join(chars), 0, len(name) + 1)
