"""One ruff pass over every generated Python file of a run.

Templates need not get import order or line breaks exactly right: the tree is
written to a scratch directory, `ruff check --fix` sorts imports and `ruff format`
lays out the code, in two subprocess calls for the whole tree — not one per file.
"""

from __future__ import annotations

import ast
import io
import json
import re
import subprocess
import textwrap
import tokenize
from pathlib import Path

from scaffolder.errors import ScaffoldError
from scaffolder.scratch import scratch_directory

#: Settings the generated project's pyproject also has, so its own `ruff format
#: --check` agrees with what scaffold writes.
LINE_LENGTH = 100
TARGET_VERSION = "py311"


class FormattingError(ScaffoldError):
    """A blueprint produced Python that ruff cannot parse: a bug in a template."""


def ruff_binary() -> str:
    from ruff.__main__ import find_ruff_bin

    return str(find_ruff_bin())


def format_python(tree: dict[str, str], package: str) -> dict[str, str]:
    """Return `tree` with every `.py` file import-sorted and formatted by ruff."""
    python = {path: text for path, text in tree.items() if path.endswith(".py")}
    if not python:
        return dict(tree)
    with scratch_directory("scaffold-ruff-") as scratch:
        root = Path(scratch)
        for path, text in python.items():
            target = root / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        common = [
            "--no-cache",
            "--isolated",
            f"--line-length={LINE_LENGTH}",
            f"--target-version={TARGET_VERSION}",
        ]
        _ruff(
            root,
            "check",
            *common,
            "--fix-only",
            "--select=I,F401,RUF022",  # imports sorted, unused ones dropped, __all__ sorted
            "--exit-zero",
            f"--config=lint.isort.known-first-party=['{package}', 'tests']",
            ".",
        )
        _ruff(root, "format", *common, ".")
        formatted = {
            path: wrap_long_lines((root / path).read_text(encoding="utf-8")) for path in python
        }
        formatted.update(_mark_overlong_lines(root, common, formatted))
    return {**tree, **formatted}


def _mark_overlong_lines(root: Path, common: list[str], texts: dict[str, str]) -> dict[str, str]:
    """The files among `texts` that have lines ruff check calls too long (E501), with
    those lines marked (`mark_long_code_lines`) and formatted again; usually none.

    Ruff itself says which lines are too long: E501 passes some long lines (one word,
    one ending in a URL), and a `noqa` on those would be unused (RUF100).
    """
    long = [p for p, text in texts.items() if any(len(x) > LINE_LENGTH for x in text.split("\n"))]
    if not long:
        return {}
    for path in long:
        (root / path).write_text(texts[path], encoding="utf-8")
    report = subprocess.run(
        [
            ruff_binary(),
            "check",
            *common,
            "--select=E501",
            "--output-format=json",
            "--exit-zero",
            *long,
        ],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )
    rows: dict[str, set[int]] = {}
    for problem in json.loads(report.stdout or "[]"):
        path = Path(problem["filename"]).resolve().relative_to(root.resolve()).as_posix()
        rows.setdefault(path, set()).add(int(problem["location"]["row"]))
    marked = {path: mark_long_code_lines(texts[path], rows[path]) for path in rows}
    changed = [path for path, text in marked.items() if text != texts[path]]
    if not changed:
        return {}
    # a trailing comment can change how ruff lays a statement out: format again, so the
    # project's own `ruff format --check` agrees
    for path in changed:
        (root / path).write_text(marked[path], encoding="utf-8")
    _ruff(root, "format", *common, *changed)
    return {path: (root / path).read_text(encoding="utf-8") for path in changed}


def wrap_long_lines(text: str, width: int = LINE_LENGTH) -> str:
    """`text` with its docstring and comment lines longer than `width` wrapped at spaces.

    Names from a spec (a 59-character field, a long package name) make such lines long,
    and ruff format leaves comments and docstrings as they are, so the project's own
    `ruff check` (E501) would refuse them. Code lines are ruff format's business.
    """
    lines = text.split("\n")
    long = [n for n, line in enumerate(lines, 1) if len(line) > width]
    if not long:
        return text
    try:
        prose = _docstring_lines(text) | _comment_lines(text)
    except (SyntaxError, tokenize.TokenError):
        return text  # not Python after all: leave it to the checks that report it
    for number in reversed(long):
        if number in prose:
            lines[number - 1 : number] = _wrap(lines[number - 1], width)
    return "\n".join(lines)


#: Marks a code line that stays long: ruff format ignores it when measuring, ruff check
#: (E501) lets the line pass.
LONG_LINE_PRAGMA = "  # noqa: E501"


def mark_long_code_lines(text: str, rows: set[int]) -> str:
    """`text` with ` # noqa: E501` after each of the lines `rows` that ends in code.

    Names a spec may use (a 59-character field, a 28-character resource) make statements
    no layout can fit in 100 columns (`long_field: ResourceLongFieldEnum | None = None`,
    `"long_field": first.long_field`). E501 stays on for everything the user writes;
    these lines say why they are long instead of the check refusing such names. Lines
    inside a string are never touched (their text would change).
    """
    try:
        ends = _code_line_ends(text)
    except (SyntaxError, tokenize.TokenError):
        return text
    lines = text.split("\n")
    for number in sorted(rows & ends):
        if "noqa" not in lines[number - 1]:
            lines[number - 1] += LONG_LINE_PRAGMA
    return "\n".join(lines)


def _code_line_ends(text: str) -> set[int]:
    """Numbers of the lines that end outside any string and hold code, not only a comment:
    where a trailing comment may go."""
    ends: set[int] = set()
    for token in tokenize.generate_tokens(io.StringIO(text).readline):
        if token.type in (tokenize.NEWLINE, tokenize.NL) and token.line.strip()[:1] not in (
            "#",
            "",
        ):
            ends.add(token.start[0])
    return ends


def _docstring_lines(text: str) -> set[int]:
    """Numbers of the lines that docstrings (module, class, function) span."""
    numbers: set[int] = set()
    for node in ast.walk(ast.parse(text)):
        if not isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        first = node.body[0] if node.body else None
        if (
            isinstance(first, ast.Expr)
            and isinstance(first.value, ast.Constant)
            and isinstance(first.value.value, str)
            and first.end_lineno is not None
        ):
            numbers.update(range(first.lineno, first.end_lineno + 1))
    return numbers


def _comment_lines(text: str) -> set[int]:
    """Numbers of the lines that hold nothing but a comment."""
    tokens = tokenize.generate_tokens(io.StringIO(text).readline)
    return {
        token.start[0]
        for token in tokens
        if token.type == tokenize.COMMENT and not token.line[: token.start[1]].strip()
    }


def _wrap(line: str, width: int) -> list[str]:
    """One docstring or comment line as several, each with the line's indent or `#:`."""
    prefix = re.match(r"\s*(#:?\s?)?", line)
    assert prefix is not None  # the pattern matches the empty string
    lead = prefix.group(0)
    wrapped = textwrap.wrap(
        line[len(lead) :],
        width=width,
        initial_indent=lead,
        subsequent_indent=lead,
        break_long_words=False,
        break_on_hyphens=False,
    )
    return wrapped or [line]


def _ruff(root: Path, *args: str) -> None:
    result = subprocess.run(
        [ruff_binary(), *args], cwd=root, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise FormattingError(
            "generated Python could not be formatted (a blueprint bug):\n"
            + (result.stderr or result.stdout).strip()
        )
