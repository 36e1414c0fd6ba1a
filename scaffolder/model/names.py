"""Every name derived from a resource name, computed once so templates never compute names."""

from __future__ import annotations

import hashlib
import keyword
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Literal

from scaffolder.user_cache import installed_version, load_memo, store_memo

if TYPE_CHECKING:
    import inflect

_WORD_BOUNDARY = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")


#: PostgreSQL's longest identifier; the generated naming convention cuts names to it.
MAX_CONSTRAINT_NAME = 63


def constraint_name(name: str) -> str:
    """`name` (`ix_<table>_<column>`, `fk_…`), cut to 63 characters as the generated
    project's naming convention cuts it (`short_name` in models/base.py).

    The same as SQLAlchemy's cut on PostgreSQL (55 characters, `_`, the md5's last 4
    hex digits), so a database PostgreSQL made before keeps its names. Migrations name
    constraints explicitly, so they must agree with the models to the character.
    """
    if len(name) <= MAX_CONSTRAINT_NAME:
        return name
    digest = hashlib.md5(name.encode(), usedforsecurity=False).hexdigest()
    return f"{name[: MAX_CONSTRAINT_NAME - 8]}_{digest[-4:]}"


def split_words(name: str) -> list[str]:
    """`BlogPost` → [Blog, Post]; `HTTPLog` → [HTTP, Log]; `order_line` → [order, line]."""
    words: list[str] = []
    for part in name.split("_"):
        words.extend(w for w in _WORD_BOUNDARY.split(part) if w)
    return words


def snake_case(name: str) -> str:
    """`BlogPost` → `blog_post`."""
    return "_".join(w.lower() for w in split_words(name))


def pascal_case(name: str) -> str:
    """`published_at` → `PublishedAt`; `BlogPost` stays."""
    return "".join(w[:1].upper() + w[1:] for w in split_words(name))


def humanize(name: str) -> str:
    """`published_at` → `Published at`; `BlogPost` → `Blog post` (sentence case, like Django)."""
    words = [w if w.isupper() and len(w) > 1 else w.lower() for w in split_words(name)]
    text = " ".join(words)
    return text[:1].upper() + text[1:]


@cache
def _engine() -> inflect.engine:
    """inflect's engine, imported lazily (only loading a spec needs it) and without typeguard.

    inflect 7 decorates its methods with typeguard's `@typechecked`, which re-parses and
    recompiles inflect's whole 4000-line module once per decorated method while it is
    imported: ~1.7 s of every run (jaraco/inflect#212). Those checks only guard against
    non-`str` arguments, which mypy already rules out here, so inflect is imported with
    a stand-in `typeguard` whose decorator returns the function unchanged — what
    typeguard itself does under `python -O`.
    """
    import sys
    import types

    if "inflect" in sys.modules:
        import inflect

        return inflect.engine()
    stand_in = types.ModuleType("typeguard")
    stand_in.typechecked = lambda target=None, **_options: target  # type: ignore[attr-defined]
    real = sys.modules.get("typeguard")
    sys.modules["typeguard"] = stand_in
    try:
        import inflect
    finally:
        if real is None:
            del sys.modules["typeguard"]
        else:
            sys.modules["typeguard"] = real
    return inflect.engine()


def _inflected(question: Literal["plural", "singular"], word: str) -> str:
    """inflect's plural or singular of a lower-case `word` ("" when it has none, as for
    the singular of a singular), remembered between runs (`user_cache`, one memo per
    inflect version): importing inflect costs ~9 ms of every run that loads a spec,
    and a project asks about the same few words every time."""
    name, memo = _inflect_memo()
    key = f"{question}:{word}"
    if key not in memo:
        engine = _engine()
        answer = engine.plural_noun(word) if question == "plural" else engine.singular_noun(word)
        memo[key] = answer if isinstance(answer, str) else ""
        store_memo(name, memo)
    return memo[key]


@cache
def _inflect_memo() -> tuple[str, dict[str, str]]:
    """The name of this inflect's memo, and the memo (filled as the run goes)."""
    name = f"inflect-{installed_version('inflect')}.json"
    return name, load_memo(name)


#: Rails' English inflections (ActiveSupport's inflections.rb), tried last-defined first
#: as Rails tries them: `(pattern, replacement)`, matched case-insensitively.
_PLURALS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), replacement)
    for pattern, replacement in reversed(
        [
            (r"$", "s"),
            (r"s$", "s"),
            (r"^(ax|test)is$", r"\1es"),
            (r"(octop|vir)us$", r"\1i"),
            (r"(octop|vir)i$", r"\1i"),
            (r"(alias|status)$", r"\1es"),
            (r"(bu)s$", r"\1ses"),
            (r"(buffal|tomat)o$", r"\1oes"),
            (r"([ti])um$", r"\1a"),
            (r"([ti])a$", r"\1a"),
            (r"sis$", "ses"),
            (r"(?:([^f])fe|([lr])f)$", r"\1\2ves"),
            (r"(hive)$", r"\1s"),
            (r"([^aeiouy]|qu)y$", r"\1ies"),
            (r"(x|ch|ss|sh)$", r"\1es"),
            (r"(matr|vert|ind)(?:ix|ex)$", r"\1ices"),
            (r"^(m|l)ouse$", r"\1ice"),
            (r"^(m|l)ice$", r"\1ice"),
            (r"^(ox)$", r"\1en"),
            (r"^(oxen)$", r"\1"),
            (r"(quiz)$", r"\1zes"),
        ]
    )
)
#: Rails' irregular words, singular → plural. Like Rails, each matches at the end of a
#: word in either form and gives the plural (`people` stays `people`).
_IRREGULAR = (
    ("person", "people"),
    ("man", "men"),
    ("child", "children"),
    ("sex", "sexes"),
    ("move", "moves"),
    ("zombie", "zombies"),
)
_IRREGULAR_PLURALS = tuple(
    (re.compile(f"({form[0]}){form[1:]}$", re.IGNORECASE), rf"\g<1>{many[1:]}")
    for one, many in _IRREGULAR
    for form in (one, many)
)
#: Rails' uncountable words, plus `staff` (SPEC-FORMAT names it among the nouns whose
#: plural is the word itself; Rails apps add it in config/initializers/inflections.rb).
UNCOUNTABLE = frozenset(
    {"equipment", "information", "rice", "money", "species", "series", "fish", "sheep"}
    | {"jeans", "police", "staff"}
)


def rails_plural(word: str) -> str:
    """The plural Rails' inflector gives a lower-case word (`"news".pluralize`): an
    uncountable stays, else the first matching rule, irregular words first (Rails
    defines them last and tries the last rules first)."""
    if not word or word in UNCOUNTABLE:
        return word
    for pattern, replacement in _IRREGULAR_PLURALS + _PLURALS:
        if pattern.search(word):
            return pattern.sub(replacement, word, count=1)
    return word  # pragma: no cover - `$` matches every word


def _same_case(model: str, word: str) -> str:
    if model.isupper() and len(model) > 1:
        return word.upper()
    if model[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def pluralize(word: str) -> str:
    """English plural of one word, keeping its case style (`Category` → `Categories`).

    A word Rails' inflector leaves as it is stays: uncountables (`News`, `Staff`,
    `Series`) and words that are plural already (`Values`, `Settings`, `Data`,
    `People`; with Rails, most words ending in `s`). Rails does pluralize `Bus`,
    `Status`, `Address`, `Analysis`. Every other word gets inflect's plural, as before
    (`Index` → `Indexes`, `Human` → `Humans`, where Rails says `indices`, `humen`), so
    the tables of existing projects keep their names. inflect treats capitalised words
    as proper nouns, so it is asked in lower case.
    """
    if rails_plural(word.lower()) == word.lower():
        return word
    return earlier_pluralize(word)


def singularize(word: str) -> str:
    """English singular of one word, or the word itself if it is not a plural."""
    singular = _inflected("singular", word.lower())
    return _same_case(word, singular) if singular else word


def many_key(name: str) -> str:
    """API and form key of a many field: its singular plus `_ids` (`tags` → `tag_ids`,
    `related_posts` → `related_post_ids`), as Rails and most ORMs name it."""
    head, sep, last = name.rpartition("_")
    return f"{head}{sep}{singularize(last) if last else last}_ids"


def earlier_pluralize(word: str) -> str:
    """The plural scaffold gave one word before it kept plural and uncountable words as
    Rails does (2026-12-04): inflect's, always (`Staff` → `Staffs`, `Values` → `Valuess`).
    Only to recognise the names of projects made then (`generation.plurals`)."""
    plural = _inflected("plural", word.lower())
    return _same_case(word, plural) if plural else word + "s"


def earlier_plural_label(class_name: str) -> str:
    """The plural label scaffold derived for `class_name` before 2026-12-04 (`Staffs`,
    `Office staffs`): as `plural:`, it gives back every name that release derived."""
    return _pluralize_last(humanize(class_name), " ", earlier_pluralize)


def _pluralize_last(
    words: str, separator: str, plural_of_word: Callable[[str], str] = pluralize
) -> str:
    """`blog_post` → `blog_posts`, `Blog post` → `Blog posts`: the last word made plural."""
    head, sep, last = words.rpartition(separator)
    plural = plural_of_word(last.lower())
    if plural.startswith(last.lower()):  # a suffix (`R0` → `R0s`): keep the word as written
        return head + sep + last + plural[len(last) :]
    return head + sep + plural_of_word(last)


def plural_of(name: str) -> str:
    """Plural of a multi-word name: only the last word changes (`OrderLine` → `OrderLines`)."""
    words = split_words(name)
    if not words:
        return name
    last = words[-1]
    suffix = name[len(name) - len(last) :] if name.endswith(last) else last
    return name[: len(name) - len(suffix)] + pluralize(suffix)


#: First path segments the project itself serves (`/login`, `/api/auth/token`, `/admin/`,
#: `/static/…`, `/docs`…). A resource's URL segment (`/posts`, `/api/posts`, `/admin/posts`)
#: equal to one of them would shadow it or be shadowed, so it gets `-index` appended.
RESERVED_ROUTES = frozenset(
    {"admin", "api", "auth", "docs", "health", "login", "logout", "openapi.json", "redoc"}
    | {"static"}
)


@dataclass(frozen=True)
class Names:
    """The names of one resource, in every form the generated code uses."""

    class_name: str  # BlogPost
    snake: str  # blog_post (module names, variables)
    plural_snake: str  # blog_posts (default table and reverse relation name)
    label: str  # Blog post
    plural_label: str  # Blog posts
    table: str  # blog_posts
    route: str  # blog-posts (URL segment: /api/blog-posts)
    #: blog_posts: names of functions on the whole collection (`list_blog_posts`); unlike
    #: `plural_snake`, never the singular: `news_index` for News, like Rails' route names
    collection: str

    @classmethod
    def derive(
        cls, class_name: str, *, plural: str | None = None, table: str | None = None
    ) -> Names:
        """Derive every name from the class name; `plural` and `table` override the defaults."""
        snake = snake_case(class_name)
        label = humanize(class_name)
        if plural:
            plural_snake, plural_label = snake_case(plural.replace(" ", "_")), plural
        else:  # only the last word changes; split first, so `R0` → `r0s`, not `r0_s`
            plural_snake = _pluralize_last(snake, "_")
            plural_label = _pluralize_last(label, " ")
        table_name = table or plural_snake
        route = table_name.replace("_", "-")
        # `Class` (a school's): modules `class_.py`, functions `get_class_`; table `classes`
        snake, plural_snake = _identifier(snake), _identifier(plural_snake)
        return cls(
            class_name=class_name,
            snake=snake,
            plural_snake=plural_snake,
            label=label,
            plural_label=plural_label,
            table=table_name,
            route=f"{route}-index" if route in RESERVED_ROUTES else route,
            collection=plural_snake if plural_snake != snake else f"{snake}_index",
        )


def _identifier(name: str) -> str:
    """`name`, or `name_` for a Python keyword (which no module or variable can be named)."""
    return f"{name}_" if keyword.iskeyword(name) else name


def enum_member_names(values: list[str]) -> list[str]:
    """Valid, unique, UPPER_SNAKE identifiers for enum values (`on hold` → `ON_HOLD`).

    Values may hold any characters (`PG-13`, `on hold`, `13+`); clashes get a numeric
    suffix in declaration order so the mapping is deterministic.
    """
    names: list[str] = []
    for value in values:
        base = re.sub(r"[^A-Za-z0-9]+", "_", value).strip("_").upper() or "VALUE"
        if base[0].isdigit():
            base = f"V_{base}"
        name, n = base, 2
        while name in names:
            name, n = f"{base}_{n}", n + 1
        names.append(name)
    return names
