"""The plurals of projects made before scaffold kept plural and uncountable words.

Until 2026-12-04 every word got inflect's plural: `Staff` had the table, URL and
functions `staffs`, `Values` had `valuess`. Scaffold now derives `staff` and `values`,
as Rails does. A project made the old way keeps its names: its tables hold the users'
rows, its URLs are what API clients call, its hand-written code names the functions.
Like a Rails app that sets `self.table_name` after changing an inflection, the run pins
them in scaffold.yaml (`plural: Staffs`, which gives back every name that release
derived) and says so. Renaming stays the user's choice: drop the line and write the
table's rename migration.

A resource was made the old way when its spec declares neither `plural` nor `table`,
the two releases derive different tables for it, and the model module the last run
generated maps the earlier one (`__tablename__ = "staffs"`).
"""

from __future__ import annotations

from scaffolder.generation.project_state import ProjectState
from scaffolder.model.names import Names, earlier_plural_label
from scaffolder.model.spec import Spec


def earlier_plurals(state: ProjectState, spec: Spec) -> dict[str, str]:
    """Resource → the plural to pin (`{"Staff": "Staffs"}`), for each resource of `spec`
    that the last run generated with the names of the earlier plurals."""
    pins: dict[str, str] = {}
    for resource in spec.resources:
        now = Names.derive(resource.name)
        if resource.names != now:  # `plural:` or `table:` declared
            continue
        earlier = earlier_plural_label(resource.name)
        table = Names.derive(resource.name, plural=earlier).table
        if table == now.table:
            continue
        model = f"{state.package}/models/{now.snake}.py"
        if model in state.records and f'__tablename__ = "{table}"' in state.base(model):
            pins[resource.name] = earlier
    return pins


def pinned_note(plurals: dict[str, str]) -> list[str]:
    """What the run tells the user about the plurals it pinned."""
    return [
        f"kept the names {name} was made with: `plural: {plural}` added to scaffold.yaml "
        f"(table {Names.derive(name, plural=plural).table}); scaffold now derives "
        f"{Names.derive(name).table}. To rename, remove the line and add a migration "
        f"renaming the table (docs/regeneration.md)"
        for name, plural in plurals.items()
    ]
