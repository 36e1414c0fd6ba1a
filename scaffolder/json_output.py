"""The shape of `--json` output: one document per run, documented and versioned.

Every command prints exactly one JSON object on stdout:

    {
      "version": 1,                      # bumped only on an incompatible change
      "command": "sync",                 # the command path: "generate resource", …
      "plan": [                          # every file the run considered, in order
        {"action": "create", "path": "app/models/post.py", "owner": "Post", "note": null}
      ],
      "result": {
        "status": 0,                     # the exit status: 0 ok, 1 drift/conflict, 2 bad input
        "dry_run": false,                # true for --dry-run and --check: nothing written
        "migration": "migrations/versions/0002_create_posts.py",  # or null
        "warnings": ["…"],
        "problems": [                    # what made the status non-zero
          {"kind": "spec", "file": "scaffold.yaml", "line": 5, "column": 14,
           "message": "…", "hint": "…", "example": null}
        ]
      }
    }

plus, per command, the data it exists to show: `spec` (check), `project` (new),
`schema` (schema), `templates` (blueprints list). `action` is one of the plan verbs
(create, update, merge, inject, remove, identical, skip, keep, conflict, manual);
`owner` is the resource that generates the file, "project", "migration", or null
for files that are the user's own. `kind` is spec, error, usage, conflict, manual, or
interrupted (a run stopped by SIGINT or SIGTERM: status 130 or 143).
This module only builds the data; `report` prints it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from scaffolder.errors import Problem, ScaffoldError
    from scaffolder.model.spec import Spec
    from scaffolder.plan import FileOp

VERSION = 1


def document(command: str | None) -> dict[str, Any]:
    """An empty document for `command`, filled in as the run reports."""
    return {
        "version": VERSION,
        "command": command,
        "plan": [],
        "result": {
            "status": 0,
            "dry_run": False,
            "migration": None,
            "warnings": [],
            "problems": [],
        },
    }


def file_op(op: FileOp) -> dict[str, Any]:
    return {"action": op.action.value, "path": op.path, "owner": op.owner, "note": op.note}


def problem(
    kind: str,
    message: str,
    *,
    file: str | None = None,
    line: int | None = None,
    column: int | None = None,
    hint: str | None = None,
    example: str | None = None,
) -> dict[str, Any]:
    return {
        "kind": kind,
        "file": file,
        "line": line,
        "column": column,
        "message": message,
        "hint": hint,
        "example": example,
    }


def spec_problem(item: Problem) -> dict[str, Any]:
    positioned = item.line > 0
    return problem(
        "spec",
        item.message,
        file=item.file,
        line=item.line if positioned else None,
        column=item.column if positioned else None,
        hint=item.hint,
        example=item.example,
    )


def error_problems(error: ScaffoldError) -> list[dict[str, Any]]:
    """The problems of a tool error: each of a spec's, or the one message with its hint."""
    from scaffolder.errors import SpecError, UsageError

    if isinstance(error, SpecError):
        return [spec_problem(item) for item in error.problems]
    hint = error.hint if isinstance(error, UsageError) else None
    return [problem("error", str(error), hint=hint)]


def op_problem(op: FileOp) -> dict[str, Any]:
    """A conflict or a wiring edit left to the user."""
    return problem(op.action.value, op.note or op.action.value, file=op.path)


def spec_summary(spec: Spec) -> dict[str, Any]:
    return {
        "path": spec.path,
        "resources": [
            {
                "name": resource.name,
                "table": resource.names.table,
                "fields": [field.name for field in resource.fields],
                "relations": [
                    {"field": f.name, "target": f.relation.target, "many": f.relation.many}
                    for f in resource.fields
                    if f.relation is not None
                ],
                "layers": [layer.value for layer in resource.layers],
            }
            for resource in spec.resources
        ],
    }
