"""The spec keys reference is generated from `scaffolder/spec/keys.py`, and its claims
hold: each key it says takes `key:` alone as the default is accepted that way by
`scaffold check`, and each it says refuses that is refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from documentation.golden import check_file
from documentation.pages import DOCS, GENERATED
from documentation.spec_keys_reference import SECTIONS, alone, spec_keys_reference
from scaffolder.errors import SpecError
from scaffolder.spec import load_spec
from scaffolder.spec.keys import ADMIN_KEYS, API_KEYS, FIELD_KEYS, RESOURCE_KEYS

PAGE = DOCS / "reference" / "spec-keys.md"


def test_spec_keys_reference_matches_keys_py(update_golden: bool) -> None:
    check_file(GENERATED / "spec-keys.md", spec_keys_reference(), update_golden)
    assert '--8<-- "docs/_generated/spec-keys.md"' in PAGE.read_text(encoding="utf-8")


def test_every_key_is_in_the_reference() -> None:
    text = spec_keys_reference()
    for _, _, keys in SECTIONS:
        for name in keys:
            assert f"| `{name}` |" in text


def _spec(resource: str = "", field: str = "", kind: str = "str") -> str:
    return (
        "version: 1\nresources:\n  Post:\n    fields:\n"
        f"      title:\n        type: {kind}\n{field}      body: text\n{resource}"
    )


def _cases() -> list[tuple[str, str, str]]:
    """(key, spec text with `key:` alone, what the reference says it means)."""
    cases = []
    for name, key in RESOURCE_KEYS.items():
        if name != "fields":
            cases.append((name, _spec(resource=f"    {name}:\n"), alone(key)))
    for table, section in ((ADMIN_KEYS, "admin"), (API_KEYS, "api")):
        for name, key in table.items():
            text = _spec(resource=f"    {section}:\n      {name}:\n")
            cases.append((f"{section}.{name}", text, alone(key)))
    for name, key in FIELD_KEYS.items():
        if name not in ("type", "default"):
            kind = "ref(User)" if name in ("on_delete", "back") else "str"
            cases.append((name, _spec(field=f"        {name}:\n", kind=kind), alone(key)))
    return cases


@pytest.mark.parametrize(("key", "text", "meaning"), _cases(), ids=[c[0] for c in _cases()])
def test_key_alone_means_what_the_reference_says(
    tmp_path: Path, key: str, text: str, meaning: str
) -> None:
    path = tmp_path / "scaffold.yaml"
    path.write_text(text, encoding="utf-8")
    if meaning == "the default":
        load_spec(path)
    else:
        with pytest.raises(SpecError):
            load_spec(path)
