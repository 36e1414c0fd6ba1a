"""The worked example of docs/regeneration.md, run as written: an edit and a spec change
that touch the same line, the conflict, `scaffold undo`, the resolution, and
`scaffold sync --check` in CI and pre-commit.

Command files run in a reader's shell (`documentation.shell`); the other files are
edits shown on the page, made here the same way. What the commands print, and the
conflicted lines, are compared with docs/_generated/regeneration/ (refreshed with
`pytest tests/documentation --update-golden`).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from documentation.golden import check_files
from documentation.pages import DOCS, EXAMPLES, GENERATED, ROOT, code_blocks
from documentation.shell import Session, make_session

STEPS = EXAMPLES / "regeneration"
PAGE = DOCS / "regeneration.md"
SERVICE = "shop/services/product.py"
GENERATED_LINE = "PAGE_SIZE = 20\n"
EDITED_LINE = "PAGE_SIZE = 50  # our catalogue pages are long\n"


def project(session: Session) -> Path:
    return session.cwd


def edit_service(session: Session, shown: Path) -> None:
    """The reader's edit of the generated service: a larger page size."""
    service = project(session) / SERVICE
    text = service.read_text()
    assert GENERATED_LINE in text
    service.write_text(text.replace(GENERATED_LINE, EDITED_LINE))
    assert shown.read_text() in service.read_text()


def change_spec(session: Session, shown: Path) -> None:
    """The spec change: a new field, and a page size of 25 for the API."""
    spec = project(session) / "scaffold.yaml"
    lines = spec.read_text().splitlines(keepends=True)
    at = lines.index("      price: decimal(10,2)\n") + 1
    lines[at:at] = ["      stock: int = 0\n", "    api:\n", "      page_size: 25\n"]
    spec.write_text("".join(lines))
    assert spec.read_text() == shown.read_text()


def resolve(session: Session, shown: Path) -> None:
    """The resolution: keep the reader's line, drop the markers."""
    service = project(session) / SERVICE
    text = service.read_text()
    start, end = text.index("<<<<<<< yours\n"), text.index(">>>>>>> scaffold\n")
    resolved = text[:start] + EDITED_LINE + text[end + len(">>>>>>> scaffold\n") :]
    service.write_text(resolved)
    assert shown.read_text() in resolved


def conflict_lines(session: Session) -> str:
    """The conflicted part of the service, with the comment line above it."""
    lines = (project(session) / SERVICE).read_text().splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.startswith("<<<<<<<"))
    end = next(i for i, line in enumerate(lines) if line.startswith(">>>>>>>"))
    return "".join(lines[start - 1 : end + 1])


EDITS: dict[str, Callable[[Session, Path], None]] = {
    "02-service.py": edit_service,
    "03-scaffold.yaml": change_spec,
    "07-resolved.py": resolve,
}
#: Exit status of each command file (0 when not listed): a conflict is 1.
STATUS = {"04-sync.sh": 1, "06-sync-again.sh": 1}
#: Command files whose output the page shows.
SHOWN = ("04-sync.sh", "05-undo.sh", "08-check.sh")
#: Files the page shows that are not steps of the walk.
NOT_STEPS = ("pre-commit-config.yaml", "ci-step.yaml")


def steps() -> list[Path]:
    return sorted(p for p in STEPS.iterdir() if p.is_file() and p.name not in NOT_STEPS)


def test_the_page_shows_the_steps_in_order() -> None:
    included = [path for block in code_blocks(PAGE) for path in block.includes]
    walk = [ROOT / p for p in included if p.startswith("docs/examples/regeneration/0")]
    assert walk == steps()
    for path in steps():
        assert path.suffix == ".sh" or path.name in EDITS, path.name


def test_pre_commit_and_ci_run_the_hook_command() -> None:
    yaml = YAML(typ="safe")
    (hook,) = yaml.load((ROOT / ".pre-commit-hooks.yaml").read_text())
    (repo,) = yaml.load((STEPS / "pre-commit-config.yaml").read_text())["repos"]
    (local,) = repo["hooks"]
    assert local["id"] == hook["id"]
    assert local["entry"] == hook["entry"] == "scaffold sync --check"
    (ci,) = yaml.load((STEPS / "ci-step.yaml").read_text())
    assert ci["run"] == hook["entry"]


@pytest.mark.slow
def test_the_worked_example_runs_as_written(tmp_path: Path, update_golden: bool) -> None:
    session = make_session(tmp_path)
    shown: dict[str, str] = {}
    for path in steps():
        if path.suffix != ".sh":
            EDITS[path.name](session, path)
            continue
        output = session.run(path, STATUS.get(path.name, 0))
        if path.name in SHOWN:
            command = path.read_text().strip()
            shown[path.with_suffix(".txt").name] = f"$ {command}\n{output}"
        if path.name == "04-sync.sh":
            shown["conflict.txt"] = conflict_lines(session)
        if path.name == "05-undo.sh":
            assert EDITED_LINE in (project(session) / SERVICE).read_text()
    check_files(GENERATED / "regeneration", shown, update_golden)
