"""Wiring codemods: before/after text, and a second run changes nothing (LibCST style)."""

from __future__ import annotations

from scaffolder.codemods import Outcome
from scaffolder.codemods.edits import (
    ensure_class_attribute,
    ensure_import,
    ensure_list_item,
    ensure_statement_in_function,
    ensure_type_checking_import,
)

ROUTES = '''"""Routers."""

from fastapi import FastAPI

from app import health


def include_routers(app: FastAPI) -> None:
    """Include every router."""
    app.include_router(health.router)
'''


def test_import_is_added_after_the_last_import_once() -> None:
    first = ensure_import(ROUTES, "app.api", "post", alias="post_api")
    assert first.outcome is Outcome.APPLIED
    assert "from app import health\nfrom app.api import post as post_api\n" in first.text
    second = ensure_import(first.text, "app.api", "post", alias="post_api")
    assert second.outcome is Outcome.PRESENT
    assert second.text == first.text


def test_import_written_by_hand_counts_as_present() -> None:
    text = "from app.api import other, post as post_api\n"
    assert ensure_import(text, "app.api", "post", alias="post_api").outcome is Outcome.PRESENT


def test_statement_is_appended_to_the_function_once() -> None:
    statement = 'app.include_router(post_api.router, prefix="/api")\n'
    first = ensure_statement_in_function(ROUTES, "include_routers", statement)
    assert first.outcome is Outcome.APPLIED
    assert first.text.endswith(
        "    app.include_router(health.router)\n"
        '    app.include_router(post_api.router, prefix="/api")\n'
    )
    again = ensure_statement_in_function(first.text, "include_routers", statement)
    assert again.outcome is Outcome.PRESENT
    # formatted differently by hand: still recognised
    spaced = first.text.replace('prefix="/api"', 'prefix = "/api"')
    assert ensure_statement_in_function(spaced, "include_routers", statement).outcome is (
        Outcome.PRESENT
    )


def test_missing_function_is_reported_with_the_line_to_add() -> None:
    result = ensure_statement_in_function("x = 1\n", "include_routers", "app.include_router(r)\n")
    assert result.outcome is Outcome.UNABLE
    assert result.text == "x = 1\n"
    assert result.manual is not None
    assert "app.include_router(r)" in result.manual
    assert "include_routers" in result.manual


def test_list_item_is_appended_once_keeping_layout() -> None:
    text = 'NAV: list[NavItem] = [\n    NavItem(label="Home", url="/"),\n]\n'
    item = 'NavItem(label="Posts", url="/posts/")'
    first = ensure_list_item(text, "NAV", item)
    assert first.outcome is Outcome.APPLIED
    assert 'NavItem(label="Home", url="/"), NavItem(label="Posts", url="/posts/")' in first.text
    assert ensure_list_item(first.text, "NAV", item).outcome is Outcome.PRESENT


def test_list_item_into_an_empty_list() -> None:
    result = ensure_list_item("ADMIN: list[str] = []\n", "ADMIN", '"a"')
    assert result.text == 'ADMIN: list[str] = ["a"]\n'


def test_unparsable_file_is_left_alone() -> None:
    result = ensure_list_item("NAV = [\n", "NAV", "1")
    assert result.outcome is Outcome.UNABLE
    assert result.text == "NAV = [\n"


USER = """class User(Base):
    id: Mapped[int] = mapped_column(primary_key=True)

    # generated relationships go below this line

    def __str__(self) -> str:
        return "u"
"""


def test_class_attribute_goes_below_the_marker_comment_once() -> None:
    statement = 'comments: Mapped[list["Comment"]] = relationship(back_populates="user")\n'
    first = ensure_class_attribute(USER, "User", "comments", statement)
    assert first.outcome is Outcome.APPLIED
    marker = first.text.index("# generated relationships")
    assert marker < first.text.index("comments: Mapped") < first.text.index("def __str__")
    assert ensure_class_attribute(first.text, "User", "comments", statement).outcome is (
        Outcome.PRESENT
    )


def test_type_checking_block_is_created_then_extended() -> None:
    text = "from sqlalchemy.orm import Mapped\n\n\nclass User:\n    pass\n"
    first = ensure_type_checking_import(text, "app.models.comment", "Comment")
    assert "from typing import TYPE_CHECKING" in first.text
    assert "if TYPE_CHECKING:\n    from app.models.comment import Comment\n" in first.text
    second = ensure_type_checking_import(first.text, "app.models.order", "Order")
    assert (
        "    from app.models.comment import Comment\n    from app.models.order import Order\n"
        in (second.text)
    )
    assert ensure_type_checking_import(second.text, "app.models.order", "Order").outcome is (
        Outcome.PRESENT
    )


def test_every_addition_is_undone_by_its_removal() -> None:
    from scaffolder.codemods.edits import (
        remove_class_attribute,
        remove_import,
        remove_list_item,
        remove_statement_in_function,
    )

    statement = 'app.include_router(post_api.router, prefix="/api")\n'
    wired = ensure_import(ROUTES, "app.api", "post", alias="post_api").text
    wired = ensure_statement_in_function(wired, "include_routers", statement).text
    unwired = remove_import(wired, "app.api", "post", alias="post_api")
    unwired = remove_statement_in_function(unwired.text, "include_routers", statement)
    assert unwired.outcome is Outcome.APPLIED
    assert unwired.text == ROUTES
    assert remove_import(ROUTES, "app.api", "post", alias="post_api").outcome is Outcome.PRESENT

    nav = "NAV = [\n    Home,\n]\n"
    restored = remove_list_item(ensure_list_item(nav, "NAV", "Posts").text, "NAV", "Posts").text
    assert restored.split() == nav.split()  # layout is ruff's job, in the same run

    relation = 'comments: Mapped[list["Comment"]] = relationship(back_populates="user")\n'
    with_attribute = ensure_class_attribute(USER, "User", "comments", relation).text
    without = remove_class_attribute(with_attribute, "User", "comments")
    assert without.outcome is Outcome.APPLIED
    assert "comments" not in without.text
    assert "# generated relationships go below this line" in without.text
    assert remove_class_attribute(without.text, "User", "comments").outcome is Outcome.PRESENT


def test_removing_the_last_name_of_a_shared_import_keeps_the_others() -> None:
    from scaffolder.codemods.edits import remove_import

    text = "from app.api import comment as comment_api, post as post_api\n"
    assert remove_import(text, "app.api", "post", alias="post_api").text == (
        "from app.api import comment as comment_api\n"
    )
