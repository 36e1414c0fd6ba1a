"""Migrations from the spec: creation order, cycles, association tables, revision chain."""

from __future__ import annotations

import pytest

from scaffolder.migrate.create import create_resources
from scaffolder.migrate.diff import diff_specs
from scaffolder.migrate.revisions import MigrationChainError, head, new_revision, read_revisions
from scaffolder.model.spec import creation_order
from scaffolder.spec import parse_spec

CYCLE = """
version: 1
resources:
  Team:
    fields:
      name: str(80)
      captain:
        type: ref(Player)
        nullable: true
        on_delete: set_null
        back: captained_teams
  Player:
    fields:
      name: str(80)
      team: ref(Team)
      mentor:
        type: ref(Player)
        nullable: true
        on_delete: set_null
        back: mentees
      skills: many(Skill)
  Skill:
    fields:
      name: str(40) unique
"""

USERS = '''"""Create users."""

revision: str = "0001"
down_revision: str | None = None
'''


def test_tables_are_created_before_the_tables_that_refer_to_them() -> None:
    spec = parse_spec(CYCLE)
    ordered, deferred = creation_order(list(spec.resources))
    position = {r.name: i for i, r in enumerate(ordered)}
    # Team → Player → Team is a cycle: exactly one of its foreign keys is added afterwards
    assert len(deferred) == 1
    assert deferred <= {("Team", "captain"), ("Player", "team")}
    for resource in ordered:
        for field in resource.refs:
            target = field.relation.target if field.relation else ""
            if target != resource.name and (resource.name, field.name) not in deferred:
                assert position[target] < position[resource.name], (resource.name, field.name)


def test_cycle_closing_foreign_key_is_added_after_every_table_in_batch_mode() -> None:
    ops = create_resources(list(parse_spec(CYCLE).resources))
    upgrade = "\n".join(ops.upgrade)
    last_table = max(upgrade.index(f'"{t}"') for t in ("teams", "players", "skills"))
    batch = upgrade.index("batch_op.create_foreign_key(")
    assert batch > last_table
    # the self-reference stays inline in players' create_table
    players = upgrade[upgrade.index('op.create_table(\n        "players"') :]
    assert 'name=op.f("fk_players_mentor_id_players")' in players.split("op.create_table")[1]


def test_association_table_has_a_composite_primary_key_and_cascading_keys() -> None:
    ops = create_resources(list(parse_spec(CYCLE).resources))
    upgrade = "\n".join(ops.upgrade)
    assert '"players_skills"' in upgrade
    assert 'sa.PrimaryKeyConstraint("player_id", "skill_id", name=op.f("pk_players_skills"))' in (
        upgrade
    )
    assert 'name=op.f("fk_players_skills_skill_id_skills"), ondelete="CASCADE"' in upgrade
    # downgrade drops the association table first and the deferred key before its table
    assert ops.downgrade[0].startswith("with op.batch_alter_table(")
    drops = [line for line in ops.downgrade if line.startswith("op.drop_table")]
    assert drops[0] == 'op.drop_table("players_skills")'


def test_columns_constraints_and_indexes_follow_the_fields() -> None:
    spec = parse_spec(
        """
version: 1
resources:
  Product:
    fields:
      sku: str(32) unique
      name: str(200) index
      code: str(10) unique index
      price: decimal(10,2)
      stock:
        type: int
        min: 0
      status: enum(new, on hold) = new
      data: json?
"""
    )
    upgrade = "\n".join(create_resources(list(spec.resources)).upgrade)
    assert 'sa.Column("sku", sa.String(length=32), nullable=False)' in upgrade
    assert 'sa.UniqueConstraint("sku", name=op.f("uq_products_sku"))' in upgrade
    assert 'op.create_index(op.f("ix_products_name"), "products", ["name"])' in upgrade
    assert 'op.create_index(op.f("ix_products_code"), "products", ["code"], unique=True)' in upgrade
    assert "uq_products_code" not in upgrade
    assert 'sa.Column("price", sa.Numeric(precision=10, scale=2), nullable=False)' in upgrade
    assert r'sa.CheckConstraint("\"stock\" >= 0", name=op.f("ck_products_stock_min"))' in upgrade
    assert 'sa.Column("status", sa.String(length=7), nullable=False)' in upgrade
    assert 'sa.Column("data", sa.JSON(), nullable=True)' in upgrade
    assert 'sa.Column("created_at", sa.DateTime(timezone=True), nullable=False)' in upgrade


def test_revision_follows_the_head_and_its_id_comes_from_its_content() -> None:
    existing = {"migrations/versions/0001_create_users.py": USERS}
    path, text = new_revision(existing, "Create teams.", "create_teams", ["pass"], ["pass"])
    assert path == "migrations/versions/0002_create_teams.py"
    assert 'down_revision: str | None = "0001"' in text
    again = new_revision(existing, "Create teams.", "create_teams", ["pass"], ["pass"])
    assert again == (path, text)
    other = new_revision(existing, "Create teams.", "create_teams", ["op.f()"], ["pass"])
    assert other[1] != text
    chain = read_revisions({**existing, path: text})
    assert head(chain) == chain[-1].revision != "0001"


def test_forked_history_is_refused() -> None:
    fork = USERS.replace('"0001"', '"0002"', 1).replace("None", '"0001"')
    other = USERS.replace('"0001"', '"0003"', 1).replace("None", '"0001"')
    revisions = read_revisions(
        {
            "migrations/versions/a.py": USERS,
            "migrations/versions/b.py": fork,
            "migrations/versions/c.py": other,
        }
    )
    with pytest.raises(MigrationChainError, match="several heads"):
        head(revisions)


ORDERED = """
version: 1
resources:
  Author:
    fields:
      name: str(80)
      favourite:
        type: ref(Post)
        nullable: true
        on_delete: set_null
        back: favoured_by
  Post:
    fields:
      title: str(200)
      published_at: datetime?
      author: ref(Author)
    ordering: [-published_at, title]
  Tag:
    fields:
      name: str(40)
"""


def changed(spec: str, old: str, new: str) -> str:
    assert old in spec, old
    return spec.replace(old, new, 1)


def test_a_default_order_other_than_id_gets_an_index_after_every_batch() -> None:
    resources = list(parse_spec(ORDERED).resources)
    upgrade = create_resources(resources).upgrade
    index = 'op.create_index(op.f("ix_posts_ordering"), "posts", '
    index += '[sa.desc(sa.column("published_at")), "title", "id"])'
    assert upgrade[-1] == index
    # the cycle Author ↔ Post closes with a batch, which on SQLite would rebuild the
    # index without DESC: the index comes after it
    assert any(line.startswith("with op.batch_alter_table(") for line in upgrade[:-1])
    # ordered by id (the default): the primary key serves it
    assert not any("ix_tags_ordering" in line or "ix_authors_ordering" in line for line in upgrade)
    by_author = parse_spec(changed(ORDERED, "[-published_at, title]", "[author, -id]"))
    keys = by_author.resource("Post").ordering_index
    assert keys is not None
    assert [(key.column, key.descending) for key in keys.keys] == [
        ("author_id", False),
        ("id", True),
    ]


def test_changing_the_ordering_replaces_its_index_around_the_table_changes() -> None:
    before = parse_spec(ORDERED)
    after = parse_spec(
        changed(ORDERED, "[-published_at, title]", "[title]").replace(
            "      author: ref(Author)\n", "      author: ref(Author)\n      subtitle: str(80)?\n"
        )
    )
    changes = diff_specs(before, after)
    drop_old = 'op.drop_index(op.f("ix_posts_ordering"), table_name="posts")'
    create_new = 'op.create_index(op.f("ix_posts_ordering"), "posts", ["title", "id"])'
    create_old = (
        'op.create_index(op.f("ix_posts_ordering"), "posts", '
        '[sa.desc(sa.column("published_at")), "title", "id"])'
    )
    assert changes.upgrade[0] == drop_old
    assert changes.upgrade[1].startswith('with op.batch_alter_table("posts")')
    assert changes.upgrade[-1] == create_new
    assert changes.downgrade == [drop_old, changes.downgrade[1], create_old]
    assert "index posts by title" in changes.summary
    # back to the default order: the index goes, and comes back on downgrade
    changes = diff_specs(before, parse_spec(changed(ORDERED, "[-published_at, title]", "[id]")))
    assert changes.upgrade == [drop_old]
    assert changes.downgrade == [create_old]
    assert changes.summary == ["drop index ix_posts_ordering"]


def test_an_index_with_a_descending_column_is_rebuilt_around_a_batch_of_its_table() -> None:
    add_field = ("      author: ref(Author)\n", "      author: ref(Author)\n      views: int = 0\n")
    changes = diff_specs(parse_spec(ORDERED), parse_spec(changed(ORDERED, *add_field)))
    assert [line.split("(")[0] for line in changes.upgrade] == [
        "op.drop_index",
        "with op.batch_alter_table",
        "op.create_index",
    ]
    assert changes.summary == ["add posts.views"]
    # an ascending index survives SQLite's rebuild (it keeps column names): left alone
    ascending = changed(ORDERED, "[-published_at, title]", "[title, published_at]")
    changes = diff_specs(parse_spec(ascending), parse_spec(changed(ascending, *add_field)))
    assert len(changes.upgrade) == 1
    assert changes.upgrade[0].startswith("with op.batch_alter_table(")
    # nothing else changed: nothing to do
    assert diff_specs(parse_spec(ORDERED), parse_spec(ORDERED)).empty


def test_a_renamed_table_or_column_gets_its_index_under_the_new_names() -> None:
    renamed = changed(ORDERED, "  Post:\n", "  Article:\n    renamed_from: Post\n")
    renamed = renamed.replace("ref(Post)", "ref(Article)")
    renamed = changed(
        renamed,
        "      title: str(200)\n",
        "      heading:\n        type: str(200)\n        renamed_from: title\n",
    )
    renamed = changed(renamed, "[-published_at, title]", "[-published_at, heading]")
    changes = diff_specs(parse_spec(ORDERED), parse_spec(renamed))
    rename = changes.upgrade.index('op.rename_table("posts", "articles")')
    assert changes.upgrade[rename + 1] == (
        'op.drop_index(op.f("ix_posts_ordering"), table_name="articles")'
    )
    assert changes.upgrade[-1] == (
        'op.create_index(op.f("ix_articles_ordering"), "articles", '
        '[sa.desc(sa.column("published_at")), "heading", "id"])'
    )
    # downgrade: the old index on the table before it gets its old name back
    rename_back = changes.downgrade.index('op.rename_table("articles", "posts")')
    assert changes.downgrade[rename_back - 1] == (
        'op.create_index(op.f("ix_posts_ordering"), "articles", '
        '[sa.desc(sa.column("published_at")), "title", "id"])'
    )
