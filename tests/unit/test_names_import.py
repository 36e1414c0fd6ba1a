"""inflect is imported without typeguard's import-time instrumentation (seconds per run),
and only when the words asked about are not in the memo of earlier runs."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

PROBE = """
import json, sys
{before}
from scaffolder.model.names import pluralize, singularize
words = [pluralize("Category"), pluralize("Person"), singularize("Statuses")]
typeguard = sys.modules.get("typeguard")
print(json.dumps([words, typeguard is not None and hasattr(typeguard, "check_type"),
                  "inflect" in sys.modules]))
"""
WORDS = ["Categories", "People", "Status"]


def _run(before: str, cache: str = "") -> list[object]:
    """The probe's words, whether typeguard is the real one, whether inflect was imported;
    with the cache directory `cache` (by default none: inflect is always asked)."""
    result = subprocess.run(
        [sys.executable, "-c", PROBE.format(before=before)],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "SCAFFOLD_CACHE_DIR": cache},
    )
    loaded: list[object] = json.loads(result.stdout)
    return loaded


def test_inflect_works_and_typeguard_is_not_loaded() -> None:
    assert _run("") == [WORDS, False, True]


def test_a_typeguard_imported_before_is_left_in_place() -> None:
    assert _run("import typeguard") == [WORDS, True, True]


def test_inflect_answers_are_remembered_between_runs(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    assert _run("", str(cache)) == [WORDS, False, True]
    (memo,) = cache.glob("inflect-*.json")
    assert json.loads(memo.read_text())["singular:statuses"] == "status"
    assert _run("", str(cache)) == [WORDS, False, False]  # the same words, inflect not imported


def test_a_damaged_memo_is_asked_again_and_rewritten(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    _run("", str(cache))
    (memo,) = cache.glob("inflect-*.json")
    memo.write_text('{"plural:category": 7, "plural:person": "persons"')  # cut short
    assert _run("", str(cache)) == [WORDS, False, True]
    assert json.loads(memo.read_text())["plural:person"] == "people"


def test_an_unwritable_cache_only_costs_time(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a directory")
    assert _run("", str(blocked / "sub")) == [WORDS, False, True]
