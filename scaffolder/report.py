"""The only module that prints: errors, summaries, plans and progress, through rich.

Errors go to stderr, results to stdout. Colours appear only on a terminal, so
piped and captured output (tests, CI logs) is plain, stable text. Two global modes
change what is printed: `--quiet` keeps only warnings and errors (and the data a
command exists to print, like `schema`); `--json` prints nothing but one JSON
document at the end of the run (its shape: `scaffolder.json_output`).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console

    from scaffolder.commands.new import NewProject
    from scaffolder.errors import Problem, ScaffoldError
    from scaffolder.generation import Generation
    from scaffolder.model.spec import Resource, Spec
    from scaffolder.plan import Plan
    from scaffolder.progress import Progress
    from scaffolder.render.catalog import Override


@dataclass
class _Session:
    """How this run reports: the global options, and the --json document being built."""

    quiet: bool = False
    json: bool = False
    document: dict[str, Any] | None = None


_session = _Session()


def configure(*, quiet: bool = False, json: bool = False) -> None:
    """Start a run with the global output options (called once per invocation)."""
    _session.quiet = quiet
    _session.json = json
    _session.document = None


def begin(command: str) -> None:
    """A command starts: with --json, its document begins."""
    if _session.json:
        from scaffolder import json_output

        _session.document = json_output.document(command)


def finish(status: int) -> None:
    """The run ends with exit `status`: with --json, print its document (once)."""
    document = _session.document
    if not _session.json or document is None:
        return
    import json

    import typer

    document["result"]["status"] = status
    typer.echo(json.dumps(document, indent=2, ensure_ascii=False))
    _session.document = None


def _json() -> dict[str, Any] | None:
    """The --json document to fill in, or None when printing for people."""
    if not _session.json:
        return None
    if _session.document is None:  # an error before any command started
        from scaffolder import json_output

        _session.document = json_output.document(None)
    return _session.document


@cache
def _console(stderr: bool) -> Console:
    from rich.console import Console

    # emoji=False: a name or path the user typed is printed as typed (`x:fire:.yaml`, not
    # `x🔥.yaml`); scaffold itself writes no emoji codes.
    return Console(stderr=stderr, highlight=False, soft_wrap=True, emoji=False)


def out() -> Console:
    """Results (stdout): silent with --quiet and --json."""
    console = _console(False)
    console.quiet = _session.quiet or _session.json
    return console


def err() -> Console:
    """Warnings and errors (stderr): silent only with --json, where they go in the document."""
    console = _console(True)
    console.quiet = _session.json
    return console


def error(exc: ScaffoldError) -> None:
    """Report a tool error: every problem of a spec, or one message with a hint."""
    from scaffolder.errors import SpecError, UsageError

    document = _json()
    if document is not None:
        from scaffolder import json_output

        document["result"]["problems"].extend(json_output.error_problems(exc))
        return
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


def interrupted(signal_name: str) -> None:
    """The run was stopped by a signal, every file written whole or not at all."""
    text = f"stopped by {signal_name}: no file was left half-written"
    document = _json()
    if document is not None:
        from scaffolder import json_output

        document["result"]["problems"].append(json_output.problem("interrupted", text))
        return
    err().print(f"[bold red]interrupted:[/] {_escape(text)}")


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

    document = _json()
    if document is not None:
        from scaffolder import json_output

        document["spec"] = json_output.spec_summary(spec)
        return
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


def templates(found: list[Override]) -> None:
    """`scaffold blueprints list`: the templates, what they generate, the project's overrides.

    Data the command exists to print: shown even with --quiet.
    """
    document = _json()
    if document is not None:
        document["templates"] = [
            {
                "name": item.template.name,
                "generates": item.template.generates,
                "overridden": item.overridden,
                "modified": item.modified,
            }
            for item in found
        ]
        return
    rows = [
        (
            item.template.name,
            item.template.generates,
            "" if not item.overridden else "edited" if item.modified else "copied, unchanged",
        )
        for item in found
    ]
    widths = [
        max(len(row[column]) for row in [("template", "generates", ""), *rows]) for column in (0, 1)
    ]
    console = _console(False)  # the data asked for: printed even with --quiet
    console.quiet = False
    head = f"{'template':<{widths[0]}}  {'generates':<{widths[1]}}  override"
    console.print(f"[bold]{head}[/]", crop=False)
    for name, generates, state in rows:
        style = "bold green" if state == "edited" else "dim"
        line = f"{name:<{widths[0]}}  {_escape(generates):<{widths[1]}}"
        console.print(f"{line}  [{style}]{state}[/]" if state else line.rstrip(), crop=False)
    count = sum(1 for item in found if item.overridden)
    console.print(
        f"{count} of {len(found)} templates overridden in blueprints/; "
        "`scaffold blueprints eject TEMPLATE` copies one there."
    )


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


#: The summary's columns: plan verbs as past participles, in the order of a run.
_SUMMARY = (
    ("create", "created"),
    ("update", "updated"),
    ("merge", "merged"),
    ("inject", "injected"),
    ("remove", "removed"),
    ("keep", "kept"),
    ("conflict", "conflicted"),
    ("skip", "skipped"),
    ("manual", "manual"),
)


def generation(result: Generation, *, dry_run: bool = False, check: bool = False) -> None:
    """What a generate/sync/destroy run did (or would do): warnings, then its plan."""
    warnings(result.warnings)
    plan(result.plan, dry_run=dry_run, check=check, migration=result.migration)


def plan(
    the_plan: Plan,
    *,
    dry_run: bool = False,
    check: bool = False,
    verbose: bool = False,
    diffs: bool = True,
    migration: str | None = None,
) -> None:
    """Rails-style lines, one per file (`create  app/models/post.py`), then a summary.

    A dry run adds coloured unified diffs (unless `diffs` is off); `check` (sync
    --check) lists without diffs and says the project is out of date.
    """
    if _plan_json(the_plan, dry_run=dry_run or check, migration=migration):
        return
    console = out()
    _lines(console, the_plan, diffs=dry_run and diffs and not check, verbose=verbose)
    writes = len(the_plan.changes)
    files = f"{writes} file{'s' if writes != 1 else ''}"
    if the_plan.changes_nothing:
        console.print("Nothing to do: everything is up to date.")
    else:
        summary(the_plan, migration)
        if check:
            console.print(f"[bold]out of date:[/] {files} would change; run `scaffold sync`.")
        elif dry_run:
            console.print(f"[bold]dry run:[/] {files} would change; nothing was written.")
    for op in the_plan.problems:
        err().print(f"[bold red]{op.action.value}:[/] {_escape(op.path)}: {_escape(op.note or '')}")


def _plan_json(the_plan: Plan, *, dry_run: bool, migration: str | None) -> bool:
    """Put the plan in the --json document; False when printing for people."""
    document = _json()
    if document is None:
        return False
    from scaffolder import json_output

    document["plan"] = [json_output.file_op(op) for op in the_plan.ops]
    document["result"]["dry_run"] = dry_run
    document["result"]["migration"] = migration
    document["result"]["problems"].extend(json_output.op_problem(op) for op in the_plan.problems)
    return True


def _lines(console: Console, the_plan: Plan, *, diffs: bool, verbose: bool) -> None:
    from scaffolder.plan import Action

    for op in the_plan.ops:
        if op.action in (Action.IDENTICAL, Action.SKIP) and not verbose:
            continue
        style = _VERB_STYLE[op.action.value]
        note = f"  [dim]({_escape(op.note)})[/]" if op.note else ""
        console.print(f"[{style}]{op.action.value:>10}[/]  {_escape(op.path)}{note}")
        if diffs and op.text is not None and op.action is not Action.IDENTICAL:
            _diff(console, op.path, op.current or "", op.text)


def new_project(created: NewProject, *, dry_run: bool) -> None:
    """What `scaffold new` made: the files (listed in a dry run), a summary, next steps."""
    from scaffolder.errors import display_path

    where = display_path(created.path)
    record(
        "project",
        {"path": where, "package": created.package_name, "files": created.files},
    )
    if created.package_name is None:
        from scaffolder.commands.new import NOT_A_SCAFFOLD_PROJECT

        warnings([NOT_A_SCAFFOLD_PROJECT])
    if _plan_json(created.plan, dry_run=dry_run, migration=created.migration):
        return
    console = out()
    if dry_run:
        _lines(console, created.plan, diffs=False, verbose=False)
    summary(created.plan, created.migration)
    if dry_run:
        console.print(f"[bold]dry run:[/] {where} would be created; nothing was written.")
        return
    cd = f"  cd {where}\n" if where != "." else ""
    package = created.package_name
    if package is None:
        message(f"Created {where}.")
        return
    message(
        f"Created {where} (package {package}).\n"
        f"Next:\n"
        f"{cd}"
        f"  pip install -e '.[dev]'\n"
        f"  alembic upgrade head\n"
        f"  python -m {package} createsuperuser --email you@example.com --password '…'\n"
        f"  python -m {package} serve"
    )


def _diff(console: Console, path: str, before: str, after: str) -> None:
    import difflib

    lines = difflib.unified_diff(
        before.splitlines(keepends=True), after.splitlines(keepends=True), f"a/{path}", f"b/{path}"
    )
    for line in lines:
        colour = {"+": "green", "-": "red", "@": "cyan"}.get(line[:1])
        text = _escape(line.rstrip("\n"))
        console.print(f"[{colour}]{text}[/]" if colour else text, overflow="ignore", crop=False)


def summary(the_plan: Plan, migration: str | None) -> None:
    """How many files each verb touched, and the migration written: a table on a terminal,
    one stable line elsewhere (`summary: 24 created, 4 injected`)."""
    from collections import Counter

    counts = Counter(op.action.value for op in the_plan.ops)
    shown = [(verb, label, counts[verb]) for verb, label in _SUMMARY if counts[verb]]
    console = out()
    if not shown:
        return
    if not console.is_terminal:
        console.print("summary: " + ", ".join(f"{count} {label}" for _, label, count in shown))
        if migration:
            console.print(f"migration: {_escape(migration)}")
        return
    from rich import box
    from rich.table import Table

    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    for verb, label, _ in shown:
        table.add_column(label, justify="right", header_style=_VERB_STYLE[verb])
    table.add_row(*(f"[{_VERB_STYLE[verb]}]{count}[/]" for verb, _, count in shown))
    console.print(table)
    if migration:  # a line of its own: a long file name is never cut
        console.print(f"[bold]migration[/] {_escape(migration)}", crop=False)


def warnings(items: list[str]) -> None:
    """Warnings to read before applying (a migration that loses data)."""
    document = _json()
    if document is not None:
        document["result"]["warnings"].extend(items)
        return
    for item in items:
        err().print(f"[bold yellow]warning:[/] {_escape(item)}")


def data(key: str, value: Any, text: str) -> None:
    """The data a command exists to print (`schema`): `text` on stdout even with --quiet;
    with --json, `value` under `key` in the document."""
    document = _json()
    if document is not None:
        document[key] = value
        return
    import typer

    typer.echo(text)


def message(text: str) -> None:
    """A line for people (stdout), silenced by --quiet and --json."""
    out().print(text, markup=False, highlight=False)


def record(key: str, value: Any) -> None:
    """Command-specific data for the --json document (`project` of `new`)."""
    document = _json()
    if document is not None:
        document[key] = value


#: Rendering this many resources or more shows a progress bar (on a terminal).
PROGRESS_THRESHOLD = 10


@contextmanager
def progress(threshold: int | None = None) -> Iterator[Progress]:
    """A `Progress` callback drawing a transient bar on stderr, for long runs only.

    The bar appears once a stage reports a total of at least `threshold` (many
    resources; `PROGRESS_THRESHOLD` by default), and never off a terminal, with --quiet
    or with --json.
    """
    from scaffolder.progress import ignore

    least = PROGRESS_THRESHOLD if threshold is None else threshold
    console = err()
    if _session.quiet or _session.json or not console.is_terminal:
        yield ignore
        return
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        SpinnerColumn,
        TaskID,
        TextColumn,
        TimeElapsedColumn,
    )
    from rich.progress import Progress as Bar

    bar: Bar | None = None
    tasks: dict[str, TaskID] = {}

    def advance(stage: str, done: int, total: int | None) -> None:
        nonlocal bar
        if bar is None:
            if total is None or total < least:
                return
            bar = Bar(
                SpinnerColumn(),
                TextColumn("{task.description:<12}"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                console=console,
                transient=True,
            )
            bar.start()
        if stage not in tasks:
            tasks[stage] = bar.add_task(stage, total=total)
        bar.update(tasks[stage], completed=done, total=total)

    try:
        yield advance
    finally:
        if bar is not None:
            bar.stop()
