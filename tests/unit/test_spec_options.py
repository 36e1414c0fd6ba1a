"""Every long-form field key, every resource key, derived names and reverse relations."""

from __future__ import annotations

import textwrap
from decimal import Decimal

import pytest

from scaffolder.model.names import Names, humanize, plural_of, snake_case
from scaffolder.model.spec import (
    AdminOptions,
    ApiOptions,
    Field,
    Layer,
    OrderKey,
    Resource,
    ReverseRelation,
    Spec,
)
from scaffolder.render.python_types import default_literal
from scaffolder.render.views import FieldView
from scaffolder.spec import parse_spec


def load(resources: str) -> Spec:
    """A spec from the YAML under `resources:` (dedented)."""
    body = textwrap.indent(textwrap.dedent(resources).strip("\n"), "  ")
    return parse_spec(f"version: 1\nresources:\n{body}\n")


def post(fields: str, options: str = "") -> Resource:
    """Resource `Post` with `fields` (field-level YAML) and resource-level `options`."""
    text = "Post:\n  fields:\n" + textwrap.indent(textwrap.dedent(fields).strip("\n"), "    ")
    if options:
        text += "\n" + textwrap.indent(textwrap.dedent(options).strip("\n"), "  ")
    return load(text + "\nAuthor:\n  fields:\n    name: str\n").resource("Post")


def one(declaration: str) -> Field:
    """Field `x` of `Post` declared in long form (a YAML block under `x:`)."""
    return post("x:\n" + textwrap.indent(textwrap.dedent(declaration).strip("\n"), "  ")).field("x")


# ------------------------------------------------------------------ long-form keys


@pytest.mark.parametrize("key", ["nullable", "unique", "index", "read_only", "write_only"])
@pytest.mark.parametrize("value", [True, False])
def test_boolean_keys(key: str, value: bool) -> None:
    f = one(f"type: str\ndefault: a\n{key}: {str(value).lower()}")
    attribute = {"read_only": "read_only", "write_only": "write_only"}.get(key, key)
    assert getattr(f, attribute) is value


def test_null_boolean_key_means_false() -> None:
    assert one("type: str\nnullable:").nullable is False


def test_default_key() -> None:
    f = one("type: int\ndefault: 3")
    assert f.default is not None
    assert (f.default.value, default_literal(f)) == (3, "3")


def test_default_null_on_a_nullable_field() -> None:
    f = one("type: int\nnullable: true\ndefault: null")
    assert f.default is None


def test_max_length_sets_the_column_length_of_a_plain_str() -> None:
    f = one("type: str\nmax_length: 80")
    assert f.length == 80
    assert f.max_length == 80
    assert FieldView(f).column_type == "String(80)"


def test_max_length_below_an_explicit_length_is_a_validation_bound() -> None:
    f = one("type: str(200)\nmax_length: 80")
    assert f.length == 200
    assert f.max_length == 80


def test_string_min_max_are_length_bounds() -> None:
    f = one("type: str(100)\nmin: 3\nmax: 50")
    assert (f.min_length, f.max_length, f.length) == (3, 50, 100)
    assert (f.min_value, f.max_value) == (None, None)


def test_max_and_max_length_agreeing_is_fine() -> None:
    f = one("type: str\nmax: 40\nmax_length: 40")
    assert f.max_length == 40


def test_email_min_length() -> None:
    f = one("type: email\nmin: 6")
    assert (f.min_length, f.length) == (6, 254)


@pytest.mark.parametrize(
    ("type_", "low", "high", "expected"),
    [
        ("int", "1", "10", (1, 10)),
        ("int", "-5", "5.0", (-5, 5)),
        ("bigint", "0", "10000000000", (0, 10000000000)),
        ("float", "0.5", "1.5", (0.5, 1.5)),
        ("decimal(10,2)", "0.01", "99.99", (Decimal("0.01"), Decimal("99.99"))),
    ],
)
def test_number_min_max_are_value_bounds(
    type_: str, low: str, high: str, expected: tuple[object, object]
) -> None:
    f = one(f"type: '{type_}'\nmin: {low}\nmax: {high}")
    assert (f.min_value, f.max_value) == expected
    assert type(f.min_value) is type(expected[0])
    assert (f.min_length, f.max_length) == (None, None)


def test_only_min() -> None:
    f = one("type: int\nmin: 1")
    assert (f.min_value, f.max_value) == (1, None)


def test_default_inside_bounds() -> None:
    f = one("type: int\nmin: 1\nmax: 10\ndefault: 5")
    assert f.default is not None
    assert f.default.value == 5


def test_label_and_help() -> None:
    f = one("type: str\nlabel: Headline\nhelp: Shown on the front page.")
    assert f.label == "Headline"
    assert f.label_text == "Headline"
    assert f.help == "Shown on the front page."


def test_default_label_is_humanized() -> None:
    assert post("published_at: datetime?").field("published_at").label == "Published at"
    assert one("type: str").label == "X"
    assert one("type: str").help is None


def test_renamed_from() -> None:
    assert one("type: str\nrenamed_from: headline").renamed_from == "headline"
    assert one("type: str").renamed_from is None


def test_read_only_fields_default_to_admin_readonly() -> None:
    resource = post("code:\n  type: str\n  read_only: true\n  nullable: true\ntitle: str")
    assert resource.field("code").read_only
    assert resource.admin.readonly == ("code",)


def test_on_delete_and_back() -> None:
    f = one("type: ref(Author)\non_delete: cascade\nback: written_posts")
    assert f.relation is not None
    assert f.relation.on_delete.value == "cascade"
    assert f.relation.back == "written_posts"


def test_on_delete_on_many_may_be_cascade_or_restrict() -> None:
    f = one("type: many(Author)\non_delete: restrict")
    assert f.relation is not None
    assert f.relation.on_delete.value == "restrict"


def test_flags_in_the_long_form_match_the_shorthand() -> None:
    long = post(
        """
        x:
          type: str(80)
          nullable: true
          unique: true
          index: true
          default: abc
        """
    ).field("x")
    short = post("x: str(80)? unique index = abc").field("x")
    assert long == short


# ------------------------------------------------------------------ resource keys


def test_resource_defaults() -> None:
    resource = post("title: str(200)\nbody: text\ncount: int")
    assert resource.name == "Post"
    assert resource.display == "title"
    assert resource.ordering == (OrderKey("id"),)
    assert resource.timestamps is True
    assert resource.layers == (Layer.API, Layer.HTML, Layer.ADMIN)
    assert resource.renamed_from is None
    assert resource.api == ApiOptions(
        filters=("title", "count"),
        sort=("id", "created_at", "updated_at", "title", "body", "count"),
        page_size=20,
        max_page_size=100,
    )
    assert resource.admin == AdminOptions(
        list=("title", "count"), search=("title",), filters=(), readonly=()
    )


def test_plural_and_table() -> None:
    resource = post("title: str", "plural: Articles\ntable: blog_articles")
    assert resource.names.plural_label == "Articles"
    assert resource.names.plural_snake == "articles"
    assert resource.names.table == "blog_articles"
    assert resource.names.route == "blog-articles"


def test_plural_override_changes_the_default_table() -> None:
    resource = load("Person:\n  fields:\n    name: str\n  plural: Persons").resource("Person")
    assert resource.names.table == "persons"
    assert resource.names.plural_label == "Persons"


def test_multi_word_plural_override() -> None:
    names = load("Datum:\n  fields:\n    v: int\n  plural: Data points").resource("Datum").names
    assert names.plural_label == "Data points"
    assert names.plural_snake == "data_points"
    assert names.table == "data_points"


# display: first str-like field (str, email, slug, url — not text), else id
@pytest.mark.parametrize(
    ("fields", "display"),
    [
        ("title: str\nname: str", "title"),
        ("body: text\nname: str", "name"),
        ("count: int\nemail: email", "email"),
        ("count: int\nslug: slug", "slug"),
        ("count: int\nhome: url", "home"),
        ("count: int\nbody: text", "id"),
        ("author: ref(Author)", "id"),
        ("subtitle: str?\nsku: str", "subtitle"),
    ],
)
def test_display_default_rule(fields: str, display: str) -> None:
    assert post(fields).display == display


@pytest.mark.parametrize("display", ["title", "count", "id", "created_at", "author"])
def test_display_explicit(display: str) -> None:
    resource = post("title: str\ncount: int\nauthor: ref(Author)", f"display: {display}")
    assert resource.display == display


def test_display_defaults_the_admin_list() -> None:
    resource = post("count: int\ntitle: str\nbody: text\na: int\nb: int\nc: int", "display: title")
    assert resource.admin.list == ("title", "count", "a", "b")


def test_ordering() -> None:
    resource = post("title: str\npublished_at: datetime?", "ordering: [-published_at, title]")
    assert resource.ordering == (OrderKey("published_at", True), OrderKey("title"))
    assert [str(k) for k in resource.ordering] == ["-published_at", "title"]


def test_ordering_as_a_single_string() -> None:
    assert post("title: str", "ordering: -title").ordering == (OrderKey("title", True),)


def test_ordering_by_generated_columns() -> None:
    assert post("title: str", "ordering: [-created_at, id]").ordering == (
        OrderKey("created_at", True),
        OrderKey("id"),
    )


def test_timestamps_false() -> None:
    resource = post("title: str", "timestamps: false")
    assert resource.timestamps is False
    assert resource.api.sort == ("id", "title")


def test_timestamps_false_allows_own_created_at() -> None:
    resource = post("created_at: datetime\nupdated_at: datetime?", "timestamps: false")
    assert [f.name for f in resource.fields] == ["created_at", "updated_at"]


@pytest.mark.parametrize(
    ("written", "layers"),
    [
        ("[api]", (Layer.API,)),
        ("[admin, api]", (Layer.API, Layer.ADMIN)),  # canonical order
        ("[html]", (Layer.HTML,)),
        ("[]", ()),
        ("[api, html, admin]", (Layer.API, Layer.HTML, Layer.ADMIN)),
    ],
)
def test_layers(written: str, layers: tuple[Layer, ...]) -> None:
    resource = post("title: str", f"layers: {written}")
    assert resource.layers == layers
    for layer in Layer:
        assert resource.has_layer(layer) is (layer in layers)


def test_admin_options() -> None:
    resource = post(
        "title: str\nbody: text\nstatus: enum(a, b)\nauthor: ref(Author)",
        """
        admin:
          list: [title, status, author, created_at]
          search: [title, body]
          filters: [status, author]
          readonly: [created_at]
        """,
    )
    assert resource.admin == AdminOptions(
        list=("title", "status", "author", "created_at"),
        search=("title", "body"),
        filters=("status", "author"),
        readonly=("created_at",),
    )


def test_admin_defaults() -> None:
    resource = post(
        "title: str\nslug: slug\nbody: text\nactive: bool\nstatus: enum(a, b)\n"
        "author: ref(Author)\ntags: {type: many(Author), back: tagged_posts}\nnotes: json?"
    )
    assert resource.admin.list == ("title", "slug", "active", "status")
    assert resource.admin.search == ("title", "slug")
    assert resource.admin.filters == ("active", "status", "author")
    assert resource.admin.readonly == ()


def test_admin_empty_lists_are_kept_empty() -> None:
    resource = post("title: str", "admin:\n  list: [title]\n  search: []\n  filters: []")
    assert resource.admin.search == ()
    assert resource.admin.filters == ()


def test_api_options() -> None:
    resource = post(
        "title: str\ncount: int\nbody: text",
        """
        api:
          filters: [title, count]
          sort: [count, title]
          page_size: 50
          max_page_size: 500
        """,
    )
    assert resource.api.filters == ("title", "count")
    assert resource.api.page_size == 50
    assert resource.api.max_page_size == 500


def test_api_page_size_raises_the_default_max() -> None:
    api = post("title: str", "api:\n  page_size: 250").api
    assert (api.page_size, api.max_page_size) == (250, 250)


def test_api_defaults_skip_unfilterable_and_unsortable_fields() -> None:
    resource = post("title: str\nbody: text\ndata: json\ntags: many(Author)\nn: int")
    api = resource.api
    assert api.filters == ("title", "n")
    # the service's sort columns (long text too), so the API module declares none
    assert api.sort == ("id", "created_at", "updated_at", "title", "body", "n")
    assert resource.own_api_sort is None


def test_resource_renamed_from() -> None:
    assert post("title: str", "renamed_from: Article").renamed_from == "Article"


def test_resource_and_field_locations() -> None:
    spec = load("Post:\n  fields:\n    title: str\n    body: text")
    resource = spec.resource("Post")
    assert resource.location is not None
    assert (resource.location.line, resource.location.column) == (3, 3)
    assert resource.location.file == "scaffold.yaml"
    location = resource.field("body").location
    assert location is not None
    assert (location.line, location.column) == (6, 7)


def test_spec_lookup() -> None:
    spec = load("Post:\n  fields:\n    title: str\nTag:\n  fields:\n    name: str")
    assert [r.name for r in spec.resources] == ["Post", "Tag"]
    assert spec.has_resource("Tag")
    assert not spec.has_resource("User")
    assert spec.resource("Post").has_field("title")
    assert not spec.resource("Post").has_field("id")
    assert spec.version == 1


def test_empty_resources() -> None:
    assert parse_spec("version: 1\nresources: {}\n").resources == ()
    assert parse_spec("version: 1\nresources:\n").resources == ()


# ------------------------------------------------------------------- derived names


# name → snake, plural snake (= table), route, label, plural label
DERIVED = {
    "Post": ("post", "posts", "posts", "Post", "Posts"),
    "BlogPost": ("blog_post", "blog_posts", "blog-posts", "Blog post", "Blog posts"),
    "Category": ("category", "categories", "categories", "Category", "Categories"),
    "Person": ("person", "people", "people", "Person", "People"),
    "OrderLine": ("order_line", "order_lines", "order-lines", "Order line", "Order lines"),
    "Box": ("box", "boxes", "boxes", "Box", "Boxes"),
    "HTTPLog": ("http_log", "http_logs", "http-logs", "HTTP log", "HTTP logs"),
    "Address": ("address", "addresses", "addresses", "Address", "Addresses"),
    "Child": ("child", "children", "children", "Child", "Children"),
    "Status": ("status", "statuses", "statuses", "Status", "Statuses"),
    "Item2": ("item2", "item2s", "item2s", "Item2", "Item2s"),
    "R0": ("r0", "r0s", "r0s", "R0", "R0s"),
    "V2Api": ("v2_api", "v2_apis", "v2-apis", "V2 api", "V2 apis"),
}


@pytest.mark.parametrize(("name", "expected"), DERIVED.items(), ids=list(DERIVED))
def test_derived_names(name: str, expected: tuple[str, str, str, str, str]) -> None:
    snake, plural_snake, route, label, plural_label = expected
    names = load(f"{name}:\n  fields:\n    title: str").resource(name).names
    assert names == Names(
        class_name=name,
        snake=snake,
        plural_snake=plural_snake,
        label=label,
        plural_label=plural_label,
        table=plural_snake,
        route=route,
        collection=plural_snake,
    )
    assert Names.derive(name) == names


def test_name_helpers() -> None:
    assert snake_case("BlogPost") == "blog_post"
    assert humanize("published_at") == "Published at"
    assert plural_of("OrderLine") == "OrderLines"
    assert plural_of("Category") == "Categories"


def test_the_examples_derive_expected_tables() -> None:
    from scaffolder.examples import example_path
    from scaffolder.spec import load_spec

    shop = load_spec(example_path("shop"))
    assert [r.names.table for r in shop.resources] == [
        "categories",
        "products",
        "orders",
        "order_lines",
    ]
    assert shop.resource("Category").names.plural_label == "Categories"
    assert shop.resource("OrderLine").names.route == "order-lines"


# --------------------------------------------------------------- reverse relations


def test_reverse_relations_of_the_blog_example() -> None:
    from scaffolder.examples import example_path
    from scaffolder.spec import load_spec

    spec = load_spec(example_path("blog"))
    assert spec.resource("Author").reverse == (
        ReverseRelation("posts", "Post", "author", many=False),
        ReverseRelation("reviewed_posts", "Post", "reviewer", many=False),
    )
    assert spec.resource("Tag").reverse == (ReverseRelation("posts", "Post", "tags", many=True),)
    assert spec.resource("Post").reverse == (
        ReverseRelation("comments", "Comment", "post", many=False),
    )
    assert spec.resource("Comment").reverse == ()
    assert spec.user_reverse == (ReverseRelation("comments", "Comment", "user", many=False),)


def test_reverse_relations_of_the_shop_example() -> None:
    from scaffolder.examples import example_path
    from scaffolder.spec import load_spec

    spec = load_spec(example_path("shop"))
    assert [r.name for r in spec.resource("Category").reverse] == ["children", "products"]
    assert [r.name for r in spec.resource("Order").reverse] == ["lines"]
    assert [r.name for r in spec.resource("Product").reverse] == ["order_lines"]
    assert spec.user_reverse == (ReverseRelation("orders", "Order", "customer", many=False),)


def test_default_back_is_the_source_plural_snake() -> None:
    spec = load(
        """
        Author:
          fields:
            name: str
        BlogPost:
          fields:
            author: ref(Author)
        Person:
          fields:
            favourite: ref(Author)
        """
    )
    assert [r.name for r in spec.resource("Author").reverse] == ["blog_posts", "people"]


def test_user_reverse_collections() -> None:
    spec = load(
        """
        Post:
          fields:
            author: ref(User)
            editor: {type: ref(User), nullable: true, back: edited_posts}
            likers: {type: many(User), back: liked_posts}
        """
    )
    assert spec.user_reverse == (
        ReverseRelation("posts", "Post", "author", many=False),
        ReverseRelation("edited_posts", "Post", "editor", many=False),
        ReverseRelation("liked_posts", "Post", "likers", many=True),
    )
    assert not spec.has_resource("User")


def test_reverse_collections_may_share_a_name_on_different_targets() -> None:
    spec = load(
        """
        Author:
          fields:
            name: str
        Tag:
          fields:
            name: str
        Post:
          fields:
            author: ref(Author)
            tags: many(Tag)
        """
    )
    assert [r.name for r in spec.resource("Author").reverse] == ["posts"]
    assert [r.name for r in spec.resource("Tag").reverse] == ["posts"]
