"""Regeneration on real generated projects: spec and code both changed by hand, then sync.

For each example spec: generate a project, make hand edits (a line inside a
generated function, a new function, a template line) and spec changes (a new
field, a removed field, a column rename via `renamed_from`, a new resource that
refers to an old one), sync, and check the edits survived, the spec changes landed
and the project is still green: ruff, mypy --strict, alembic upgrade + check (from
an empty database) and the project's own tests. Then a second sync changes nothing,
and a real conflict stops with markers until it is resolved.

The tools run with this interpreter (the dev extra holds the generated project's
dependencies) and the project root on PYTHONPATH.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from e2e.support import PostgresServer
from scaffolder.cli import app
from scaffolder.examples import example_path

pytestmark = pytest.mark.e2e

#: Per example: the resource edited and its module; a field renamed: (old name, new name,
#: its shorthand, its long form); a field dropped: (resource, field).
CASES = {
    "blog": (
        "Post",
        "post",
        ("views", "view_count", "int = 0", "type: int\n        default: 0"),
        ("Author", "website"),
    ),
    "shop": (
        "Product",
        "product",
        ("description", "summary", "text?", "type: text\n        nullable: true"),
        ("Order", "note"),
    ),
}


def scaffold(project: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["-C", str(project), *args])
    return result.exit_code, result.output


def run(project: Path, *command: str, database_url: str | None = None) -> str:
    """`python -m COMMAND` in the project, on DATABASE_URL (default: SQLite's check.db)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST_", "DATABASE_URL"))}
    env["PYTHONPATH"] = str(project)
    env["DATABASE_URL"] = database_url or f"sqlite+aiosqlite:///{project / 'check.db'}"
    result = subprocess.run(
        [sys.executable, "-m", *command],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=900,
    )
    assert result.returncode == 0, f"{' '.join(command)}:\n{result.stdout}\n{result.stderr}"
    return result.stdout


def check_green(project: Path) -> None:
    """The project's own toolchain, from an empty database: what every scenario must leave."""
    (project / "check.db").unlink(missing_ok=True)
    run(project, "ruff", "check", ".")
    run(project, "ruff", "format", "--check", ".")
    run(project, "mypy", ".")
    run(project, "alembic", "upgrade", "head")
    run(project, "alembic", "check")
    run(project, "pytest", "-q", "-x", "-p", "no:cacheprovider")


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1))


def declared_block(spec: str, resource: str) -> tuple[int, int]:
    """Start and end offsets of a resource's `fields:` block in the spec text."""
    start = spec.index(f"  {resource}:\n")
    fields = spec.index("    fields:\n", start) + len("    fields:\n")
    return start, fields


@pytest.mark.parametrize("example", sorted(CASES))
def test_sync_after_hand_edits_and_spec_changes_leaves_the_project_green(
    example: str, tmp_path: Path
) -> None:
    resource, module, (old_field, new_field, shorthand, long_form), (drop_from, dropped) = CASES[
        example
    ]
    project = tmp_path / example
    code, output = scaffold(tmp_path, "new", str(project), "--spec", str(example_path(example)))
    assert code == 0, output
    package = example

    # hand edits: inside a generated function, a new function, a template line
    service = project / package / "services" / f"{module}.py"
    replace(
        service,
        "    page_size=PAGE_SIZE,\n",
        "    # hand edit: audit hook goes here\n    page_size=PAGE_SIZE,\n",
    )
    replace(
        service,
        "from sqlalchemy.orm import",
        "from sqlalchemy import select\nfrom sqlalchemy.ext.asyncio import AsyncSession\n"
        "from sqlalchemy.orm import",
    )
    service.write_text(
        service.read_text()
        + "\n\nasync def count_all(db: AsyncSession) -> int:\n"
        + '    """Hand-written: how many rows there are."""\n'
        + f"    return len((await db.scalars(select({resource}))).all())\n"
    )
    model = project / package / "models" / f"{module}.py"
    replace(
        model, f"class {resource}(", f"# hand edit: the heart of the {example}\nclass {resource}("
    )

    # spec changes
    spec_path = project / "scaffold.yaml"
    spec = spec_path.read_text()
    spec = spec.replace(
        f"      {old_field}: {shorthand}\n",
        f"      {new_field}:\n        {long_form}\n        renamed_from: {old_field}\n",
        1,
    )
    _, fields_at = declared_block(spec, resource)
    spec = spec[:fields_at] + "      subtitle: str(120)?\n" + spec[fields_at:]
    start, _ = declared_block(spec, drop_from)
    drop_at = spec.index(f"      {dropped}:", start)
    spec = spec[:drop_at] + spec[spec.index("\n", drop_at) + 1 :]
    spec += (
        "  Review:\n    fields:\n      rating:\n        type: int\n        min: 1\n        max: 5\n"
        f"      subject: ref({resource})\n      comment: text?\n    layers: [api, admin]\n"
    )
    spec_path.write_text(spec)

    code, output = scaffold(project, "sync")
    assert code == 0, output
    text = service.read_text()
    assert "    # hand edit: audit hook goes here\n" in text
    assert "async def count_all(db: AsyncSession) -> int:" in text
    assert f"# hand edit: the heart of the {example}\n" in model.read_text()
    assert f"    {new_field}: Mapped[" in model.read_text()
    assert "subtitle" in model.read_text()
    assert (project / package / "models" / "review.py").is_file()
    migration = next((project / "migrations" / "versions").glob("0003_*.py")).read_text()
    assert f'alter_column("{old_field}", new_column_name="{new_field}")' in migration
    assert f'drop_column("{dropped}")' in migration
    assert '"reviews"' in migration

    check_green(project)

    # a second sync changes nothing
    code, output = scaffold(project, "sync", "--check")
    assert code == 0, output

    # a real conflict: the user and the spec change the same line
    replace(model, "String(120)", "String(150)")
    replace(spec_path, "subtitle: str(120)?", "subtitle: str(140)?")
    code, output = scaffold(project, "sync")
    assert code == 1
    assert "conflict" in output
    assert "<<<<<<< yours" in model.read_text()
    assert scaffold(project, "sync", "--check")[0] == 1
    # resolved by hand: keep scaffold's side
    resolved = model.read_text()
    head, rest = resolved.split("<<<<<<< yours\n", 1)
    theirs = rest.split("=======\n", 1)[1].split(">>>>>>> scaffold\n", 1)
    model.write_text(head + theirs[0] + theirs[1])
    assert scaffold(project, "sync", "--check")[0] == 0


#: Per example, the rest of the scenario list on the real project: a generated file the
#: user deletes; a field the user edited that the spec removes: (resource module, field,
#: the model line, the user's version of it); a field renamed WITHOUT `renamed_from`:
#: (resource, old, new, shorthand); a resource others refer to (and who refers to it);
#: a resource nothing refers to, with the file of it the user edited.
DESTRUCTIVE = {
    "blog": (
        "tests/tag/test_model.py",
        ("post", "views", "    views: Mapped[int] = mapped_column(sa.Integer(), default=0)\n"),
        ("Author", "bio", "about", "text?"),
        ("Tag", "Post.tags"),
        ("Comment", "blog/services/comment.py"),
    ),
    "shop": (
        "tests/category/test_model.py",
        (
            "product",
            "launched_on",
            "    launched_on: Mapped[date | None] = mapped_column(sa.Date())\n",
        ),
        ("Order", "note", "remark", "text?"),
        ("Product", "OrderLine.product"),
        ("OrderLine", "shop/services/order_line.py"),
    ),
}


def take_scaffolds_side(path: Path) -> None:
    """Resolve every diff3 block of `path` the way a user keeping scaffold's text would."""
    text = path.read_text()
    while "<<<<<<< yours\n" in text:
        head, rest = text.split("<<<<<<< yours\n", 1)
        theirs, tail = rest.split("=======\n", 1)[1].split(">>>>>>> scaffold\n", 1)
        text = head + theirs + tail
    path.write_text(text)


@pytest.mark.parametrize("example", sorted(DESTRUCTIVE))
def test_deletions_removals_renames_and_destroy_leave_the_project_green(
    example: str, tmp_path: Path
) -> None:
    deleted, (module, removed, model_line), renamed, referenced, (unreferenced, edited) = (
        DESTRUCTIVE[example]
    )
    project = tmp_path / example
    code, output = scaffold(tmp_path, "new", str(project), "--spec", str(example_path(example)))
    assert code == 0, output
    assert scaffold(project, "sync", "--check")[0] == 0  # fresh: in sync
    spec_path = project / "scaffold.yaml"

    # the user deletes a generated file, and edits the model line of a field...
    (project / deleted).unlink()
    model = project / example / "models" / f"{module}.py"
    users_line = model_line.replace("\n", "  # hand edit: counted by a nightly job\n")
    replace(model, model_line, users_line)
    # ...that the spec then removes; and a field is renamed with no `renamed_from`
    spec = spec_path.read_text()
    removed_at = spec.index(f"      {removed}:")
    spec = spec[:removed_at] + spec[spec.index("\n", removed_at) + 1 :]
    resource, old, new, shorthand = renamed
    spec = spec.replace(f"      {old}: {shorthand}\n", f"      {new}: {shorthand}\n", 1)
    spec_path.write_text(spec)

    code, output = scaffold(project, "sync")
    assert code == 1, output  # the removed field's edited line is a conflict
    assert f"conflict  {example}/models/{module}.py" in output
    assert not (project / deleted).exists()  # deleted by the user: stays deleted
    conflicted = model.read_text()
    assert f"<<<<<<< yours\n{users_line}||||||| generated before\n{model_line}=======\n" in (
        conflicted
    )
    migration = next((project / "migrations" / "versions").glob("0003_*.py")).read_text()
    assert f'drop_column("{removed}")' in migration
    assert f'drop_column("{old}")' in migration  # no renamed_from: drop and add, data lost
    assert f'sa.Column("{new}"' in migration
    assert "alter_column" not in migration
    table = resource.lower() + "s"
    assert f"warning: column `{table}.{old}` is dropped with its data" in output
    assert scaffold(project, "sync", "--check")[0] == 1  # markers still there
    take_scaffolds_side(model)
    assert removed not in model.read_text().split("class ", 1)[1].split("\n\n\n")[0]
    assert scaffold(project, "sync", "--check")[0] == 0
    check_green(project)

    # destroy: refused while referenced, naming who refers; nothing changes
    before = spec_path.read_text()
    name, referring = referenced
    code, output = scaffold(project, "destroy", "resource", name)
    assert code == 2, output
    assert referring in output
    assert spec_path.read_text() == before

    # destroy a resource nothing refers to: its files and wiring go, its table is
    # dropped, the file the user edited is kept (and reported) as the user's own
    edited_file = project / edited
    edited_file.write_text(edited_file.read_text() + "\n# hand edit: keep me\n")
    code, output = scaffold(project, "destroy", "resource", unreferenced)
    assert code == 0, output
    assert f"keep  {edited}" in output
    assert edited_file.read_text().endswith("# hand edit: keep me\n")
    assert f"  {unreferenced}:" not in spec_path.read_text()
    snake = edited.rsplit("/", 1)[1].removesuffix(".py")
    assert not (project / example / "models" / f"{snake}.py").exists()
    assert not (project / "tests" / snake).exists()  # no empty directory left behind
    migration = next((project / "migrations" / "versions").glob("0004_*.py")).read_text()
    assert f'op.drop_table("{snake}s")' in migration
    edited_file.unlink()  # the user's own now: they drop it, as the report suggests
    check_green(project)
    assert scaffold(project, "sync", "--check")[0] == 0


def sqlite_index(database: Path, name: str) -> str:
    """The CREATE INDEX statement SQLite keeps for index `name` ("" if there is none)."""
    with sqlite3.connect(database) as connection:
        row = connection.execute("SELECT sql FROM sqlite_master WHERE name = ?", (name,)).fetchone()
    return str(row[0]) if row else ""


def test_the_index_of_the_default_order_follows_the_spec_on_sqlite_and_postgresql(
    tmp_path: Path, postgres: PostgresServer
) -> None:
    """blog's Post is ordered by [-published_at, title]: an index serves that order, survives
    SQLite's table rebuilds, and changes with `ordering` (alembic check on both databases,
    and the generated migration tests, which compare index directions on SQLite too)."""
    project = tmp_path / "blog"
    code, output = scaffold(tmp_path, "new", str(project), "--spec", str(example_path("blog")))
    assert code == 0, output
    sqlite_db, postgresql = project / "check.db", postgres.database("ordering")
    spec_path = project / "scaffold.yaml"

    def migrate_and_check() -> None:
        for url in (None, postgresql):
            run(project, "alembic", "upgrade", "head", database_url=url)
            run(project, "alembic", "check", database_url=url)

    migrate_and_check()
    ordered = "CREATE INDEX ix_posts_ordering ON posts (published_at DESC, title, id)"
    assert sqlite_index(sqlite_db, "ix_posts_ordering") == ordered

    # a longer title: SQLite rebuilds `posts` to alter it (batch mode), which loses DESC
    replace(spec_path, "      title: str(200)\n", "      title: str(250)\n")
    code, output = scaffold(project, "sync")
    assert code == 0, output
    migrate_and_check()
    assert sqlite_index(sqlite_db, "ix_posts_ordering") == ordered

    # a new order: the index is replaced; a downgrade brings the old one back
    replace(spec_path, "ordering: [-published_at, title]", "ordering: [title, -views]")
    code, output = scaffold(project, "sync")
    assert code == 0, output
    assert "migration: migrations/versions/0004_index_posts_by_title_views.py" in output
    migrate_and_check()
    reordered = "CREATE INDEX ix_posts_ordering ON posts (title, views DESC, id)"
    assert sqlite_index(sqlite_db, "ix_posts_ordering") == reordered
    run(project, "alembic", "downgrade", "-1")
    assert sqlite_index(sqlite_db, "ix_posts_ordering") == ordered
    run(project, "alembic", "upgrade", "head")

    # back to the default order (by id): no index of its own
    replace(spec_path, "    ordering: [title, -views]\n", "")
    code, output = scaffold(project, "sync")
    assert code == 0, output
    migrate_and_check()
    assert sqlite_index(sqlite_db, "ix_posts_ordering") == ""
    for url in (None, postgresql):
        run(
            project,
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "tests/test_migrations.py",
            database_url=url,
        )
