"""The documentation as files: its pages, their code blocks and the files they include.

Every code block of a page is a snippets include (`--8<-- "docs/examples/…"`), so
every example is a file that a test runs or validates, and the text the reader sees
is the text that was tested.

Or, on pages that must read as plain Markdown too (the tutorial, which the README
links to and GitHub shows without running the snippets extension), a copy: the file's
text typed into the block, under a `<!-- file: PATH -->` line. `copies_refreshed`
gives the page with every copy equal to its file again; the suite compares, and
`pytest tests/documentation --update-golden` rewrites the page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
#: Files included into pages: written by hand, or produced by the tool (`_generated`).
EXAMPLES = DOCS / "examples"
GENERATED = DOCS / "_generated"

_FENCE = re.compile(r"^(?P<indent> *)(?P<fence>```+|~~~+)(?P<info>.*)$")
_INCLUDE = re.compile(r'^\s*--8<--\s+"(?P<path>[^"]+)"\s*$')
_COPY = re.compile(r"^<!-- file: (?P<path>\S+) -->$")


@dataclass(frozen=True)
class CodeBlock:
    page: Path
    line: int  # 1-based line of the opening fence
    info: str  # what follows the fence: the language, options
    body: tuple[str, ...]
    copy_of: str | None = None  # the file a copy block holds the text of

    @property
    def includes(self) -> tuple[str, ...]:
        """Paths of the files the block shows: the one it is a copy of, or those its lines
        include (`path:start:end` → `path`)."""
        if self.copy_of is not None:
            return (self.copy_of,)
        found = (_INCLUDE.match(line) for line in self.body)
        return tuple(m.group("path").split(":", 1)[0] for m in found if m)

    @property
    def only_includes(self) -> bool:
        """The block shows files, nothing typed by hand: includes only, or a copy."""
        lines = [line for line in self.body if line.strip()]
        return self.copy_of is not None or (
            bool(lines) and all(_INCLUDE.match(line) for line in lines)
        )


def pages() -> list[Path]:
    """Every Markdown page of the site."""
    return sorted(
        p
        for p in DOCS.rglob("*.md")
        if not p.is_relative_to(EXAMPLES) and not p.is_relative_to(GENERATED)
    )


def code_blocks(page: Path) -> list[CodeBlock]:
    blocks: list[CodeBlock] = []
    lines = page.read_text(encoding="utf-8").splitlines()
    index = 0
    while index < len(lines):
        opening = _FENCE.match(lines[index])
        if opening is None:
            index += 1
            continue
        fence = opening.group("fence")
        end = index + 1
        while end < len(lines) and lines[end].strip() != fence:
            end += 1
        body = tuple(lines[index + 1 : end])
        copy = _COPY.match(lines[index - 1]) if index > 0 else None
        info = opening.group("info").strip()
        copy_of = copy.group("path") if copy else None
        blocks.append(CodeBlock(page, index + 1, info, body, copy_of))
        index = end + 1
    return blocks


def copies_refreshed(page: Path) -> str:
    """The page's text with the body of every copy block replaced by its file's text."""
    lines = page.read_text(encoding="utf-8").splitlines(keepends=True)
    for block in reversed(code_blocks(page)):  # from the end: earlier line numbers hold
        if block.copy_of is not None:
            text = (ROOT / block.copy_of).read_text(encoding="utf-8")
            start = block.line  # the 0-based index of the body's first line
            lines[start : start + len(block.body)] = text.splitlines(keepends=True)
    return "".join(lines)


def included_files() -> dict[Path, list[Path]]:
    """{included file: pages including it}, for every include of every page (in a code
    block, or a whole Markdown file at the top level)."""
    included: dict[Path, list[Path]] = {}
    for page in pages():
        for line in page.read_text(encoding="utf-8").splitlines():
            match = _INCLUDE.match(line) or _COPY.match(line)
            if match:
                path = match.group("path").split(":", 1)[0]
                included.setdefault(ROOT / path, []).append(page)
    return included
