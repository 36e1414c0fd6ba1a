"""Three-way merges: exact texts asserted, conflict markers included (Copier's test style)."""

from __future__ import annotations

from scaffolder.merge import merge
from scaffolder.merge.text import has_conflict_markers

BASE = '''"""Posts."""

from app.models import Post


class PostService:
    """CRUD for posts."""

    page_size = 20

    def list(self) -> list[Post]:
        return []

    def get(self, id: int) -> Post | None:
        return None
'''


def test_user_edits_one_method_while_scaffold_changes_another() -> None:
    ours = BASE.replace("return []", "return sorted([])  # mine")
    theirs = BASE.replace("return None", "return self.find(id)")
    result = merge("app/services/post.py", BASE, ours, theirs)
    assert result.clean
    assert result.how == "python"
    assert result.text == BASE.replace("return []", "return sorted([])  # mine").replace(
        "return None", "return self.find(id)"
    )


def test_user_adds_a_method_while_scaffold_adds_a_field_next_to_it() -> None:
    ours = BASE.replace(
        "    page_size = 20\n",
        "    page_size = 20\n\n    def count(self) -> int:\n        return 0\n",
    )
    theirs = BASE.replace("    page_size = 20\n", "    page_size = 20\n    max_page_size = 100\n")
    result = merge("app/services/post.py", BASE, ours, theirs)
    assert result.clean, result.text
    assert "    max_page_size = 100\n" in result.text
    assert "    def count(self) -> int:\n        return 0\n" in result.text
    assert result.text.index("page_size = 20") < result.text.index("max_page_size = 100")


def test_both_change_the_same_line_is_a_conflict_inside_that_definition() -> None:
    ours = BASE.replace("page_size = 20", "page_size = 50")
    theirs = BASE.replace("page_size = 20", "page_size = 25")
    result = merge("app/services/post.py", BASE, ours, theirs)
    assert result.conflicts == 1
    assert (
        "<<<<<<< yours\n    page_size = 50\n||||||| generated before\n    page_size = 20\n"
        "=======\n    page_size = 25\n>>>>>>> scaffold\n"
    ) in result.text
    assert has_conflict_markers(result.text)
    # everything outside the conflicting definition is merged as usual
    assert result.text.count("def get(") == 1


def test_scaffold_removes_a_definition_the_user_edited_conflict_keeps_the_users_code() -> None:
    ours = BASE.replace("return None", "return None  # edited")
    theirs = BASE[: BASE.index("\n    def get(")] + "\n"
    result = merge("app/services/post.py", BASE, ours, theirs)
    assert result.conflicts == 1
    assert "return None  # edited" in result.text


def test_scaffold_removes_an_untouched_definition() -> None:
    theirs = BASE[: BASE.index("\n    def get(")] + "\n"
    ours = BASE.replace('"""Posts."""', '"""Posts, my way."""')
    result = merge("app/services/post.py", BASE, ours, theirs)
    assert result.clean
    assert "def get(" not in result.text
    assert '"""Posts, my way."""' in result.text


def test_user_deleted_definition_stays_deleted() -> None:
    ours = BASE[: BASE.index("\n    def get(")] + "\n"
    theirs = BASE.replace("page_size = 20", "page_size = 25")
    result = merge("app/services/post.py", BASE, ours, theirs)
    assert result.clean
    assert "def get(" not in result.text
    assert "page_size = 25" in result.text


def test_new_import_from_scaffold_and_users_import_both_survive() -> None:
    ours = BASE.replace(
        "from app.models import Post\n", "from app.models import Post\nimport math\n"
    )
    theirs = BASE.replace("from app.models import Post\n", "from app.models import Post, Tag\n")
    result = merge("app/services/post.py", BASE, ours, theirs)
    assert result.clean
    assert "import math\n" in result.text
    assert "from app.models import Post, Tag\n" in result.text
    assert "from app.models import Post\n" not in result.text


def test_text_files_merge_by_line() -> None:
    base = "a\nb\nc\nd\n"
    result = merge("app/templates/post/list.html", base, "A\nb\nc\nd\n", "a\nb\nc\nD\n")
    assert result.clean
    assert result.how == "text"
    assert result.text == "A\nb\nc\nD\n"


def test_unparsable_python_falls_back_to_lines() -> None:
    base = "x = 1\na = 0\nb = 0\ny = 2\n"
    ours = "x = 1\na = 0\nb = 0\ny = (\n"  # the user is mid-edit
    theirs = "x = 3\na = 0\nb = 0\ny = 2\n"
    result = merge("app/a.py", base, ours, theirs)
    assert result.how == "text"
    assert result.text == "x = 3\na = 0\nb = 0\ny = (\n"


PAGE = """{# The list of posts. #}
{% extends "base.html" %}
{% block title %}Posts · {{ app_name }}{% endblock %}
{% block content %}
<h1>Posts</h1>
<p>All the posts.</p>
{% block pager %}
<nav>pages</nav>
{% endblock %}
{% endblock %}
"""


def test_templates_merge_block_by_block() -> None:
    ours = PAGE.replace("<p>All the posts.</p>", "<p>Everything we wrote.</p>")
    theirs = PAGE.replace("Posts · {{ app_name }}", "All posts · {{ app_name }}")
    result = merge("app/templates/post/list.html", PAGE, ours, theirs)
    assert result.how == "jinja"
    assert result.clean
    assert result.text == ours.replace("Posts · {{ app_name }}", "All posts · {{ app_name }}")


def test_a_block_added_by_the_user_next_to_a_changed_one_does_not_conflict() -> None:
    ours = PAGE + "{% block scripts %}<script src=/static/mine.js></script>{% endblock %}\n"
    theirs = PAGE.replace("{% block title %}Posts", "{% block title %}The posts")
    result = merge("app/templates/post/list.html", PAGE, ours, theirs)
    assert result.clean
    assert "{% block title %}The posts" in result.text
    assert result.text.endswith(
        "{% block scripts %}<script src=/static/mine.js></script>{% endblock %}\n"
    )


def test_both_changing_one_block_conflict_inside_that_block_only() -> None:
    ours = PAGE.replace("<h1>Posts</h1>", "<h1>Our posts</h1>")
    theirs = PAGE.replace("<h1>Posts</h1>", "<h1>Blog posts</h1>").replace("Posts · ", "Blog · ")
    result = merge("app/templates/post/list.html", PAGE, ours, theirs)
    assert result.conflicts == 1
    assert "{% block title %}Blog · {{ app_name }}{% endblock %}" in result.text
    assert "<<<<<<< yours\n<h1>Our posts</h1>\n" in result.text


def test_partial_templates_without_blocks_merge_by_line() -> None:
    base = "<ul>\n<li>a</li>\n<li>b</li>\n<li>c</li>\n</ul>\n"
    result = merge(
        "app/templates/post/_results.html", base, base.replace("a<", "A<"), base.replace("c<", "C<")
    )
    assert result.how == "text"
    assert result.text == "<ul>\n<li>A</li>\n<li>b</li>\n<li>C</li>\n</ul>\n"


TESTS = '''"""The API of posts."""

from tests.resources import check_api, in_database

URL = "/api/posts"


def test_crud() -> None:
    check_api(URL, in_database)
'''


def test_an_import_scaffold_drops_stays_while_the_users_code_uses_it() -> None:
    """A hand-written test uses `in_database`, which the new release's generated tests
    no longer import: it joins scaffold's import from the same module."""
    ours = TESTS + "\n\ndef test_mine() -> None:\n    assert in_database(URL)\n"
    theirs = TESTS.replace("check_api, in_database", "Api, check_api").replace(
        "check_api(URL, in_database)", "check_api(Api(URL))"
    )
    result = merge("tests/post/test_api.py", TESTS, ours, theirs)
    assert result.clean
    assert "from tests.resources import Api, check_api, in_database\n" in result.text
    assert result.text.count("import") == 1
    assert "def test_mine() -> None:\n    assert in_database(URL)\n" in result.text
    # untouched by the user, the import goes with scaffold's use of it
    assert (
        merge("tests/post/test_api.py", TESTS, TESTS + "\n# mine\n", theirs).text.count(
            "in_database"
        )
        == 0
    )


def test_a_dropped_import_without_a_successor_is_cut_to_the_names_still_used() -> None:
    base = (
        "import pytest\nfrom tests.resources import count_queries, in_database\n\n\n"
        "def test_a() -> None:\n    count_queries(in_database)\n"
    )
    ours = base + "\n\ndef test_mine() -> None:\n    count_queries()\n"
    theirs = "import pytest\n\n\ndef test_a() -> None:\n    pytest.skip()\n"
    result = merge("tests/test_x.py", base, ours, theirs)
    assert result.clean
    assert "import pytest\nfrom tests.resources import count_queries\n" in result.text
    assert "in_database" not in result.text


def test_a_variable_scaffold_drops_stays_while_the_users_code_uses_it() -> None:
    ours = TESTS + "\n\ndef test_mine() -> None:\n    assert URL\n"
    theirs = TESTS.replace('URL = "/api/posts"\n', 'API = "/api/posts"\n').replace("URL", "API")
    result = merge("tests/post/test_api.py", TESTS, ours, theirs)
    assert result.clean
    assert 'URL = "/api/posts"\n' in result.text
    assert 'API = "/api/posts"\n' in result.text
    assert "check_api(API, in_database)" in result.text
