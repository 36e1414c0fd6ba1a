"""The documentation as files: its pages, their code blocks and the files they include.

Every code block of a page is a snippets include (`--8<-- "docs/examples/…"`), so
every example is a file that a test runs or validates, and the text the reader sees
is the text that was tested.
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


@dataclass(frozen=True)
class CodeBlock:
    page: Path
    line: int  # 1-based line of the opening fence
    info: str  # what follows the fence: the language, options
    body: tuple[str, ...]

    @property
    def includes(self) -> tuple[str, ...]:
        """Paths of the files included by the block's lines (`path:start:end` → `path`)."""
        found = (_INCLUDE.match(line) for line in self.body)
        return tuple(m.group("path").split(":", 1)[0] for m in found if m)

    @property
    def only_includes(self) -> bool:
        lines = [line for line in self.body if line.strip()]
        return bool(lines) and all(_INCLUDE.match(line) for line in lines)


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
        blocks.append(CodeBlock(page, index + 1, opening.group("info").strip(), body))
        index = end + 1
    return blocks


def included_files() -> dict[Path, list[Path]]:
    """{included file: pages including it}, for every include of every page (in a code
    block, or a whole Markdown file at the top level)."""
    included: dict[Path, list[Path]] = {}
    for page in pages():
        for line in page.read_text(encoding="utf-8").splitlines():
            match = _INCLUDE.match(line)
            if match:
                path = match.group("path").split(":", 1)[0]
                included.setdefault(ROOT / path, []).append(page)
    return included
