"""Naming rules: what `check` accepts, and the names the generated code derives so as to give way.

Issue 13: reject only what no project could carry; where a name from the spec meets
one the generated code uses, the generated code changes its own (aliases, renamed
locals and parameters). The rendered consequences are in test_hostile_names.py and
the e2e test of tests/e2e/specs/hostile_names.yaml.
"""

from __future__ import annotations

import ast
import subprocess
from pathlib import Path

import pytest

from scaffolder.errors import SpecError
from scaffolder.model.names import Names
from scaffolder.render.formatting import (
    format_python,
    mark_long_code_lines,
    ruff_binary,
    wrap_long_lines,
)
from scaffolder.render.python_names import IMPORTED_NAMES, model_import, model_ref
from scaffolder.render.resource import ResourceRenderer
from scaffolder.render.views import NamesView, ResourceView
from scaffolder.spec import load_spec, parse_spec

ROOT = Path(__file__).parents[2]


def load(resources: str) -> object:
    return parse_spec(f"version: 1\nresources:\n{resources}", "spec.yaml")


def one(name: str, extra: str = "") -> Names:
    spec = parse_spec(
        f"version: 1\nresources:\n  {name}:\n{extra}    fields:\n      title: str\n", "spec.yaml"
    )
    return spec.resource(name).names


@pytest.mark.parametrize(
    ("name", "table", "collection"),
    [
        ("News", "news", "news_index"),
        ("Equipment", "equipment", "equipment_index"),
        ("Series", "series", "series_index"),
        ("Information", "information", "information_index"),
        ("Sheep", "sheep", "sheep_index"),
        ("Post", "posts", "posts"),
    ],
)
def test_uncountable_nouns_are_resources_whose_collection_functions_get_index(
    name: str, table: str, collection: str
) -> None:
    names = one(name)
    assert (names.table, names.route, names.collection) == (table, table, collection)
    assert names.collection != names.snake


@pytest.mark.parametrize(
    ("name", "plural_snake", "collection", "plural_label"),
    [
        # plural already, or uncountable: the word stays (Rails), the functions get _index
        ("Values", "values", "values_index", "Values"),  # was `valuess`
        ("Settings", "settings", "settings_index", "Settings"),
        ("Data", "data", "data_index", "Data"),  # was `datas`
        ("News", "news", "news_index", "News"),
        ("Series", "series", "series_index", "Series"),
        ("Staff", "staff", "staff_index", "Staff"),  # was `staffs`
        ("People", "people", "people_index", "People"),  # was `peoples`
        ("Children", "children", "children_index", "Children"),
        ("Errors", "errors", "errors_index", "Errors"),
        ("Analytics", "analytics", "analytics_index", "Analytics"),
        ("OrderLines", "order_lines", "order_lines_index", "Order lines"),
        # singular words ending in s that Rails does pluralize
        ("Status", "statuses", "statuses", "Statuses"),
        ("OrderStatus", "order_statuses", "order_statuses", "Order statuses"),
        ("Address", "addresses", "addresses", "Addresses"),
        ("Bus", "buses", "buses", "Buses"),
        ("Alias", "aliases", "aliases", "Aliases"),
        ("Analysis", "analyses", "analyses", "Analyses"),
        ("Axis", "axes", "axes", "Axes"),
        # irregulars
        ("Person", "people", "people", "People"),
        ("Salesperson", "salespeople", "salespeople", "Salespeople"),
        ("Child", "children", "children", "Children"),
        ("Datum", "data", "data", "Data"),
        # the rest as before, so existing projects keep their tables
        ("Index", "indexes", "indexes", "Indexes"),
        ("Human", "humans", "humans", "Humans"),
        ("Category", "categories", "categories", "Categories"),
        ("Leaf", "leaves", "leaves", "Leaves"),
        ("R0", "r0s", "r0s", "R0s"),
    ],
)
def test_plurals_follow_rails_where_a_word_is_plural_already(
    name: str, plural_snake: str, collection: str, plural_label: str
) -> None:
    names = one(name)
    assert (names.plural_snake, names.table, names.route.replace("-", "_")) == (plural_snake,) * 3
    assert (names.collection, names.plural_label) == (collection, plural_label)


@pytest.mark.parametrize("name", ["Values", "Staff", "News", "Person"])
def test_plural_still_overrides_the_inflector(name: str) -> None:
    names = one(name, "    plural: Team members\n")
    assert (names.plural_snake, names.table, names.collection, names.plural_label) == (
        "team_members",
        "team_members",
        "team_members",
        "Team members",
    )


def check_errors(resources: str) -> list[str]:
    """The messages, hints and examples `check` reports for a spec of `resources`."""
    with pytest.raises(SpecError) as caught:
        load(resources)
    return [
        " | ".join(str(part) for part in (p.message, p.hint, p.example) if part)
        for p in caught.value.problems
    ]


def resource(name: str, extra: str = "") -> str:
    return f"  {name}:\n{extra}    fields:\n      title: str(20)\n"


@pytest.mark.parametrize(
    ("first", "second"), [("Error", "Errors"), ("Person", "People"), ("Child", "Children")]
)
def test_a_singular_and_its_plural_as_two_resources_need_their_own_table(
    first: str, second: str
) -> None:
    (error,) = check_errors(resource(first) + resource(second))
    assert f"of resource `{second}` is also the table of resource `{first}`" in error
    assert "`table:`" in error
    # with tables of their own they work: Error's `list_errors` vs Errors' `get_errors`
    load(resource(first, "    table: t_one\n") + resource(second, "    table: t_many\n"))


@pytest.mark.parametrize("name", ["Users", "USER"])
def test_a_resource_named_like_the_built_in_user_is_refused(name: str) -> None:
    (error,) = check_errors(resource(name))
    assert "built-in" in error


def test_two_resources_with_one_collection_name_are_refused() -> None:
    (error,) = check_errors(
        resource("Error") + resource("ErrorItem", "    plural: Errors\n    table: error_items\n")
    )
    assert error.startswith(
        "resource `ErrorItem` has the collection name `errors` (`list_errors`, "
        "`/api/error-items`), like `Error`"
    )
    assert "plural: Error items" in error


def test_a_collection_named_like_users_is_fine() -> None:
    """User has no generated API or service functions whose names it could take."""
    load(resource("Member", "    plural: Users\n    table: members\n"))


def test_two_resources_with_one_url_segment_are_refused() -> None:
    (error,) = check_errors(resource("Doc") + resource("Thing", "    table: docs_index\n"))
    assert error.startswith(
        "resource `Thing` has the URL segment `/docs-index` (from its table `docs_index`), "
        "like `Doc`"
    )
    assert "`table:`" in error


def test_a_plural_override_equal_to_the_singular_is_accepted() -> None:
    names = one("Post", "    plural: Post\n")
    assert (names.plural_snake, names.table, names.collection) == ("post", "post", "post_index")


@pytest.mark.parametrize("field", ["type", "match", "case"])
def test_soft_keywords_are_field_names(field: str) -> None:
    spec = parse_spec(
        f"version: 1\nresources:\n  Post:\n    fields:\n      {field}: str(20)\n"
        f"    api: {{filters: [{field}], sort: [{field}]}}\n"
        f"    admin: {{search: [{field}], filters: [{field}]}}\n",
        "spec.yaml",
    )
    assert spec.resource("Post").has_field(field)


@pytest.mark.parametrize("field", ["class", "from", "None"])
def test_hard_keywords_are_still_refused(field: str) -> None:
    with pytest.raises(SpecError):
        parse_spec(f"version: 1\nresources:\n  Post:\n    fields:\n      {field}: str\n", "s.yaml")


def test_a_resource_whose_snake_name_is_a_keyword_gets_modules_with_an_underscore() -> None:
    names = one("Class")
    assert (names.snake, names.table, names.route, names.collection) == (
        "class_",
        "classes",
        "classes",
        "classes",
    )


@pytest.mark.parametrize(
    ("name", "extra", "route"),
    [
        ("Doc", "", "docs-index"),  # /docs is the API documentation
        ("Admin", "    table: admin\n", "admin-index"),
        ("Login", "    table: login\n", "login-index"),
        ("Static", "    plural: Static\n", "static-index"),
        ("Auth", "    table: auth\n", "auth-index"),  # /api/auth/token
        ("Admin", "", "admins"),
    ],
)
def test_a_route_the_project_serves_itself_gets_index(name: str, extra: str, route: str) -> None:
    assert one(name, extra).route == route


@pytest.mark.parametrize("name", ["Page", "Annotated", "Literal", "Query", "Request", "Settings"])
def test_resources_named_like_an_import_are_imported_as_model(name: str) -> None:
    names = NamesView(one(name))
    assert names.model_ref == f"{name}Model"
    assert names.model_import == f"{name} as {name}Model"


def test_other_resources_are_imported_as_themselves() -> None:
    assert (model_ref("Post"), model_import("Post")) == ("Post", "Post")


@pytest.mark.parametrize("name", ["Decimal", "UUID", "StrEnum", "JsonValue", "Mapped"])
def test_names_the_model_module_itself_imports_are_reserved(name: str) -> None:
    with pytest.raises(SpecError, match="is reserved"):
        one(name)


def test_fields_that_would_hide_a_base_model_method_get_an_aliased_schema_attribute() -> None:
    spec = parse_spec(
        "version: 1\nresources:\n  Post:\n    fields:\n"
        "      json: json?\n      dict: str?\n      kwargs: str?\n      title: str\n",
        "spec.yaml",
    )
    post = ResourceView(spec.resource("Post"))
    assert [f.schema_name for f in post.fields] == ["json_", "dict_", "kwargs_", "title"]
    assert [f.api_name for f in post.fields] == ["json", "dict", "kwargs", "title"]
    assert post.has_schema_aliases


def test_fields_that_would_hide_a_class_body_name_get_a_private_import_alias() -> None:
    spec = parse_spec(
        "version: 1\nresources:\n  Post:\n    fields:\n"
        "      relationship: str\n      dt: str\n      date: date = 2024-01-31\n",
        "spec.yaml",
    )
    post = ResourceView(spec.resource("Post"))
    assert post.alias("relationship") == "_relationship"
    assert post.import_as("mapped_column") == "mapped_column"
    assert post.import_as("dt") == "dt as _dt"
    assert post.field("date").default_in(post) == '_dt.date.fromisoformat("2024-01-31")'


def test_imported_names_cover_what_the_blueprints_import() -> None:
    """Every class-like name a resource module imports is in IMPORTED_NAMES, so a
    resource of that name is imported as `<Name>Model` (update the set with the blueprints)."""
    for spec_path in [
        ROOT / "scaffolder" / "examples" / "blog.yaml",
        ROOT / "scaffolder" / "examples" / "shop.yaml",
        ROOT / "tests" / "e2e" / "specs" / "variety.yaml",
        ROOT / "tests" / "e2e" / "specs" / "hostile_names.yaml",
    ]:
        spec = load_spec(spec_path)
        ours = {r.name for r in spec.resources} | {"User", "Base"}
        ours |= {e.class_name for r in spec.resources for e in r.enums}
        renderer = ResourceRenderer(spec, "app")
        tree: dict[str, str] = {}
        for resource in spec.resources:
            tree.update(renderer.render(resource))
        python = {path: text for path, text in tree.items() if path.endswith(".py")}
        for path, text in format_python(python, "app").items():
            for node in ast.walk(ast.parse(text)):
                if not isinstance(node, ast.ImportFrom):
                    continue
                for alias in node.names:
                    name = alias.asname or alias.name
                    derived = any(name.startswith(own) for own in ours)
                    if name[:1].isupper() and not derived and "_" not in name:
                        assert name in IMPORTED_NAMES, f"{path} imports {name}"


def test_long_docstring_and_comment_lines_are_wrapped() -> None:
    word = "a_fifty_nine_character_field_name_that_postgresql_still_keeps"
    text = (
        f'"""Lists of {word} and of {word}, sorted."""\n\n\n'
        f"class Post:\n    #: The {word} whose {word} is this post.\n    x = 1\n"
        f'    y = "{word} {word}"\n'
    )
    wrapped = wrap_long_lines(text)
    ast.parse(wrapped)
    prose = [line for line in wrapped.splitlines() if not line.startswith("    y =")]
    assert all(len(line) <= 100 for line in prose), wrapped
    assert "    #: The" in wrapped
    assert f"    #: {word} is this post." in wrapped
    assert f'    y = "{word} {word}"' in wrapped  # code is ruff format's business
    assert wrap_long_lines("x = 1\n") == "x = 1\n"


def test_code_lines_no_layout_can_fit_are_marked_for_e501() -> None:
    field = "a_rather_long_field_name_a_rather_long_field_nayz"
    enum = "LooooooooooooooooooooorecordARatherLongFieldNameARatherLongFieldNayz"
    text = (
        f"def f(\n    {field}: {enum}\n    | None = None,\n) -> None:\n"
        f'    """A docstring\n    line {"w" * 100}.\n    """\n'
        f'    y = """\n{"z" * 120}\n"""\n'
        f"    {field}={field}{field},\n"
    )
    marked = mark_long_code_lines(text, {2, 6, 8}).splitlines()  # 8: inside a string
    assert marked[1] == f"    {field}: {enum}  # noqa: E501"
    assert not any("noqa" in line for line in marked[2:])
    assert ast.dump(ast.parse("\n".join(marked))) == ast.dump(ast.parse(text))
    assert mark_long_code_lines("x = 1\n", set()) == "x = 1\n"


def test_long_names_in_formatted_code_pass_ruff_check() -> None:
    field = "a_rather_long_field_name_a_rather_long_field_namex"
    url = "https://example.com/a-rather-long-field-name-a-rather-long-field-name-a-rat"
    text = (
        "def f(first: object, data: object) -> object:\n"
        "    return data.model_copy(update={"
        f'"{field}": first.{field}, "b": 1' + "})\n\n\n"
        # E501 passes a line ending in a URL: a noqa there would be unused (RUF100)
        f'EXAMPLE = {{"{field}": "{url}" "x/1", "b": 2}}\n'
    )
    (formatted,) = format_python({"m.py": text}, "app").values()
    result = subprocess.run(
        [
            ruff_binary(),
            "check",
            "--no-cache",
            "--isolated",
            "--line-length=100",
            "--select=E501,RUF100",
            "-",
        ],
        input=formatted,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + formatted
    assert "# noqa: E501" in formatted


def test_samples_of_long_or_padded_text_stay_short_expressions() -> None:
    from scaffolder.render.samples import sample_expression

    spec = parse_spec(
        "version: 1\nresources:\n  Post:\n    fields:\n"
        f"      {'a_long_name_' * 4}x: str\n"
        "      body:\n        type: text\n        min: 300\n",
        "spec.yaml",
    )
    post = spec.resource("Post")
    long_name, body = post.fields
    assert len(sample_expression(long_name)) <= 20
    assert sample_expression(body) == '"Body" + "x" * 294 + f" {n}"'
    assert len(eval(sample_expression(body), {"n": 1})) == 300


def test_an_enum_class_never_takes_the_name_of_a_generated_class() -> None:
    spec = parse_spec(
        "version: 1\nresources:\n  Post:\n    fields:\n"
        "      filters: enum(a, b)\n      create: enum(a, b)\n      kind: enum(a, b)\n"
        "  Local:\n    fields:\n      time: enum(a, b)\n",
        "spec.yaml",
    )
    enums = [e.class_name for r in spec.resources for e in r.enums]
    assert enums == ["PostFiltersChoice", "PostCreateChoice", "PostKind", "LocalTimeChoice"]


@pytest.mark.parametrize(
    ("declaration", "shortest", "longest"),
    [
        ("str(7)\n        min: 7", 7, 7),  # a hex colour
        ("str(8)\n        min: 6", 6, 8),
        ("slug(5)\n        min: 4", 4, 5),
        ("str(40)\n        min: 38", 38, 40),
        ("str(200)\n        min: 190", 190, 200),
        ("str(20)", 1, 20),
    ],
)
def test_text_samples_stay_within_both_bounds_for_every_row(
    declaration: str, shortest: int, longest: int
) -> None:
    from scaffolder.render.samples import sample_expression

    spec = parse_spec(
        "version: 1\nresources:\n  Label:\n    fields:\n"
        f"      color:\n        type: {declaration}\n",
        "spec.yaml",
    )
    expression = sample_expression(spec.resource("Label").fields[0])
    values = [eval(expression, {"n": n}) for n in range(1, 1000)]
    assert all(shortest <= len(value) <= longest for value in values), expression
    assert len(set(values)) == len(values)  # distinct: the field may be unique


def test_the_update_example_of_a_resource_with_only_refs_clears_a_nullable_one() -> None:
    """Found by the property test: `{"db_id": 1}` named a row the generated test of
    `update` had not made (the ref is nullable, so its factory makes none)."""
    spec = parse_spec(
        "version: 1\nresources:\n  Nav:\n    fields:\n      name: str(20)\n"
        "  Index:\n    fields:\n      db:\n        type: ref(Nav)\n        nullable: true\n"
        "  Link:\n    fields:\n      nav: ref(Nav)\n",
        "spec.yaml",
    )
    assert ResourceView(spec.resource("Index")).update_example == {"db_id": None}
    assert ResourceView(spec.resource("Link")).update_example == {"nav_id": 1}
    assert list(ResourceView(spec.resource("Nav")).update_example) == ["name"]
