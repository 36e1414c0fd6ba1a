"""Generated documentation files, compared like the golden tests.

Pages include text produced by the tool itself (rendered code, error reports, the
CLI reference, terminal transcripts). The suite regenerates that text and compares it
with the committed files; after an intended change, refresh them all with

    pytest tests/documentation --update-golden

and review the diff like code.
"""

from __future__ import annotations

from pathlib import Path

REFRESH = "pytest tests/documentation --update-golden"


def check_files(directory: Path, expected: dict[str, str], update: bool) -> None:
    """`directory` holds exactly `expected` ({relative path: text}); with `update`, make it so."""
    present = (
        {p.relative_to(directory).as_posix() for p in directory.rglob("*") if p.is_file()}
        if directory.is_dir()
        else set()
    )
    if update:
        for stale in present - set(expected):
            (directory / stale).unlink()
        for path, text in expected.items():
            target = directory / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8", newline="\n")
        return
    assert present == set(expected), f"files differ in {directory}; run `{REFRESH}`"
    for path, text in expected.items():
        committed = (directory / path).read_text(encoding="utf-8")
        assert committed == text, f"{directory / path} is out of date; run `{REFRESH}`"


def check_file(path: Path, expected: str, update: bool) -> None:
    """`path` holds `expected`; with `update`, write it."""
    if update:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(expected, encoding="utf-8", newline="\n")
        return
    assert path.is_file(), f"no {path}; run `{REFRESH}`"
    assert path.read_text(encoding="utf-8") == expected, f"{path} is out of date; run `{REFRESH}`"
