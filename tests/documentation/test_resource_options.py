"""The resource-options page: every option has a section and a valid example, and the
rename migration shown is the one scaffold writes for the before/after specs."""

from __future__ import annotations

import re

from documentation.golden import check_file
from documentation.pages import DOCS, EXAMPLES, GENERATED
from scaffolder.spec import load_spec
from scaffolder.spec.keys import RESOURCE_KEYS

PAGE = DOCS / "reference" / "resource-options.md"
OPTIONS = EXAMPLES / "resource-options"


def test_every_resource_key_is_documented() -> None:
    text = PAGE.read_text(encoding="utf-8")
    sections = set(re.findall(r"^## `(\w+)`$", text, re.MULTILINE))
    assert sections == set(RESOURCE_KEYS) - {"fields"}
    for key in sections:
        assert f'--8<-- "docs/examples/resource-options/{key.replace("_", "-")}.yaml"' in text


def test_each_example_uses_its_option() -> None:
    for path in OPTIONS.glob("*.yaml"):
        key = path.stem.removesuffix("-before").replace("-", "_")
        if path.stem.endswith("-before"):
            continue
        assert re.search(rf"^\s+{key}:", path.read_text(encoding="utf-8"), re.MULTILINE), path


def rename_migration() -> str:
    """`upgrade()` of the revision `scaffold sync` writes going from before to after."""
    from scaffolder.migrate.diff import diff_specs
    from scaffolder.migrate.revisions import new_revision
    from scaffolder.render.formatting import format_python

    before = load_spec(OPTIONS / "renamed-from-before.yaml")
    after = load_spec(OPTIONS / "renamed-from.yaml")
    changes = diff_specs(before, after)
    assert not changes.warnings, "a declared rename loses no data"
    _, text = new_revision({}, "Rename.", "rename", changes.upgrade, changes.downgrade)
    text = format_python({"revision.py": text}, "app")["revision.py"]
    start = text.index("def upgrade()")
    return text[start : text.index("\n\n\n", start)] + "\n"


def test_rename_migration_is_what_sync_writes(update_golden: bool) -> None:
    check_file(
        GENERATED / "resource-options" / "renamed-from-migration.py",
        rename_migration(),
        update_golden,
    )
