"""Every field type of SPEC-FORMAT, in shorthand and long form, and what the model derives."""

from __future__ import annotations

import datetime as dt
import textwrap
import uuid
from decimal import Decimal

import pytest

from scaffolder.model.spec import Field, OnDelete, Spec
from scaffolder.model.types import FieldType
from scaffolder.render.python_types import default_literal
from scaffolder.render.sql import on_delete_sql
from scaffolder.render.views import FieldView
from scaffolder.spec import parse_spec


def spec_with(fields: str, extra: str = "") -> Spec:
    """A spec whose `Post` has `fields` (YAML lines at field level), plus `Author` and `Tag`."""
    body = textwrap.indent(textwrap.dedent(fields).strip("\n"), " " * 6)
    text = (
        "version: 1\nresources:\n  Post:\n    fields:\n"
        f"{body}\n"
        "  Author:\n    fields:\n      name: str(120)\n"
        "  Tag:\n    fields:\n      name: str(50) unique\n"
        f"{textwrap.dedent(extra)}"
    )
    return parse_spec(text)


def field(declaration: str) -> Field:
    """Field `x` of `Post`: a shorthand string, a flow mapping or an indented long form."""
    return spec_with(f"x: {declaration}").resource("Post").field("x")


def default_python(f: Field) -> str:
    assert f.default is not None
    return default_literal(f)


def association(f: Field) -> str | None:
    assert f.relation is not None
    return f.relation.association_table


# ------------------------------------------------------------------------- the table

# type shorthand → (python_type, column_type, pydantic_type, length)
SCALAR_TYPES = {
    "str": ("str", "String(255)", "str", 255),
    "str(120)": ("str", "String(120)", "str", 120),
    "text": ("str", "Text()", "str", None),
    "int": ("int", "Integer()", "int", None),
    "bigint": ("int", "BigInteger()", "int", None),
    "float": ("float", "Float()", "float", None),
    "decimal": ("Decimal", "Numeric(12, 2)", "Decimal", None),
    "decimal(10,3)": ("Decimal", "Numeric(10, 3)", "Decimal", None),
    "decimal( 8 , 0 )": ("Decimal", "Numeric(8, 0)", "Decimal", None),
    "bool": ("bool", "Boolean()", "bool", None),
    "date": ("date", "Date()", "date", None),
    "datetime": ("datetime", "DateTime(timezone=True)", "AwareDatetime", None),
    "time": ("time", "Time()", "time", None),
    "uuid": ("UUID", "Uuid()", "UUID", None),
    "json": ("JsonValue", "JSON()", "JsonValue", None),
    "email": ("str", "String(254)", "EmailStr", 254),
    "url": ("str", "String(2048)", "HttpUrl", 2048),
    "slug": ("str", "String(255)", "str", 255),
    "slug(80)": ("str", "String(80)", "str", 80),
}


@pytest.mark.parametrize("form", ["shorthand", "long"])
@pytest.mark.parametrize(("written", "expected"), SCALAR_TYPES.items(), ids=list(SCALAR_TYPES))
def test_scalar_type(written: str, expected: tuple[str, str, str, int | None], form: str) -> None:
    python_type, column_type, pydantic_type, length = expected
    f = field(written) if form == "shorthand" else field(f"\n  type: {written}")
    assert f.type is FieldType(written.split("(")[0])
    assert FieldView(f).python_type == python_type
    assert FieldView(f).python_annotation == python_type
    assert FieldView(f).column_type == column_type
    assert FieldView(f).pydantic_type == pydantic_type
    assert f.length == length
    assert f.column_name == "x"
    assert f.api_name == "x"
    assert f.relation is None
    assert f.enum is None
    assert not f.nullable
    assert not f.unique
    assert not f.index
    assert f.default is None
    assert f.required


def test_decimal_defaults_to_precision_12_scale_2() -> None:
    f = field("decimal")
    assert (f.precision, f.scale) == (12, 2)
    assert (field("decimal(10,3)").precision, field("decimal(10,3)").scale) == (10, 3)


@pytest.mark.parametrize(
    ("written", "imports"),
    [
        ("decimal", ("from decimal import Decimal", "from decimal import Decimal")),
        ("date", ("from datetime import date", "from datetime import date")),
        ("datetime", ("from datetime import datetime", "from pydantic import AwareDatetime")),
        ("uuid", ("from uuid import UUID", "from uuid import UUID")),
        ("email", ("from pydantic import EmailStr",)),
        ("str", ()),
    ],
)
def test_imports_the_annotations_need(written: str, imports: tuple[str, ...]) -> None:
    assert FieldView(field(written)).imports == imports


def test_type_categories() -> None:
    assert field("str").is_textual
    assert field("slug").is_textual
    assert not field("int").is_textual
    assert field("decimal").is_numeric
    assert field("float").is_numeric
    assert not field("json").is_sortable
    assert field("date").is_sortable


# ------------------------------------------------------------------- modifiers


@pytest.mark.parametrize(
    ("shorthand", "long"),
    [
        ("str?", "{type: str, nullable: true}"),
        ("str unique", "{type: str, unique: true}"),
        ("str index", "{type: str, index: true}"),
        ("str(80)? unique index", "{type: str(80), nullable: true, unique: true, index: true}"),
        ("str(80)? index unique", "{type: str(80), nullable: true, index: true, unique: true}"),
    ],
)
def test_shorthand_and_long_form_mean_the_same(shorthand: str, long: str) -> None:
    assert field(shorthand) == field(long)


def test_nullable_changes_the_annotation_and_requiredness() -> None:
    f = field("datetime?")
    assert f.nullable
    assert FieldView(f).python_type == "datetime"
    assert FieldView(f).python_annotation == "datetime | None"
    assert not f.required


def test_unique_and_index_flags() -> None:
    f = field("str(50) unique index")
    assert (f.unique, f.index, f.nullable) == (True, True, False)
    assert f.indexed


def test_shorthand_whitespace_is_free() -> None:
    assert field("  str(80)?   unique   =   abc ") == field("str(80)? unique = abc")


# ------------------------------------------------------------------- defaults


@pytest.mark.parametrize(
    ("written", "value", "python"),
    [
        ("int = 0", 0, "0"),
        ("int = -5", -5, "-5"),
        ("bigint = 5000000000", 5000000000, "5000000000"),
        ("float = 1.5", 1.5, "1.5"),
        ("float = 2", 2.0, "2.0"),
        ("decimal = 9.99", Decimal("9.99"), 'Decimal("9.99")'),
        ("decimal(10,3) = 0.125", Decimal("0.125"), 'Decimal("0.125")'),
        ("decimal = 10", Decimal(10), 'Decimal("10")'),
        ("bool = true", True, "True"),
        ("bool = false", False, "False"),
        ("str = draft", "draft", '"draft"'),
        ("str = 'a b'", "a b", '"a b"'),
        ('str = "quoted"', "quoted", '"quoted"'),
        ("str = 123", "123", '"123"'),  # a str default keeps the digits as text
        ("str = true", "true", '"true"'),
        ("text = it's", "it's", '"it\'s"'),
        ("email = a@example.com", "a@example.com", '"a@example.com"'),
        ("url = https://example.com/x", "https://example.com/x", '"https://example.com/x"'),
        ("slug = my-first-post", "my-first-post", '"my-first-post"'),
        ("date = 2024-01-31", dt.date(2024, 1, 31), 'date.fromisoformat("2024-01-31")'),
        (
            "datetime = 2024-01-31T09:30:00+00:00",
            dt.datetime(2024, 1, 31, 9, 30, tzinfo=dt.UTC),
            'datetime.fromisoformat("2024-01-31T09:30:00+00:00")',
        ),
        (
            "datetime = 2024-01-31T09:30:00Z",
            dt.datetime(2024, 1, 31, 9, 30, tzinfo=dt.UTC),
            'datetime.fromisoformat("2024-01-31T09:30:00+00:00")',
        ),
        ("time = 09:30:00", dt.time(9, 30), 'time.fromisoformat("09:30:00")'),
        ("time = '09:30'", dt.time(9, 30), 'time.fromisoformat("09:30:00")'),
        (
            "uuid = 123e4567-e89b-12d3-a456-426614174000",
            uuid.UUID("123e4567-e89b-12d3-a456-426614174000"),
            'UUID("123e4567-e89b-12d3-a456-426614174000")',
        ),
        ("str? = null", None, None),
    ],
)
def test_shorthand_default(written: str, value: object, python: str | None) -> None:
    f = field(written)
    if python is None:
        assert f.default is None
        return
    assert f.default is not None
    assert f.default.value == value
    assert type(f.default.value) is type(value)
    assert default_literal(f) == python
    assert not f.required
    # the literal is Python source that evaluates back to the value
    namespace = {
        "Decimal": Decimal,
        "date": dt.date,
        "datetime": dt.datetime,
        "time": dt.time,
        "UUID": uuid.UUID,
    }
    assert eval(default_literal(f), namespace) == value


@pytest.mark.parametrize(
    ("long", "value", "python"),
    [
        ("{type: int, default: 7}", 7, "7"),
        ("{type: 'decimal(10,2)', default: 9.99}", Decimal("9.99"), 'Decimal("9.99")'),
        ("{type: 'decimal(10,2)', default: '1.50'}", Decimal("1.50"), 'Decimal("1.50")'),
        ("{type: bool, default: true}", True, "True"),
        ("{type: str, default: hello}", "hello", '"hello"'),
        ("{type: date, default: 2024-01-31}", dt.date(2024, 1, 31), None),
        (
            "{type: datetime, default: 2024-01-31T09:30:00+02:00}",
            dt.datetime(2024, 1, 31, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=2))),
            'datetime.fromisoformat("2024-01-31T09:30:00+02:00")',
        ),
        ("{type: float, default: 1.50}", 1.5, "1.5"),
        ("{type: int, default: 0x10}", 16, "16"),
        ("{type: json, default: {a: [1, 2]}}", {"a": [1, 2]}, '{"a": [1, 2]}'),
        ("{type: json, default: [1, true, null]}", [1, True, None], "[1, True, None]"),
        ("{type: json, default: 3}", 3, "3"),
    ],
)
def test_long_form_default(long: str, value: object, python: str | None) -> None:
    f = field(long)
    assert f.default is not None
    assert f.default.value == value
    # plain Python values: ruamel's TimeStamp/ScalarFloat/ScalarInt must not leak out
    assert type(f.default.value) is type(value)
    if python is not None:
        assert default_literal(f) == python


def test_json_default_value_is_plain_python() -> None:
    f = field("{type: json, default: {a: [1, {b: c}]}}")
    assert f.default is not None
    assert type(f.default.value) is dict
    assert type(f.default.value["a"]) is list
    assert type(f.default.value["a"][1]) is dict


# ------------------------------------------------------------------------- enums


def test_enum_values_and_class() -> None:
    f = field("enum(draft, published, archived) = draft")
    assert f.enum is not None
    assert f.enum.class_name == "PostX"
    assert [(m.name, m.value) for m in f.enum.members] == [
        ("DRAFT", "draft"),
        ("PUBLISHED", "published"),
        ("ARCHIVED", "archived"),
    ]
    assert FieldView(f).python_type == "PostX"
    assert FieldView(f).pydantic_type == "PostX"
    assert f.enum.max_length == len("published")
    assert FieldView(f).column_type == (
        "Enum(PostX, native_enum=False, length=9, values_callable=_enum_values)"
    )
    assert f.default is not None
    assert f.default.value == "draft"
    assert default_literal(f) == "PostX.DRAFT"


def test_enum_class_name_is_resource_plus_field() -> None:
    spec = spec_with("publication_status: enum(a, b)")
    enum = spec.resource("Post").field("publication_status").enum
    assert enum is not None
    assert enum.class_name == "PostPublicationStatus"
    assert spec.resource("Post").enums == (enum,)


@pytest.mark.parametrize(
    ("values", "names"),
    [
        ("PG-13, R, G", ["PG_13", "R", "G"]),
        ("on hold, shipped", ["ON_HOLD", "SHIPPED"]),
        ("13+, 18+", ["V_13", "V_18"]),
        ("a b, a-b, a_b", ["A_B", "A_B_2", "A_B_3"]),
        ("'x, y', z", ["X_Y", "Z"]),
        ("'a)b', \"c(d\"", ["A_B", "C_D"]),
        ("+, -", ["VALUE", "VALUE_2"]),
        ("café, naïve", ["CAF", "NA_VE"]),
        ("None, class, True", ["NONE", "CLASS", "TRUE"]),
    ],
)
def test_enum_member_names_are_identifiers(values: str, names: list[str]) -> None:
    f = field(f"enum({values})")
    assert f.enum is not None
    assert [m.name for m in f.enum.members] == names
    for name in names:
        assert name.isidentifier()


def test_enum_odd_values_are_kept_verbatim() -> None:
    f = field("enum(PG-13, on hold, 13+) = on hold")
    assert f.enum is not None
    assert [m.value for m in f.enum.members] == ["PG-13", "on hold", "13+"]
    assert f.default is not None
    assert f.default.value == "on hold"
    assert default_literal(f) == "PostX.ON_HOLD"
    assert default_python(field("enum(PG-13, on hold, 13+) = 13+")) == "PostX.V_13"
    assert default_python(field("enum(PG-13, on hold, 13+) = PG-13")) == "PostX.PG_13"


def test_enum_numeric_looking_values_stay_strings() -> None:
    f = field("enum(1, 2, 10) = 10")
    assert f.enum is not None
    assert [m.value for m in f.enum.members] == ["1", "2", "10"]
    assert f.default is not None
    assert f.default.value == "10"


def test_enum_long_form() -> None:
    f = field("{type: 'enum(new, on hold)', default: on hold, nullable: true}")
    assert f.enum is not None
    assert f.nullable
    assert FieldView(f).python_annotation == "PostX | None"
    assert f.default is not None
    assert default_literal(f) == "PostX.ON_HOLD"


# ---------------------------------------------------------------------- references


def test_ref_field() -> None:
    f = spec_with("author: ref(Author)").resource("Post").field("author")
    assert f.type is FieldType.REF
    assert f.is_ref
    assert FieldView(f).python_type == "Author"
    assert FieldView(f).python_annotation == "Author"
    assert FieldView(f).pydantic_type == "int"
    assert FieldView(f).column_type == "Integer()"
    assert f.column_name == "author_id"
    assert f.api_name == "author_id"
    assert f.indexed
    assert f.relation is not None
    assert f.relation.many is False
    assert f.relation.target == "Author"
    assert f.relation.target_table == "authors"
    assert f.relation.fk_column == "author_id"
    assert f.relation.on_delete is OnDelete.RESTRICT
    assert f.relation.back == "posts"
    assert f.relation.association_table is None


def test_nullable_ref_with_set_null_and_back() -> None:
    f = (
        spec_with(
            """
            reviewer:
              type: ref(Author)
              nullable: true
              on_delete: set_null
              back: reviewed_posts
            """
        )
        .resource("Post")
        .field("reviewer")
    )
    assert FieldView(f).python_annotation == "Author | None"
    assert f.relation is not None
    assert f.relation.on_delete is OnDelete.SET_NULL
    assert on_delete_sql(f.relation.on_delete) == "SET NULL"
    assert f.relation.back == "reviewed_posts"
    assert f.column_name == "reviewer_id"


@pytest.mark.parametrize(
    ("written", "expected"), [("cascade", "CASCADE"), ("restrict", "RESTRICT")]
)
def test_ref_on_delete(written: str, expected: str) -> None:
    f = field(f"{{type: ref(Author), on_delete: {written}}}")
    assert f.relation is not None
    assert on_delete_sql(f.relation.on_delete) == expected


def test_ref_to_the_builtin_user() -> None:
    f = spec_with("owner: ref(User)").resource("Post").field("owner")
    assert f.relation is not None
    assert f.relation.target == "User"
    assert f.relation.target_table == "users"
    assert FieldView(f).python_type == "User"


def test_ref_to_itself() -> None:
    spec = spec_with(
        """
        parent:
          type: ref(Post)
          nullable: true
          on_delete: set_null
          back: children
        """
    )
    post = spec.resource("Post")
    f = post.field("parent")
    assert f.relation is not None
    assert f.relation.target == "Post"
    assert f.relation.target_table == "posts"
    assert f.column_name == "parent_id"
    assert [(r.name, r.source, r.source_field) for r in post.reverse] == [
        ("children", "Post", "parent")
    ]
    assert post.depends_on == ("Post",)


def test_many_field() -> None:
    f = spec_with("tags: many(Tag)").resource("Post").field("tags")
    assert f.type is FieldType.MANY
    assert f.is_many
    assert FieldView(f).python_type == "list[Tag]"
    assert FieldView(f).pydantic_type == "list[int]"
    assert f.column_name is None
    assert FieldView(f).column_type == ""
    assert f.api_name == "tag_ids"
    assert not f.required
    assert f.relation is not None
    assert f.relation.many is True
    assert f.relation.target == "Tag"
    assert f.relation.fk_column is None
    assert f.relation.association_table == "posts_tags"

    assert f.relation.source_column == "post_id"
    assert f.relation.target_column == "tag_id"
    assert f.relation.on_delete is OnDelete.CASCADE
    assert f.relation.back == "posts"


@pytest.mark.parametrize(
    ("name", "key"),
    [("tags", "tag_ids"), ("related_posts", "related_post_ids"), ("staff", "staff_ids")],
)
def test_a_many_is_read_and_written_as_its_singular_ids(name: str, key: str) -> None:
    f = spec_with(f"{name}: many(Tag)").resource("Post").field(name)
    assert f.api_name == key


def test_many_to_itself_names_the_other_column_after_the_field() -> None:
    spec = spec_with("related: {type: many(Post), back: related_from}")
    f = spec.resource("Post").field("related")
    assert f.relation is not None
    assert f.relation.association_table == "posts_related"
    assert f.relation.source_column == "post_id"
    assert f.relation.target_column == "related_id"
    friends = spec_with("friends: {type: many(Post), back: friend_of}").resource("Post")
    relation = friends.field("friends").relation
    assert relation is not None
    assert (relation.source_column, relation.target_column) == ("post_id", "friend_id")


def test_many_association_table_follows_a_custom_table_name() -> None:
    spec = spec_with("tags: many(Tag)")
    assert association(spec.resource("Post").field("tags")) == "posts_tags"
    text = (
        "version: 1\nresources:\n  BlogPost:\n    fields:\n      tags: many(Tag)\n"
        "    table: entries\n  Tag:\n    fields:\n      name: str\n"
    )
    relation = parse_spec(text).resource("BlogPost").field("tags").relation
    assert relation is not None
    assert relation.association_table == "entries_tags"
    assert relation.source_column == "blog_post_id"


def test_refs_and_manys_of_a_resource() -> None:
    post = spec_with("author: ref(Author)\ntags: many(Tag)\ntitle: str").resource("Post")
    assert [f.name for f in post.refs] == ["author"]
    assert [f.name for f in post.manys] == ["tags"]
    assert post.depends_on == ("Author", "Tag")


# ------------------------------------------------------------------- the examples


def test_blog_example_types() -> None:
    from scaffolder.examples import example_path
    from scaffolder.spec import load_spec

    post = load_spec(example_path("blog")).resource("Post")
    assert FieldView(post.field("title")).column_type == "String(200)"
    assert post.field("slug").unique
    assert default_python(post.field("status")) == "PostStatus.DRAFT"
    assert FieldView(post.field("published_at")).python_annotation == "datetime | None"
    assert default_python(post.field("views")) == "0"
    assert association(post.field("tags")) == "posts_tags"


def test_shop_example_types() -> None:
    from scaffolder.examples import example_path
    from scaffolder.spec import load_spec

    spec = load_spec(example_path("shop"))
    status = spec.resource("Order").field("status")
    assert status.enum is not None
    assert status.enum.member("on hold").name == "ON_HOLD"
    price = spec.resource("Product").field("price")
    assert (price.precision, price.scale, price.nullable) == (10, 2, False)
    attributes = FieldView(spec.resource("Product").field("attributes"))
    assert attributes.python_annotation == "JsonValue | None"
    assert FieldView(spec.resource("Order").field("number")).column_type == "Uuid()"
    quantity = spec.resource("OrderLine").field("quantity")
    assert quantity.min_value == 1


def test_the_model_is_frozen_and_hashable() -> None:
    """Two loads of one text give equal, hashable models — json defaults (dicts) included."""
    import dataclasses

    text = "x: {type: json, default: {a: [1, 2]}}\ny: int = 3"
    first, second = spec_with(text), spec_with(text)
    assert first == second
    assert hash(first) == hash(second)
    f = first.resource("Post").field("x")
    assert hash(f) == hash(second.resource("Post").field("x"))
    with pytest.raises(dataclasses.FrozenInstanceError):
        f.name = "y"  # type: ignore[misc]
