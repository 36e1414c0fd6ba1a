""" "Did you mean …?" for near misses."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def closest(word: str, options: Iterable[str]) -> str | None:
    """The option nearest to `word` (case-insensitive first), or None if nothing is close."""
    choices = list(options)
    for option in choices:
        if option.lower() == word.lower():
            return option
    matches = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return matches[0] if matches else None


def did_you_mean(word: str, options: Iterable[str]) -> str | None:
    """A `did you mean` hint, or None."""
    match = closest(word, options)
    return f"did you mean `{match}`?" if match else None
