"""Wiring codemods: before/after text, and a second run changes nothing (LibCST style)."""

from __future__ import annotations

from typing import Any

from scaffolder.codemods import EditResult, Outcome
from scaffolder.codemods.edits import (
    TreeEdit,
    edit_text,
    ensure_class_attribute,
    ensure_import,
    ensure_list_item,
    ensure_statement_in_function,
    ensure_type_checking_import,
)


def on_text(edit: Any, text: str, *args: Any, **options: Any) -> EditResult:
    """One codemod (a function of the parsed module) applied to a text."""

    def bound(tree: Any) -> Any:
        return edit(tree, *args, **options)

    applied: TreeEdit = bound
    return edit_text(applied, text)


ROUTES = '''"""Routers."""

from fastapi import FastAPI

from app import health


def include_routers(app: FastAPI) -> None:
    """Include every router."""
    app.include_router(health.router)
'''


def test_import_is_added_after_the_last_import_once() -> None:
    first = on_text(ensure_import, ROUTES, "app.api", "post", alias="post_api")
    assert first.outcome is Outcome.APPLIED
    assert "from app import health\nfrom app.api import post as post_api\n" in first.text
    second = on_text(ensure_import, first.text, "app.api", "post", alias="post_api")
    assert second.outcome is Outcome.PRESENT
    assert second.text == first.text


def test_import_written_by_hand_counts_as_present() -> None:
    text = "from app.api import other, post as post_api\n"
    assert (
        on_text(ensure_import, text, "app.api", "post", alias="post_api").outcome is Outcome.PRESENT
    )


def test_statement_is_appended_to_the_function_once() -> None:
    statement = 'app.include_router(post_api.router, prefix="/api")\n'
    first = on_text(ensure_statement_in_function, ROUTES, "include_routers", statement)
    assert first.outcome is Outcome.APPLIED
    assert first.text.endswith(
        "    app.include_router(health.router)\n"
        '    app.include_router(post_api.router, prefix="/api")\n'
    )
    again = on_text(ensure_statement_in_function, first.text, "include_routers", statement)
    assert again.outcome is Outcome.PRESENT
    # formatted differently by hand: still recognised
    spaced = first.text.replace('prefix="/api"', 'prefix = "/api"')
    assert on_text(ensure_statement_in_function, spaced, "include_routers", statement).outcome is (
        Outcome.PRESENT
    )


def test_missing_function_is_reported_with_the_line_to_add() -> None:
    result = on_text(
        ensure_statement_in_function, "x = 1\n", "include_routers", "app.include_router(r)\n"
    )
    assert result.outcome is Outcome.UNABLE
    assert result.text == "x = 1\n"
    assert result.manual is not None
    assert "app.include_router(r)" in result.manual
    assert "include_routers" in result.manual


def test_list_item_is_appended_once_keeping_layout() -> None:
    text = 'NAV: list[NavItem] = [\n    NavItem(label="Home", url="/"),\n]\n'
    item = 'NavItem(label="Posts", url="/posts/")'
    first = on_text(ensure_list_item, text, "NAV", item)
    assert first.outcome is Outcome.APPLIED
    assert 'NavItem(label="Home", url="/"), NavItem(label="Posts", url="/posts/")' in first.text
    assert on_text(ensure_list_item, first.text, "NAV", item).outcome is Outcome.PRESENT


def test_list_item_into_an_empty_list() -> None:
    result = on_text(ensure_list_item, "ADMIN: list[str] = []\n", "ADMIN", '"a"')
    assert result.text == 'ADMIN: list[str] = ["a"]\n'


def test_unparsable_file_is_left_alone() -> None:
    result = on_text(ensure_list_item, "NAV = [\n", "NAV", "1")
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
    first = on_text(ensure_class_attribute, USER, "User", "comments", statement)
    assert first.outcome is Outcome.APPLIED
    marker = first.text.index("# generated relationships")
    assert marker < first.text.index("comments: Mapped") < first.text.index("def __str__")
    assert on_text(ensure_class_attribute, first.text, "User", "comments", statement).outcome is (
        Outcome.PRESENT
    )


def test_type_checking_block_is_created_then_extended() -> None:
    text = "from sqlalchemy.orm import Mapped\n\n\nclass User:\n    pass\n"
    first = on_text(ensure_type_checking_import, text, "app.models.comment", "Comment")
    assert "from typing import TYPE_CHECKING" in first.text
    assert "if TYPE_CHECKING:\n    from app.models.comment import Comment\n" in first.text
    second = on_text(ensure_type_checking_import, first.text, "app.models.order", "Order")
    assert (
        "    from app.models.comment import Comment\n    from app.models.order import Order\n"
        in (second.text)
    )
    assert on_text(
        ensure_type_checking_import, second.text, "app.models.order", "Order"
    ).outcome is (Outcome.PRESENT)


def test_every_addition_is_undone_by_its_removal() -> None:
    from scaffolder.codemods.edits import (
        remove_class_attribute,
        remove_import,
        remove_list_item,
        remove_statement_in_function,
    )

    statement = 'app.include_router(post_api.router, prefix="/api")\n'
    wired = on_text(ensure_import, ROUTES, "app.api", "post", alias="post_api").text
    wired = on_text(ensure_statement_in_function, wired, "include_routers", statement).text
    unwired = on_text(remove_import, wired, "app.api", "post", alias="post_api")
    unwired = on_text(remove_statement_in_function, unwired.text, "include_routers", statement)
    assert unwired.outcome is Outcome.APPLIED
    assert unwired.text == ROUTES
    assert (
        on_text(remove_import, ROUTES, "app.api", "post", alias="post_api").outcome
        is Outcome.PRESENT
    )

    nav = "NAV = [\n    Home,\n]\n"
    restored = on_text(
        remove_list_item, on_text(ensure_list_item, nav, "NAV", "Posts").text, "NAV", "Posts"
    ).text
    assert restored.split() == nav.split()  # layout is ruff's job, in the same run

    relation = 'comments: Mapped[list["Comment"]] = relationship(back_populates="user")\n'
    with_attribute = on_text(ensure_class_attribute, USER, "User", "comments", relation).text
    without = on_text(remove_class_attribute, with_attribute, "User", "comments")
    assert without.outcome is Outcome.APPLIED
    assert "comments" not in without.text
    assert "# generated relationships go below this line" in without.text
    assert (
        on_text(remove_class_attribute, without.text, "User", "comments").outcome is Outcome.PRESENT
    )


def test_removing_the_last_name_of_a_shared_import_keeps_the_others() -> None:
    from scaffolder.codemods.edits import remove_import

    text = "from app.api import comment as comment_api, post as post_api\n"
    assert on_text(remove_import, text, "app.api", "post", alias="post_api").text == (
        "from app.api import comment as comment_api\n"
    )


def test_a_batch_of_edits_gives_what_editing_one_at_a_time_gives() -> None:
    from functools import partial

    from scaffolder.codemods.edits import apply_edits

    edits: list[TreeEdit] = []
    for name in ("post", "tag", "post", "comment"):  # "post" twice: present the second time
        edits.append(partial(ensure_import, module="app.api", name=name, alias=f"{name}_api"))
        statement = f'app.include_router({name}_api.router, prefix="/api")\n'
        edits.append(
            partial(ensure_statement_in_function, function="include_routers", statement=statement)
        )
    edits.append(partial(ensure_statement_in_function, function="missing", statement="x()\n"))
    one_at_a_time = ROUTES
    for edit in edits:
        one_at_a_time = edit_text(edit, one_at_a_time).text
    batched, manual = apply_edits(ROUTES, edits)
    assert batched == one_at_a_time
    assert batched.count("tag_api") == 2
    assert manual == ["add `x()` at the end of `missing()`"]
    assert apply_edits(batched, edits[:-1]) == (batched, [])  # a second run changes nothing


# ------------------------------------------------------------------ the user's own layout

HAND_FORMATTED = '''"""Routers, as a user keeps them."""

from fastapi import FastAPI  # the framework

from app import (  # grouped by hand
    health,
    pages,   # the home page
)
from app.api import comment as comment_api ;  import os


# routers are included in this order:
def include_routers( app : FastAPI ) -> None :
    """Include every router."""
    app.include_router(health.router)   # first: the load balancer asks it

    app.include_router( pages.router )
    app.include_router(comment_api.router, prefix = "/api")  # mine
    # more below


def hand_written() -> None:  # not scaffold's
    pass
'''


def without_lines(text: str, lines: list[str]) -> str:
    """`text` less one occurrence of each of `lines` (whole lines, with their newline)."""
    kept = text.splitlines(keepends=True)
    for line in lines:
        kept.remove(line)
    return "".join(kept)


def test_wiring_adds_lines_and_leaves_every_other_byte_as_the_user_wrote_it() -> None:
    statement = 'app.include_router(post_api.router, prefix="/api")\n'
    first = on_text(ensure_import, HAND_FORMATTED, "app.api", "post", alias="post_api")
    second = on_text(ensure_statement_in_function, first.text, "include_routers", statement)
    assert (first.outcome, second.outcome) == (Outcome.APPLIED, Outcome.APPLIED)
    added = ["from app.api import post as post_api\n", "    " + statement]
    assert without_lines(second.text, added) == HAND_FORMATTED
    # after the last import (the one sharing its line), at the end of the function's
    # statements (before the comment that follows them)
    assert "import os\nfrom app.api import post as post_api\n\n\n# routers" in second.text
    assert 'prefix = "/api")  # mine\n    ' + statement + "    # more below\n" in second.text


def test_wiring_written_by_hand_in_another_layout_is_present() -> None:
    """Spacing, a trailing comment and a parenthesised import: the same code."""
    present = [
        on_text(ensure_import, HAND_FORMATTED, "app", "pages"),
        on_text(ensure_import, HAND_FORMATTED, "app.api", "comment", alias="comment_api"),
        on_text(
            ensure_statement_in_function,
            HAND_FORMATTED,
            "include_routers",
            'app.include_router(comment_api.router, prefix="/api")\n',
        ),
        on_text(
            ensure_statement_in_function,
            HAND_FORMATTED,
            "include_routers",
            "app.include_router(pages.router)\n",
        ),
    ]
    assert [result.outcome for result in present] == [Outcome.PRESENT] * 4
    assert {result.text for result in present} == {HAND_FORMATTED}


def test_removing_wiring_takes_its_lines_only() -> None:
    from scaffolder.codemods.edits import remove_import, remove_statement_in_function

    statement = 'app.include_router(comment_api.router, prefix="/api")\n'
    unwired = on_text(remove_statement_in_function, HAND_FORMATTED, "include_routers", statement)
    assert unwired.outcome is Outcome.APPLIED
    assert unwired.text == HAND_FORMATTED.replace(
        '    app.include_router(comment_api.router, prefix = "/api")  # mine\n', ""
    )
    parenthesised = on_text(remove_import, HAND_FORMATTED, "app", "pages")
    assert parenthesised.text == HAND_FORMATTED.replace("    pages,   # the home page\n", "")
    shared_line = on_text(remove_import, HAND_FORMATTED, "app.api", "comment", alias="comment_api")
    assert shared_line.text == HAND_FORMATTED.replace(
        "from app.api import comment as comment_api ;  import os\n", "import os\n"
    )  # the other statement of its line stays (libcst's version dropped the line)


def test_list_item_after_a_commented_element_goes_on_a_line_of_its_own() -> None:
    from scaffolder.codemods.edits import remove_list_item

    text = (
        "NAV: list[NavItem] = [\n"
        '    NavItem(label="Home", url="/"),  # keep first\n'
        '    NavItem(label="Catégories", url="/c/")  # hand-added, no comma\n'
        "]  # the end\n"
    )
    item = 'NavItem(label="Été", url="/e/")'
    first = on_text(ensure_list_item, text, "NAV", item)
    assert first.text == (
        "NAV: list[NavItem] = [\n"
        '    NavItem(label="Home", url="/"),  # keep first\n'
        '    NavItem(label="Catégories", url="/c/"),  # hand-added, no comma\n'
        f"    {item},\n"
        "]  # the end\n"
    )
    second = on_text(ensure_list_item, first.text, "NAV", '"x"')
    # the next goes after it as after any element: ", item" in place of its comma
    assert second.text == first.text.replace(f"    {item},\n", f'    {item}, "x"\n')
    assert on_text(ensure_list_item, second.text, "NAV", item).outcome is Outcome.PRESENT
    removed = on_text(remove_list_item, first.text, "NAV", item)
    assert removed.text == first.text.replace(f"    {item},\n", "")


def test_a_file_with_windows_line_ends_keeps_them() -> None:
    text = ROUTES.replace("\n", "\r\n")
    result = on_text(ensure_import, text, "app.api", "post", alias="post_api")
    assert result.text == on_text(
        ensure_import, ROUTES, "app.api", "post", alias="post_api"
    ).text.replace("\n", "\r\n")


def test_a_class_attribute_after_decorated_methods_and_hand_added_attributes() -> None:
    from scaffolder.codemods.edits import remove_class_attribute

    text = (
        "class User(Base):\n"
        "    id: Mapped[int]  # key\n"
        "    nickname = None ; avatar = None\n"
        "\n"
        "    @property\n"
        "    def name(self) -> str:\n"
        '        return ""\n'
    )
    statement = "posts: Mapped[list[Post]] = relationship()\n"
    first = on_text(ensure_class_attribute, text, "User", "posts", statement)
    assert first.text == text.replace("avatar = None\n", "avatar = None\n    " + statement)
    assert on_text(ensure_class_attribute, text, "User", "avatar", "avatar = 1\n").outcome is (
        Outcome.PRESENT
    )
    assert on_text(remove_class_attribute, first.text, "User", "posts").text == text


def test_list_edits_in_a_batch_give_what_one_at_a_time_gives() -> None:
    """A batch keeps where the list's elements are between edits, without parsing again."""
    from functools import partial

    from scaffolder.codemods.edits import apply_edits, remove_list_item

    texts = [
        "X = []\n",
        "X = [  # none yet\n]\n",
        "X: list[str] = [\n    'é',  # accented\n]\nY = 1\n",
        "X = [a,\n     b]  # end\n",
    ]
    edits: list[TreeEdit] = [
        partial(ensure_list_item, variable="X", item=item) for item in ("n1", "'ü'", "n1", "n3")
    ]
    edits.append(partial(remove_list_item, variable="X", item="'ü'"))
    edits.append(partial(ensure_list_item, variable="X", item="n4"))
    for text in texts:
        one_at_a_time = text
        for edit in edits:
            one_at_a_time = edit_text(edit, one_at_a_time).text
        batched, manual = apply_edits(text, edits)
        assert (batched, manual) == (one_at_a_time, [])
        assert compile(batched, "x", "exec")
        assert [batched.count(n) for n in ("n1", "'ü'", "n3", "n4")] == [1, 0, 1, 1]


def test_removing_every_copy_of_a_statement_leaves_pass() -> None:
    from scaffolder.codemods.edits import remove_statement_in_function

    text = "def include_routers(app):\n\n    app.x()\n\n    app.x()\n"
    result = on_text(remove_statement_in_function, text, "include_routers", "app.x()\n")
    assert result.text == "def include_routers(app):\n    pass\n"
