"""`scaffold schema`: the JSON Schema of scaffold.yaml, for editor completion."""

from __future__ import annotations

import typer


def schema() -> None:
    """Print the JSON Schema of the spec format on stdout.

    Example: scaffold schema > .vscode/scaffold.schema.json
    """
    import json

    from scaffolder.spec.json_schema import spec_json_schema

    typer.echo(json.dumps(spec_json_schema(), indent=2))
