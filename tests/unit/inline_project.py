"""A small inline scaffold project with stand-in templates, for pipeline tests.

The project's own `blueprints/resource/` overrides the bundled templates, so tests
exercise the pipeline (spec edit, render, wiring, migration, merge, state, plan)
without depending on what the real templates generate.
"""

from __future__ import annotations

from pathlib import Path

from scaffolder.render.resource import RESOURCE_FILES
from scaffolder.spec.json_schema import SCHEMA_PATH, schema_text

SKELETON = {
    "scaffold.yaml": "version: 1\n# The resources of this project.\nresources: {}\n",
    "app/main.py": '"""App."""\n',
    "app/models/base.py": '"""Base."""\n',
    "app/models/__init__.py": (
        '"""Models."""\n\nfrom app.models.base import Base\nfrom app.models.user import User\n\n'
        '__all__ = ["Base", "User"]\n'
    ),
    "app/models/user.py": (
        '"""User."""\n\nfrom sqlalchemy.orm import Mapped, mapped_column\n\nfrom app.models.base '
        'import Base\n\n\nclass User(Base):\n    """A user."""\n\n'
        "    id: Mapped[int] = mapped_column(primary_key=True)\n\n"
        "    def __str__(self) -> str:\n        return str(self.id)\n"
    ),
    "app/routes.py": (
        '"""Routes."""\n\nfrom fastapi import FastAPI\n\n\n'
        'def include_routers(app: FastAPI) -> None:\n    """All routers."""\n'
    ),
    "app/admin/registry.py": '"""Admin."""\n\nADMIN_RESOURCES: list[object] = []\n',
    "app/nav.py": '"""Nav."""\n\nNAV: list[object] = []\n',
    "migrations/versions/0001_create_users.py": (
        '"""Users."""\n\nrevision: str = "0001"\ndown_revision: str | None = None\n'
    ),
    SCHEMA_PATH: schema_text(),  # as `scaffold new` writes it
}


def make_project(root: Path) -> Path:
    """Write the inline skeleton and one-line stand-in templates under `root`."""
    for path, text in SKELETON.items():
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text)
    for blueprint in RESOURCE_FILES:
        set_template(
            root, blueprint.template, '"""{{ resource.name }}: ' + blueprint.template + '."""\n'
        )
    return root


def set_template(root: Path, template: str, text: str) -> None:
    """Override one resource template of the project."""
    target = root / "blueprints" / "resource" / template
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text)


def snapshot(root: Path) -> dict[str, str]:
    """Every file of the project (undo data excluded), for before/after comparisons."""
    return {
        str(p.relative_to(root)): p.read_text()
        for p in sorted(root.rglob("*"))
        if p.is_file() and ".scaffold/undo" not in str(p)
    }
