"""Reading `scaffold.yaml`: the only package that parses YAML or shorthand strings.

`load_spec(path)` returns a frozen, validated `Spec` or raises `SpecError` listing
every problem of the file at once.
"""

from __future__ import annotations

from pathlib import Path

from scaffolder.errors import Problem, SpecError, UsageError, display_path
from scaffolder.model.spec import Spec
from scaffolder.state import SPEC_FILE

__all__ = ["load_spec", "parse_cli_fields", "parse_spec", "read_spec_text"]


def load_spec(path: Path) -> Spec:
    """Load and validate the spec file at `path`."""
    return parse_spec(read_spec_text(path), display_path(path))


def read_spec_text(path: Path) -> str:
    """The text of the spec file at `path`; a missing or undecodable file is refused
    with a message, not a traceback."""
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise UsageError(
            f"spec file {display_path(path)} does not exist",
            hint="create one with `scaffold new`, or pass the path of a scaffold.yaml",
        ) from None
    except IsADirectoryError:
        raise UsageError(f"{display_path(path)} is a directory, not a spec file") from None
    except UnicodeDecodeError as error:
        raise SpecError(
            [
                Problem(
                    display_path(path),
                    0,
                    0,
                    f"the file is not UTF-8 text ({error.reason})",
                    hint="save scaffold.yaml as UTF-8",
                )
            ]
        ) from None


def parse_spec(text: str, file: str = SPEC_FILE) -> Spec:
    """Validate spec text; `file` is the name used in error messages."""
    from scaffolder.spec.loader import SpecLoader

    return SpecLoader(text, file).load()


def parse_cli_fields(arguments: list[str]) -> list[tuple[str, str]]:
    """Check `name:SHORTHAND` arguments; return (name, shorthand as written in the spec).

    Everything that can be checked about a field on its own is checked here, so a
    mistake is reported against the argument the user typed, before anything is
    written. References to other resources are checked when the spec is loaded.
    """
    from scaffolder.spec.cli_fields import check_cli_fields

    return check_cli_fields(arguments)
