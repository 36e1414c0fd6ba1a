"""The command-line reference, generated from the Typer app itself.

Typer renders the Markdown (`typer.cli.get_docs_for_click`, what `typer … utils docs`
prints): every command, argument and option with its help, and each command's
docstring with its examples. Headings move one level down so the generated text
sits under the page's own title.
"""

from __future__ import annotations

import re


def cli_reference() -> str:
    import typer
    from typer.cli import get_docs_for_click

    from scaffolder.cli import app

    command = typer.main.get_command(app)
    context = typer.Context(command)
    text = get_docs_for_click(obj=command, ctx=context, name="scaffold")
    return _demote_headings(_blocks_as_code(text)).rstrip("\n") + "\n"


def _blocks_as_code(markdown: str) -> str:
    """The help's unwrapped blocks (`Examples:` then indented lines, kept as typed by
    Click's `\\b`) as a bold label and a code block: Markdown would join their lines."""
    lines = markdown.splitlines()
    out: list[str] = []
    at = 0
    while at < len(lines):
        line = lines[at]
        block = []
        if re.fullmatch(r"[A-Z][A-Za-z ]*:", line):
            end = at + 1
            while end < len(lines) and lines[end].startswith("  "):
                block.append(lines[end][2:])
                end += 1
        if not block:
            out.append(line)
            at += 1
            continue
        out += [f"**{line[:-1]}**:", "", "```text", *block, "```"]
        at = end
    return "\n".join(out)


def _demote_headings(markdown: str) -> str:
    """`# x` → `## x`, outside fenced code blocks."""
    lines: list[str] = []
    fenced = False
    for line in markdown.splitlines():
        if line.startswith("```"):
            fenced = not fenced
        elif not fenced and re.match(r"#+ ", line):
            line = "#" + line
        lines.append(line)
    return "\n".join(lines)
