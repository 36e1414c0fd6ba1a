"""The only module that prints: errors, summaries and plans, through rich.

Errors go to stderr, results to stdout. Colours appear only on a terminal, so
piped and captured output (tests, CI logs) is plain, stable text.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console

    from scaffolder.errors import Problem, ScaffoldError
    from scaffolder.model.spec import Resource, Spec
    from scaffolder.plan import Plan


@cache
def _console(stderr: bool) -> Console:
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=True)


def out() -> Console:
    return _console(False)


def err() -> Console:
    return _console(True)


def error(exc: ScaffoldError) -> None:
    """Report a tool error: every problem of a spec, or one message with a hint."""
    from scaffolder.errors import SpecError, UsageError

    console = err()
    if isinstance(exc, SpecError):
        for problem in exc.problems:
            _problem(console, problem)
        count = len(exc.problems)
        files = sorted({p.file for p in exc.problems})
        console.print(
            f"[bold red]{count} error{'s' if count != 1 else ''}[/] in {', '.join(files)}; "
            "nothing was written."
        )
        return
    console.print(f"[bold red]error:[/] {_escape(str(exc))}")
    if isinstance(exc, UsageError) and exc.hint:
        console.print(f"  [cyan]hint:[/] {_escape(exc.hint)}")


def _problem(console: Console, problem: Problem) -> None:
    console.print(
        f"[bold]{_escape(problem.where)}:[/] [bold red]error:[/] {_escape(problem.message)}"
    )
    if problem.snippet is not None:
        gutter = f"{problem.line:>4} | " if problem.line > 0 else "     | "
        shown, indent, width = caret_line(problem.snippet, problem.column, problem.span)
        console.print(f"[dim]{gutter}[/]{_escape(shown)}", overflow="ignore", crop=False)
        console.print(f"[dim]     | [/]{' ' * indent}[bold red]{'^' * width}[/]")
    if problem.hint:
        console.print(f"  [cyan]hint:[/] {_escape(problem.hint)}")
    if problem.example:
        lines = problem.example.splitlines()
        console.print(f"  [green]example:[/] {_escape(lines[0])}")
        for line in lines[1:]:
            console.print(f"           {_escape(line)}")
    console.print()


def caret_line(snippet: str, column: int, span: int) -> tuple[str, int, int]:
    """The source line as shown, and where and how wide its caret goes, in terminal cells.

    Tabs are shown as one space and control characters as `�`, so every character takes
    the cells the caret counts; wide characters (`名`) take two.
    """
    import unicodedata

    from rich.cells import cell_len

    shown = "".join(
        " " if char == "\t" else "\ufffd" if unicodedata.category(char) == "Cc" else char
        for char in snippet
    )
    start = max(column, 1) - 1
    indent = cell_len(shown[:start]) + max(start - len(shown), 0)
    width = max(cell_len(shown[start : start + span]), 1 if start >= len(shown) else 0)
    return shown, indent, max(width, 1)


def spec_summary(spec: Spec) -> None:
    """The table `scaffold check` prints for a valid spec."""
    from rich.table import Table

    console = out()
    count = len(spec.resources)
    console.print(
        f"[bold green]✓[/] {_escape(spec.path or 'spec')} is valid: "
        f"{count} resource{'s' if count != 1 else ''}"
    )
    if not spec.resources:
        return
    table = Table(show_edge=False, header_style="bold", pad_edge=False)
    for column in ("resource", "table", "fields", "relations", "layers"):
        table.add_column(column)
    for resource in spec.resources:
        table.add_row(
            resource.name,
            resource.names.table,
            str(len(resource.fields)),
            _relations(resource),
            ", ".join(layer.value for layer in resource.layers) or "-",
        )
    console.print(table)


def _relations(resource: Resource) -> str:
    parts = [
        f"{f.name} → {f.relation.target}{'[]' if f.relation.many else ''}"
        for f in resource.fields
        if f.relation is not None
    ]
    return ", ".join(parts) or "-"


def _escape(text: str) -> str:
    from rich.markup import escape

    return escape(text)


_VERB_STYLE = {
    "create": "bold green",
    "update": "bold yellow",
    "merge": "bold blue",
    "inject": "bold cyan",
    "remove": "bold red",
    "identical": "dim",
    "skip": "dim",
    "keep": "yellow",
    "conflict": "bold red",
    "manual": "bold magenta",
}


def plan(
    the_plan: Plan, *, dry_run: bool = False, verbose: bool = False, diffs: bool = True
) -> None:
    """Rails-style lines, one per file (`create  app/models/post.py`); diffs in a dry run."""
    import difflib

    from scaffolder.plan import Action

    console = out()
    for op in the_plan.ops:
        if op.action in (Action.IDENTICAL, Action.SKIP) and not verbose:
            continue
        style = _VERB_STYLE[op.action.value]
        note = f"  [dim]({_escape(op.note)})[/]" if op.note else ""
        console.print(f"[{style}]{op.action.value:>10}[/]  {_escape(op.path)}{note}")
        if dry_run and diffs and op.text is not None and op.action is not Action.IDENTICAL:
            before = (op.current or "").splitlines(keepends=True)
            after = op.text.splitlines(keepends=True)
            for line in difflib.unified_diff(before, after, f"a/{op.path}", f"b/{op.path}"):
                colour = {"+": "green", "-": "red", "@": "cyan"}.get(line[:1])
                text = _escape(line.rstrip("\n"))
                console.print(
                    f"[{colour}]{text}[/]" if colour else text, overflow="ignore", crop=False
                )
    writes = len(the_plan.changes)
    problems = the_plan.problems
    if dry_run:
        console.print(
            f"[bold]dry run:[/] {writes} file{'s' if writes != 1 else ''} would change; "
            "nothing was written."
        )
    elif the_plan.changes_nothing:
        console.print("Nothing to do: everything is up to date.")
    for op in problems:
        err().print(f"[bold red]{op.action.value}:[/] {_escape(op.path)}: {_escape(op.note or '')}")


def warnings(items: list[str]) -> None:
    """Warnings to read before applying (a migration that loses data)."""
    for item in items:
        err().print(f"[bold yellow]warning:[/] {_escape(item)}")
