"""`scaffold schema`: the JSON Schema of scaffold.yaml, for editor completion."""


def schema() -> None:
    """Print the JSON Schema of the spec format on stdout.

    Editors with JSON Schema support complete and check scaffold.yaml with it.
    Projects made by `scaffold new` carry it in .scaffold/schema.json.

    \b
    Example:
      scaffold schema > spec.schema.json
    """
    from scaffolder import report
    from scaffolder.spec.json_schema import schema_text, spec_json_schema

    report.data("schema", spec_json_schema(), schema_text().rstrip("\n"))
