"""inflect is imported without typeguard's import-time instrumentation (seconds per run)."""

from __future__ import annotations

import json
import subprocess
import sys

PROBE = """
import json, sys
{before}
from scaffolder.model.names import pluralize, singularize
words = [pluralize("Category"), pluralize("Person"), singularize("Statuses")]
typeguard = sys.modules.get("typeguard")
print(json.dumps([words, typeguard is not None and hasattr(typeguard, "check_type")]))
"""


def _run(before: str) -> list[object]:
    result = subprocess.run(
        [sys.executable, "-c", PROBE.format(before=before)],
        capture_output=True,
        text=True,
        check=True,
    )
    loaded: list[object] = json.loads(result.stdout)
    return loaded


def test_inflect_works_and_typeguard_is_not_loaded() -> None:
    assert _run("") == [["Categories", "People", "Status"], False]


def test_a_typeguard_imported_before_is_left_in_place() -> None:
    assert _run("import typeguard") == [["Categories", "People", "Status"], True]
