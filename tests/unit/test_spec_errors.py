"""Every error of SPEC-FORMAT's "What is an error" (and the loader's extra ones).

Each case pins the exact line and column, a fragment of the message, and the help the
contract promises: "an example of the fix" or a "did you mean" for near misses.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

import pytest

from scaffolder.errors import Problem, SpecError
from scaffolder.spec import parse_cli_fields, parse_spec

HEAD = "version: 1\nresources:\n  Post:\n    fields:\n"  # fields start on line 5, column 7
TAIL = "  Author:\n    fields:\n      name: str\n"


def problems_of(text: str) -> list[Problem]:
    with pytest.raises(SpecError) as raised:
        parse_spec(text, "spec.yaml")
    return raised.value.problems


def field_spec(line: str) -> str:
    """`Post` with one field line (at line 5), and `Author`."""
    return HEAD + "      " + line + "\n" + TAIL


@dataclass(frozen=True)
class Case:
    id: str
    text: str
    line: int
    column: int
    message: str  # a fragment of the message
    hint: str | None = None  # a fragment of the hint; None: not checked
    example: str | None = None  # a fragment of the example; None: not checked
    count: int = 1  # problems the file has in all

    def param(self) -> object:
        return pytest.param(self, id=self.id)


def field_case(
    id: str,
    line: str,
    column: int,
    message: str,
    hint: str | None = None,
    example: str | None = None,
    count: int = 1,
) -> Case:
    return Case(id, field_spec(line), 5, column, message, hint, example, count)


def spec(text: str) -> str:
    return textwrap.dedent(text).lstrip("\n")


CASES = [
    # ------------------------------------------------------------------ YAML itself
    Case(
        "yaml-syntax",
        spec(
            """
            version: 1
            resources:
              Post:
                fields:
                  title: str
                 body: text
            """
        ),
        6,
        6,
        "bad indentation: this line is indented by 5 spaces, the line above by 6",
        hint="must line up",
        example="      body: text",
    ),
    Case(
        "yaml-indented-too-deep",
        HEAD + "      title: str(200)\n        body: text\n",
        6,
        13,
        "bad indentation: this line is indented by 8 spaces, the line above by 6",
        example="      body: text",
    ),
    Case(
        "resource-key-that-is-a-field",
        HEAD + "      title: str(200)\n    body: text\n",
        6,
        5,
        "unknown key `body` in resource `Post`",
        hint="indent it under `fields:`",
        example="fields:\n  body: text",
    ),
    Case(
        "yaml-duplicate-top-key",
        "version: 1\nversion: 1\nresources: {}\n",
        2,
        1,
        "duplicate key `version` (first given on line 1)",
        hint="may appear once",
    ),
    Case(
        "yaml-duplicate-field",
        field_spec("title: str\n      title: text"),
        6,
        7,
        "duplicate key `title` (first given on line 5)",
        hint="may appear once",
    ),
    Case(
        "yaml-tab",
        HEAD + "      a: str\n\tb: str\n",
        6,
        1,
        "tab character",
        hint="spaces, not tabs",
    ),
    Case(
        "yaml-colon-in-plain-value",
        field_spec('n: json = {"a": 1}'),
        5,
        21,
        "invalid YAML",
        hint="must be quoted",
    ),
    Case(
        "yaml-unclosed-quote",
        "version: 1\nresources: 'x\n",
        2,
        12,
        "invalid YAML",
        hint="check",
    ),
    Case(
        "yaml-bad-explicit-tag",
        field_spec("x: {type: bool, default: !!bool maybe}"),
        5,
        32,
        "cannot read this bool value",
        hint="check",
    ),
    Case("empty-file", "", 1, 1, "the spec is empty", example="version: 1"),
    Case("not-a-mapping", "- a\n- b\n", 1, 1, "must be a mapping", example="resources:"),
    # -------------------------------------------------------------- top-level keys
    Case(
        "unknown-top-level-key",
        "version: 1\nresources: {}\nsettings: {}\n",
        3,
        1,
        "unknown top-level key `settings`",
        hint="allowed: version, resources",
    ),
    Case(
        "misspelled-top-level-key",
        "version: 1\nresorces: {}\n",
        2,
        1,
        "unknown top-level key `resorces`",
        hint="did you mean `resources`?",
    ),
    Case("missing-version", "resources: {}\n", 1, 1, "missing `version`", example="version: 1"),
    Case(
        "wrong-version",
        "version: 2\nresources: {}\n",
        1,
        10,
        "unsupported version `2`",
        hint="version 1",
        example="version: 1",
    ),
    Case(
        "version-as-text",
        'version: "1"\nresources: {}\n',
        1,
        10,
        "must be the number 1",
        example="version: 1",
    ),
    Case(
        "version-bool",
        "version: true\nresources: {}\n",
        1,
        10,
        "unsupported version",
        example="version: 1",
    ),
    Case("missing-resources", "version: 1\n", 1, 1, "missing `resources`", example="resources:"),
    Case(
        "resources-not-a-mapping",
        "version: 1\nresources: [Post]\n",
        2,
        12,
        "`resources` must be a mapping",
        example="resources:",
    ),
    # --------------------------------------------------------------- resources
    Case(
        "resource-name-pattern",
        "version: 1\nresources:\n  blog_post:\n    fields: {title: str}\n",
        3,
        3,
        "resource name `blog_post` must be PascalCase",
        example="BlogPost:",
    ),
    Case(
        "resource-name-non-ascii",
        "version: 1\nresources:\n  Café:\n    fields: {title: str}\n",
        3,
        3,
        "must be PascalCase ASCII",
        example="Caf",
    ),
    Case(
        "resource-name-keyword",
        "version: 1\nresources:\n  None:\n    fields: {title: str}\n",
        3,
        3,
        "resource name `None` is a Python keyword",
        example="NoneItem:",
    ),
    Case(
        "resource-name-reserved-user",
        "version: 1\nresources:\n  User:\n    fields: {nickname: str}\n",
        3,
        3,
        "resource name `User` is reserved",
        hint="ref(User)",
    ),
    Case(
        "resource-name-reserved-base",
        "version: 1\nresources:\n  Base:\n    fields: {nickname: str}\n",
        3,
        3,
        "resource name `Base` is reserved",
        hint="declarative base",
    ),
    Case(
        "resource-not-a-mapping",
        "version: 1\nresources:\n  Post: title\n",
        3,
        3,
        "resource `Post` must be a mapping with `fields`",
        example="fields:",
    ),
    Case(
        "resource-without-fields",
        "version: 1\nresources:\n  Post:\n    plural: Posts\n",
        3,
        3,
        "resource `Post` has no `fields`",
        example="fields:",
    ),
    Case(
        "resource-empty-fields",
        "version: 1\nresources:\n  Post:\n    fields: {}\n",
        4,
        13,
        "must be a non-empty mapping",
        example="title: str(200)",
    ),
    Case(
        "unknown-resource-key",
        HEAD + "      title: str\n    sort_by: title\n",
        6,
        5,
        "unknown key `sort_by` in resource `Post`",
        hint="allowed:",
    ),
    Case(
        "unknown-key-in-a-resource-named-with-braces",
        "version: 1\nresources:\n  '{0}':\n    fields: {a: str}\n    sort: a\n",
        5,
        5,
        "unknown key `sort` in resource `{0}`",
        hint="allowed:",
        count=2,
    ),
    Case(
        "misspelled-resource-key",
        HEAD + "      title: str\n    dispaly: title\n",
        6,
        5,
        "unknown key `dispaly` in resource `Post`",
        hint="did you mean `display`?",
    ),
    Case(
        "misspelled-fields-alone",
        "version: 1\nresources:\n  Post:\n    feilds: {title: str}\n",
        4,
        5,
        "unknown key `feilds`",
        hint="did you mean `fields`?",
    ),
    Case(
        "bad-table-name",
        HEAD + "      title: str\n    table: Blog Posts\n",
        6,
        12,
        "table name `Blog Posts` must be snake_case",
        example="table: blog_posts",
    ),
    Case(
        "empty-plural",
        HEAD + "      title: str\n    plural: ''\n",
        6,
        13,
        "`plural` must not be empty",
        example="plural: Posts",
    ),
    Case(
        "timestamps-not-bool",
        HEAD + "      title: str\n    timestamps: sometimes\n",
        6,
        17,
        "`timestamps` must be true or false",
        example="timestamps: false",
    ),
    Case(
        "unknown-layer",
        HEAD + "      title: str\n    layers: [api, htm]\n",
        6,
        19,
        "unknown layer `htm`",
        hint="did you mean `html`?",
    ),
    Case(
        "layers-not-a-list",
        HEAD + "      title: str\n    layers: api\n",
        6,
        13,
        "`layers` must be a list",
        example="layers: [api, admin]",
    ),
    Case(
        "resource-renamed-from-existing",
        HEAD + "      title: str\n    renamed_from: Author\n" + TAIL,
        6,
        19,
        "`renamed_from: Author` names a resource that is still declared",
        hint="no longer exists",
    ),
    Case(
        "list-names-a-field-twice",
        HEAD + "      title: str\n    ordering: [title, -title]\n",
        6,
        23,
        "`ordering` names `title` twice",
        hint="once",
    ),
    Case(
        "admin-list-names-a-field-twice",
        HEAD + "      title: str\n    admin:\n      list: [title, id, title]\n",
        7,
        25,
        "`admin.list` names `title` twice",
    ),
    Case(
        "resource-renamed-from",
        HEAD + "      title: str\n    renamed_from: old_post\n",
        6,
        19,
        "`renamed_from` must be the previous PascalCase resource name",
        example="renamed_from: OldName",
    ),
    # --------------------------------------------------------------- field names
    field_case("field-name-pattern", "Title: str", 7, "must be snake_case", example="title: …"),
    field_case("field-name-dash", "sub-title: str", 7, "must be snake_case", example="sub_title"),
    field_case("field-name-digit", "2nd: str", 7, "must be snake_case", example="f_2nd"),
    field_case(
        "field-name-leading-underscore",
        "_secret: str",
        7,
        "must be snake_case",
        hint="starting with `_` are reserved",
        example="secret: …",
    ),
    field_case("field-name-keyword", "class: str", 7, "is a Python keyword", example="class_: …"),
    field_case("field-name-keyword-from", "from: str", 7, "is a Python keyword", example="from_"),
    field_case(
        "field-name-id",
        "id: int",
        7,
        "field name `id` in `Post` collides with a generated name",
        hint="`id` primary key",
        example="post_number: int",
    ),
    field_case(
        "field-name-created-at",
        "created_at: datetime",
        7,
        "`created_at` in `Post` collides with a generated name",
        hint="timestamps: false",
        example="timestamps: false",
    ),
    field_case(
        "field-name-updated-at",
        "updated_at: datetime",
        7,
        "`updated_at` in `Post` collides with a generated name",
        hint="timestamps: false",
    ),
    Case(
        "field-name-many-api-key",
        field_spec("tags: many(Author)\n      tag_ids: str"),
        6,
        7,
        "`tag_ids` in `Post` collides with a generated name",
        hint="API key of many field `tags`",
    ),
    Case(
        "field-name-two-manys-one-key",
        field_spec("tags: many(Author)\n      tag: many(Author)"),
        6,
        7,
        "`tag` in `Post` collides with a generated name",
        hint="would both be written and read as `tag_ids`",
        count=2,  # and their reverse collections on Author clash
    ),
    field_case(
        "field-name-too-long",
        "a" * 60 + ": str",
        7,
        "is longer than 59 characters",
        example="a" * 59 + ": …",
    ),
    Case(
        "field-name-ref-column",
        field_spec("author: ref(Author)\n      author_id: int"),
        6,
        7,
        "`author_id` in `Post` collides with a generated name",
        hint="foreign-key column of ref field `author`",
    ),
    field_case(
        "field-name-metadata",
        "metadata: json",
        7,
        "field name `metadata` in `Post` is reserved",
        hint="SQLAlchemy",
        example="metadata_info: …",
    ),
    field_case(
        "field-name-registry",
        "registry: str",
        7,
        "field name `registry` in `Post` is reserved",
        hint="SQLAlchemy",
    ),
    field_case(
        "field-name-model-prefix",
        "model_name: str",
        7,
        "starts with `model_`, which Pydantic reserves",
        example="name_model: …",
    ),
    field_case("field-name-model-config", "model_config: str", 7, "is reserved", hint="Pydantic"),
    # ------------------------------------------------------------- field syntax
    field_case("field-without-type", "title:", 7, "needs a type", example="title: str(200)"),
    field_case("field-list-value", "title: [str]", 14, "needs a type", example="title: str(200)"),
    field_case(
        "unknown-type-near-miss",
        "published_at: datetme",
        21,
        "unknown type `datetme`",
        hint="did you mean `datetime`?",
    ),
    field_case(
        "unknown-type-case",
        "title: String",
        14,
        "unknown type `String`",
        hint="did you mean `str`?",
    ),
    field_case(
        "unknown-type-alias",
        "created: timestamp",
        16,
        "unknown type `timestamp`",
        hint="did you mean `datetime`?",
    ),
    field_case(
        "unknown-type-alias-integer",
        "views: Integer",
        14,
        "unknown type `Integer`",
        hint="did you mean `int`?",
    ),
    field_case(
        "unknown-type-far",
        "title: blob",
        14,
        "unknown type `blob`",
        hint="known types: str, text",
    ),
    field_case(
        "long-form-unknown-type",
        "title: {type: strr}",
        21,
        "unknown type `strr`",
        hint="did you mean `str`?",
    ),
    field_case(
        "unknown-modifier",
        "title: str uniqe",
        18,
        "unknown modifier `uniqe`",
        hint="did you mean `unique`?",
    ),
    field_case(
        "modifier-nullable-word",
        "bio: text nullable",
        17,
        "unknown modifier `nullable`",
        hint="write `?` right after the type",
    ),
    field_case(
        "question-mark-late",
        "title: str unique ?",
        25,
        "`?` must come right after the type",
        example="title: str? unique",
    ),
    field_case(
        "flag-twice",
        "title: str unique unique",
        25,
        "`unique` is given twice",
        example="title: str unique",
    ),
    field_case(
        "unclosed-paren",
        "title: str(200",
        17,
        "unclosed `(`",
        hint="close the argument list",
        example="title: str(…)",
    ),
    field_case(
        "space-before-args",
        "title: str (200)",
        18,
        "type arguments must follow the type name directly",
        example="title: str(…)",
    ),
    field_case(
        "missing-default-value",
        "views: int =",
        18,
        "missing default value after `=`",
        example="views: int = …",
    ),
    field_case(
        "unquotable-default",
        'status: enum(a, b) = "a',
        28,
        "the default is not a valid YAML value",
        hint="quote it",
    ),
    field_case(
        "flow-mapping-comma",
        "price: {type: decimal(10,2)}",
        28,
        "unclosed `(`",
        hint="quote a type that contains commas",
        example="type: 'decimal(10,2)'",
    ),
    Case(
        "flow-fields-comma",
        "version: 1\nresources:\n  Post:\n    fields: {price: decimal(10,2), n: int}\n",
        4,
        28,
        "unclosed `(`",
        hint="quote a type that contains commas",
        example="price: 'decimal(10,2)'",
    ),
    # ----------------------------------------------------------- long-form keys
    field_case(
        "unknown-field-key",
        "bio: {type: text, nulable: true}",
        25,
        "unknown key `nulable` in field `bio` of `Post`",
        hint="did you mean `nullable`?",
    ),
    field_case(
        "unknown-field-key-far",
        "bio: {type: text, widget: textarea}",
        25,
        "unknown key `widget`",
        hint="allowed: type, nullable",
    ),
    field_case(
        "long-form-without-type",
        "bio: {nullable: true}",
        7,
        "needs `type:`",
        example="type: str(200)",
    ),
    field_case(
        "long-form-misspelled-type-key",
        "bio: {typ: text}",
        13,
        "unknown key `typ`",
        hint="did you mean `type`?",
    ),
    field_case(
        "long-form-type-with-modifiers",
        "bio: {type: text?}",
        19,
        "`type` takes a type only",
        hint="write nullable/unique/index/default as keys",
        example="nullable: true",
    ),
    field_case(
        "long-form-flag-not-bool",
        "bio: {type: text, nullable: yes}",
        35,
        "`nullable` must be true or false",
        example="nullable: true",
    ),
    field_case(
        "read-only-and-write-only",
        "token: {type: str, read_only: true, write_only: true}",
        55,
        "both read_only and write_only",
        hint="keep one",
    ),
    field_case(
        "read-only-required-without-default",
        "code: {type: str(20), read_only: true}",
        40,
        "a read_only field that is required and has no default cannot be filled",
        hint="make it nullable or give it a default",
    ),
    field_case(
        "read-only-unique-with-default",
        "code: {type: str(20), read_only: true, unique: true, default: x}",
        40,
        "a read_only field that is unique and has a default gives every row the same value",
        hint="drop `unique` or `default`",
    ),
    field_case(
        "label-not-text",
        "bio: {type: text, label: 5}",
        32,
        "`label` must be a string",
        example="label: '5'",
    ),
    field_case(
        "bad-renamed-from",
        "bio: {type: text, renamed_from: Biography}",
        39,
        "is not a field name",
        example="renamed_from: biography",
    ),
    Case(
        "renamed-from-existing-field",
        field_spec("bio: {type: text, renamed_from: name}\n      name: str"),
        5,
        39,
        "`renamed_from: name` names a field that is still declared",
        hint="no longer exists",
    ),
    field_case(
        "renamed-from-itself",
        "bio: {type: text, renamed_from: bio}",
        39,
        "`renamed_from: bio` names a field that is still declared",
    ),
    field_case(
        "on-delete-on-scalar",
        "bio: {type: text, on_delete: cascade}",
        36,
        "`on_delete` applies only to ref and many fields",
        hint="drop `on_delete`",
    ),
    field_case(
        "max-length-on-number",
        "n: {type: int, max_length: 5}",
        34,
        "`max_length` applies to strings",
        example="max: 100",
    ),
    field_case(
        "bounds-on-bool",
        "flag: {type: bool, min: 1}",
        31,
        "`min` applies to numbers and strings, not `bool`",
    ),
    field_case(
        "min-above-max", "n: {type: int, min: 5, max: 1}", 27, "`min` 5 is larger than `max` 1"
    ),
    field_case(
        "string-bound-not-whole",
        "s: {type: str, min: 1.5}",
        27,
        "`min` must be a whole number of characters",
        example="min: 10",
    ),
    field_case(
        "number-bound-not-number",
        "n: {type: int, max: lots}",
        27,
        "`max` must be a number",
        example="max: 10",
    ),
    field_case(
        "integer-bound-not-whole",
        "n: {type: int, max: 2.5}",
        27,
        "`max` of an integer field must be whole",
        example="max: 2",
    ),
    field_case(
        "bound-not-finite",
        "n: {type: float, max: .inf}",
        29,
        "`max` must be a finite number",
    ),
    field_case(
        "max-beyond-column",
        "s: {type: str(10), max: 20}",
        31,
        "maximum length 20 exceeds the column length 10",
        hint="str(20)",
    ),
    field_case(
        "max-and-max-length-disagree",
        "s: {type: str, max: 20, max_length: 30}",
        27,
        "`max` and `max_length` disagree",
        example="max_length: 30",
    ),
    field_case(
        "many-nullable",
        "tags: many(Author)?",
        13,
        "a `many` field cannot be nullable",
        hint="association table",
    ),
    field_case(
        "json-unique",
        "data: json unique",
        13,
        "a `json` field cannot be unique or indexed",
        example="data: json",
    ),
    # ------------------------------------------------------------ type arguments
    field_case(
        "str-zero",
        "title: str(0)",
        17,
        "`str(0)` needs one positive whole number",
        example="title: str(200)",
    ),
    field_case(
        "str-two-args",
        "title: str(1, 2)",
        17,
        "`str(1, 2)` needs one positive whole number",
        example="title: str(200)",
    ),
    field_case(
        "slug-not-number",
        "slug: slug(long)",
        17,
        "`slug(long)` needs one positive whole number",
        example="slug: slug(200)",
    ),
    field_case(
        "str-superscript-digit",  # isdigit() but not int(): found by the fuzz test
        "title: str(¹120)",
        17,
        "`str(¹120)` needs one positive whole number",
        example="title: str(200)",
    ),
    field_case(
        "decimal-superscript-digit",
        "price: decimal(1²,2)",
        21,
        "needs two whole numbers",
    ),
    field_case(
        "decimal-scale-above-precision",
        "price: decimal(2,5)",
        21,
        "decimal scale 5 is larger than its precision 2",
        example="price: decimal(5,2)",
    ),
    field_case(
        "decimal-one-arg",
        "price: decimal(10)",
        21,
        "needs two whole numbers",
        example="price: decimal(10,2)",
    ),
    field_case(
        "decimal-zero-precision",
        "price: decimal(0,0)",
        21,
        "precision 0 must be between 1 and 1000",
        example="price: decimal(10,2)",
    ),
    field_case(
        "enum-empty",
        "status: enum()",
        19,
        "`enum` needs at least one value",
        example="status: enum(draft, published)",
    ),
    field_case(
        "enum-without-parens",
        "status: enum",
        15,
        "`enum` needs at least one value",
        example="status: enum(draft, published)",
    ),
    field_case(
        "enum-duplicate-value",
        "status: enum(draft, published, draft)",
        38,
        "enum value `draft` is given twice",
        example="status: enum(draft, published)",
    ),
    field_case(
        "enum-empty-value",
        "status: enum(a,,b)",
        22,
        "empty enum value",
        example="status: enum(draft, published)",
    ),
    Case(
        "enum-class-clashes-with-resource",
        "version: 1\nresources:\n  Post:\n    fields:\n      status: enum(a, b)\n"
        "  PostStatus:\n    fields:\n      name: str\n",
        5,
        15,
        "enum class `PostStatus` would have the name of a resource",
        hint="rename",
    ),
    field_case(
        "int-with-args",
        "views: int(11)",
        17,
        "type `int` takes no arguments",
        example="views: int",
    ),
    field_case(
        "text-with-args",
        "body: text(500)",
        17,
        "type `text` takes no arguments",
        example="body: text",
    ),
    # ------------------------------------------------------------------ defaults
    field_case(
        "int-default-text",
        "views: int = many",
        20,
        "default `many` is not an integer",
        example="views: int = 0",
    ),
    field_case(
        "int-default-float",
        "views: int = 1.5",
        20,
        "default `1.5` is not an integer",
        example="views: int = 0",
    ),
    field_case(
        "int-default-too-big",
        "views: int = 3000000000",
        20,
        "does not fit an int column",
        hint="use bigint",
    ),
    field_case(
        "bigint-default-too-big",
        "views: bigint = 99999999999999999999",
        23,
        "does not fit a bigint column",
        hint="decimal",
    ),
    field_case(
        "float-default-text",
        "ratio: float = half",
        22,
        "default `half` is not a number",
        example="ratio: float = 0.5",
    ),
    field_case(
        "float-default-infinite",
        "ratio: float = .inf",
        22,
        "default `.inf` is not a finite number",
        example="ratio: float = 0.5",
    ),
    field_case(
        "decimal-default-text",
        "price: decimal(10,2) = cheap",
        30,
        "default `cheap` is not a decimal number",
        example="price: decimal(10, 2) = 9.99",
    ),
    field_case(
        "decimal-default-too-many-places",
        "price: decimal(10,2) = 1.999",
        30,
        "default 1.999 does not fit decimal(10,2)",
        hint="at most 8 digits before and 2 after",
        example="= 9.99",
    ),
    field_case(
        "decimal-default-too-large",
        "price: decimal(4,2) = 123",
        29,
        "default 123 does not fit decimal(4,2)",
        example="= 9.99",
    ),
    field_case(
        "decimal-default-exponent",
        "price: decimal(10,2) = 1E+20",
        30,
        "default 1E+20 does not fit decimal(10,2)",
    ),
    field_case(
        "decimal-default-fits-scale-example",
        "price: decimal(4,1) = x",
        29,
        "is not a decimal number",
        example="price: decimal(4, 1) = 9.9",
    ),
    field_case(
        "bool-default",
        "active: bool = 1",
        22,
        "default `1` is not a boolean",
        hint="true or false",
        example="active: bool = false",
    ),
    field_case(
        "bool-default-yes",
        "active: bool = yes",
        22,
        "default `yes` is not a boolean",
        example="= false",
    ),
    field_case(
        "date-default",
        "born: date = yesterday",
        20,
        "default `yesterday` is not an ISO 8601 date",
        example="born: date = 2024-01-31",
    ),
    field_case(
        "date-default-impossible",
        "born: date = 2024-02-30",
        20,
        "default `2024-02-30` is not an ISO 8601 date",
        example="born: date = 2024-01-31",
    ),
    field_case(
        "date-default-impossible-long-form",
        "born: {type: date, default: 2024-02-30}",
        35,
        "default `2024-02-30` is not an ISO 8601 date",
        example="default: 2024-01-31",
    ),
    field_case(
        "datetime-default-naive",
        "at: datetime = 2024-01-31T09:30:00",
        22,
        "default `2024-01-31T09:30:00` has no timezone",
        hint="+00:00",
        example="at: datetime = 2024-01-31T09:30:00+00:00",
    ),
    field_case(
        "datetime-default-text",
        "at: datetime = now",
        22,
        "default `now` is not an ISO 8601 datetime",
        example="2024-01-31T09:30:00+00:00",
    ),
    field_case(
        "time-default",
        "at: time = 25:00",
        18,
        "default `25:00` is not an ISO 8601 time",
        example="at: time = 09:30:00",
    ),
    field_case(
        "uuid-default",
        "key: uuid = 1234",
        19,
        "default `1234` is not a UUID",
        example="123e4567-e89b-12d3-a456-426614174000",
    ),
    field_case(
        "email-default",
        "mail: email = nobody",
        21,
        "default `nobody` is not an e-mail address",
        example="mail: email = a@example.com",
    ),
    field_case(
        "url-default",
        "home: url = ftp://example.com",
        19,
        "is not an http(s) URL",
        example="home: url = https://example.com",
    ),
    field_case(
        "slug-default",
        "slug: slug = Hello World",
        20,
        "default `Hello World` is not a slug",
        hint="lower-case",
        example="slug: slug = my-first-post",
    ),
    field_case(
        "str-default-too-long",
        "code: str(3) = abcd",
        22,
        "default is 4 characters long, more than 3",
        hint="shorten",
    ),
    field_case(
        "str-default-list",
        "code: {type: str, default: [a]}",
        34,
        "must be a single value",
        hint="json",
    ),
    field_case(
        "enum-default-not-a-value",
        "status: enum(draft, published) = archived",
        40,
        "default `archived` is not one of the enum values (draft, published)",
        example="status: enum(draft, published) = draft",
    ),
    field_case(
        "enum-default-near-miss",
        "status: enum(draft, published) = publised",
        40,
        "default `publised` is not one of the enum values",
        hint="did you mean `published`?",
    ),
    field_case(
        "enum-default-odd-value",
        "rating: enum(PG-13, R) = G",
        32,
        "default `G` is not one of the enum values (PG-13, R)",
        example="rating: enum(PG-13, R) = PG-13",
    ),
    field_case(
        "enum-default-long-form",
        "status: {type: 'enum(new, on hold)', default: onhold}",
        53,
        "default `onhold` is not one of the enum values",
        hint="did you mean `on hold`?",
        example="default: new",
    ),
    field_case(
        "null-default-not-nullable",
        "bio: text = null",
        19,
        "default is null but the field is not nullable",
        hint="make the field nullable",
    ),
    field_case(
        "default-below-min",
        "n: {type: int, min: 2, default: 1}",
        39,
        "default 1 is below `min` 2",
        hint="within `min` and `max`",
    ),
    field_case(
        "ref-default",
        "author: {type: ref(Author), default: 1}",
        44,
        "a `ref` field cannot have a default",
        hint="drop the default",
    ),
    # ------------------------------------------------------------- references
    field_case(
        "ref-undeclared-near-miss",
        "author: ref(Autor)",
        19,
        "`ref(Autor)` refers to an undeclared resource",
        hint="did you mean `Author`?",
    ),
    field_case(
        "ref-undeclared-far",
        "owner: ref(Customer)",
        18,
        "`ref(Customer)` refers to an undeclared resource",
        hint="declare `Customer` under `resources`",
    ),
    field_case(
        "ref-lower-case",
        "user: ref(user)",
        17,
        "`ref(user)` refers to an undeclared resource",
        hint="did you mean `User`?",
    ),
    field_case(
        "many-undeclared",
        "tags: many(Tag)",
        18,
        "`many(Tag)` refers to an undeclared resource",
        hint="declare `Tag`",
    ),
    field_case(
        "ref-without-target",
        "author: ref()",
        15,
        "`ref` needs the name of one resource",
        example="author: ref(Author)",
    ),
    field_case(
        "ref-two-targets",
        "author: ref(Author, User)",
        15,
        "`ref` needs the name of one resource",
        example="author: ref(Author)",
    ),
    Case(
        "set-null-on-required-ref",
        field_spec("author:\n        type: ref(Author)\n        on_delete: set_null"),
        7,
        20,
        "`on_delete: set_null` needs a nullable reference",
        hint="nullable: true",
        example="nullable: true",
    ),
    field_case(
        "set-null-on-many",
        "tags: {type: many(Author), on_delete: set_null}",
        45,
        "`set_null` does not apply to a `many` field",
        hint="association rows",
    ),
    field_case(
        "unknown-on-delete",
        "author: {type: ref(Author), on_delete: nullify}",
        46,
        "unknown on_delete `nullify`",
        hint="choose one of: restrict, cascade, set_null",
    ),
    field_case(
        "on-delete-near-miss",
        "author: {type: ref(Author), on_delete: casade}",
        46,
        "unknown on_delete `casade`",
        hint="did you mean `cascade`?",
    ),
    field_case(
        "back-keyword",
        "author: {type: ref(Author), back: class}",
        41,
        "`back: class` must be a snake_case name",
        example="back: reviewed_posts",
    ),
    Case(
        "reverse-collection-clash",
        field_spec("author: ref(Author)\n      editor: ref(Author)"),
        6,
        15,
        "reverse collection `Author.posts` of `Post.editor` clashes with the one of `Post.author`",
        hint="`back:`",
        example="back: editor_posts",
    ),
    Case(
        "reverse-collection-clash-with-back",
        field_spec("author: ref(Author)\n      editor: {type: ref(Author), back: posts}"),
        6,
        41,
        "clashes with the one of `Post.author`",
        hint="`back:`",
    ),
    Case(
        "reverse-collection-clash-with-field",
        HEAD + "      author: ref(Author)\n  Author:\n    fields:\n      posts: int\n",
        5,
        15,
        "reverse collection `Author.posts` of `Post.author` clashes with field `Author.posts`",
        hint="`back:`",
        example="back: author_posts",
    ),
    Case(
        "reverse-collection-reserved-name",
        "version: 1\nresources:\n  Metadatum:\n    fields:\n      post: ref(Post)\n"
        "  Post:\n    fields:\n      title: str\n",
        5,
        13,
        "reverse collection `Post.metadata` of `Metadatum.post` clashes with a reserved name",
        hint="`back:`",
        example="back: post_metadata",
    ),
    Case(
        "reverse-collection-clash-on-user",
        field_spec("owner: {type: ref(User), back: email}"),
        5,
        38,
        "clashes with the built-in `User.email`",
        hint="`back:`",
    ),
    # ----------------------------------------------- options naming fields
    Case(
        "display-unknown",
        HEAD + "      title: str\n    display: titel\n",
        6,
        14,
        "`display` names unknown field `titel`",
        hint="did you mean `title`?",
    ),
    Case(
        "display-list",
        HEAD + "      title: str\n    display: [title, id]\n",
        6,
        14,
        "`display` names one field",
        example="display: title",
    ),
    Case(
        "display-json",
        HEAD + "      data: json\n    display: data\n",
        6,
        14,
        "`display` cannot use `data`: a json field cannot label a row",
        hint="usable here: id, created_at, updated_at",
    ),
    Case(
        "ordering-unknown",
        HEAD + "      title: str\n    ordering: [-titel]\n",
        6,
        16,
        "`ordering` names unknown field `titel`",
        hint="did you mean `title`?",
    ),
    Case(
        "ordering-json",
        HEAD + "      data: json\n    ordering: [data]\n",
        6,
        16,
        "`ordering` cannot use `data`: a json field cannot be sorted",
    ),
    Case(
        "ordering-without-timestamps",
        HEAD + "      title: str\n    timestamps: false\n    ordering: [created_at]\n",
        7,
        16,
        "`ordering` names unknown field `created_at`",
        hint="fields of `Post`: id, title",
    ),
    Case(
        "admin-list-unknown",
        HEAD + "      title: str\n    admin:\n      list: [title, body]\n",
        7,
        21,
        "`admin.list` names unknown field `body`",
        hint="fields of `Post`: id, created_at, updated_at, title",
    ),
    Case(
        "admin-search-not-text",
        HEAD + "      views: int\n    admin:\n      search: [views]\n",
        7,
        16,
        "`admin.search` cannot use `views`: search works on text fields",
        hint="no field of `Post` fits here; drop `search`",
    ),
    Case(
        "admin-filters-unknown",
        HEAD + "      status: str\n    admin:\n      filters: [stauts]\n",
        7,
        17,
        "`admin.filters` names unknown field `stauts`",
        hint="did you mean `status`?",
    ),
    Case(
        "admin-readonly-unknown",
        HEAD + "      title: str\n    admin:\n      readonly: [slug]\n",
        7,
        18,
        "`admin.readonly` names unknown field `slug`",
    ),
    Case(
        "admin-unknown-key",
        HEAD + "      title: str\n    admin:\n      columns: [title]\n",
        7,
        7,
        "unknown key `columns` in `admin` of resource `Post`",
        hint="allowed: list, search, filters, readonly",
    ),
    Case(
        "admin-misspelled-key",
        HEAD + "      title: str\n    admin:\n      serch: [title]\n",
        7,
        7,
        "unknown key `serch` in `admin`",
        hint="did you mean `search`?",
    ),
    Case(
        "api-filters-unknown",
        HEAD + "      title: str\n    api:\n      filters: [titel]\n",
        7,
        17,
        "`api.filters` names unknown field `titel`",
        hint="did you mean `title`?",
    ),
    Case(
        "api-sort-unknown",
        HEAD + "      title: str\n    api:\n      sort: [rank]\n",
        7,
        14,
        "`api.sort` names unknown field `rank`",
    ),
    Case(
        "api-sort-many",
        HEAD + "      tags: many(Author)\n    api:\n      sort: [tags]\n" + TAIL,
        7,
        14,
        "`api.sort` cannot use `tags`: a many field cannot be sorted",
    ),
    Case(
        "api-page-size",
        HEAD + "      title: str\n    api:\n      page_size: 0\n",
        7,
        18,
        "`api.page_size` must be a positive whole number",
        example="page_size: 20",
    ),
    Case(
        "api-max-below-page-size",
        HEAD + "      title: str\n    api:\n      page_size: 50\n      max_page_size: 10\n",
        8,
        22,
        "`api.max_page_size` 10 is smaller than `page_size` 50",
        example="max_page_size: 50",
    ),
    Case(
        "api-unknown-key",
        HEAD + "      title: str\n    api:\n      pagesize: 10\n",
        7,
        7,
        "unknown key `pagesize` in `api` of resource `Post`",
        hint="did you mean `page_size`?",
    ),
    Case(
        "plural-not-an-identifier",
        HEAD + "      title: str\n    plural: Posts (old)\n",
        6,
        13,
        "`plural` gives the name `posts_(old)`, which is not a snake_case identifier",
        example="plural: Posts",
    ),
    Case(
        "plural-too-long",
        "version: 1\nresources:\n  Post:\n"
        f"    plural: {'Very ' * 16}Long posts\n    fields:\n      name: str\n",
        4,
        13,
        "longer than 34 characters",
        hint="`table:`",
    ),
    Case(
        "resource-name-too-long",
        "version: 1\nresources:\n  PurchaseOrderLineItemAdjustment:\n"
        "    fields:\n      name: str\n",
        3,
        3,
        "`purchase_order_line_item_adjustment` has 35 characters, at most 28",
        hint="100 columns",
    ),
    Case(
        "field-name-too-long-for-its-resource",
        "version: 1\nresources:\n  PurchaseOrderLineApproval:\n    fields:\n"
        f"      {'x' * 55}: str\n",
        5,
        7,
        "has 88 characters, at most 82",
        hint="100 columns",
    ),
    Case(
        "str-length-overflows",
        field_spec("title: str(99999999999999999999)"),
        5,
        17,
        "`str(99999999999999999999)` is longer than a VARCHAR can be",
        hint="use `text`",
        example="title: text",
    ),
    Case(
        "text-max-overflows",
        field_spec("body:\n        type: text\n        max: 99999999999999999999"),
        7,
        14,
        "`max` 99999999999999999999 is longer than any text a column holds here",
        hint="10485760",
    ),
    Case(
        "association-table-too-long",
        HEAD + f"      {'tag' * 19}s: many(Author)\n" + TAIL,
        3,
        3,
        "of association table of `Post.tagtagtag",
        hint="shorten",
    ),
    Case(
        "enum-class-clash",
        field_spec("a_b: enum(x)\n      a__b: enum(y)"),
        6,
        7,
        "its enum class `PostAB` is also the enum class of `Post.a_b`",
        hint="rename",
    ),
    # ------------------------------------------------------------------- tables
    Case(
        "same-snake-name",
        "version: 1\nresources:\n  HTTPLog:\n    fields: {a: str}\n"
        "  HttpLog:\n    fields: {a: str}\n    table: other_logs\n",
        5,
        3,
        "resource `HttpLog` has the snake_case name `http_log`, like `HTTPLog`",
        hint="rename",
    ),
    Case(
        "duplicate-table",
        HEAD + "      title: str\n  Article:\n    fields:\n      title: str\n    table: posts\n",
        9,
        12,
        "table `posts` of resource `Article` is also the table of resource `Post`",
        hint="`table:`",
        example="table: article_posts",
    ),
    Case(
        "duplicate-table-derived",
        HEAD + "      title: str\n    table: articles\n  Article:\n    fields:\n      title: str\n",
        7,
        3,
        "table `articles` of resource `Article` is also the table of resource `Post`",
        hint="`table:`",
    ),
    Case(
        "table-clashes-with-association-table",
        HEAD + "      tags: many(Tag)\n  Tag:\n    fields:\n      name: str\n"
        "  PostTag:\n    fields:\n      name: str\n    table: posts_tags\n",
        12,
        12,
        "also the table of association table of `Post.tags`",
        hint="`table:`",
    ),
    Case(
        "builtin-table-users",
        HEAD + "      title: str\n    table: users\n",
        6,
        12,
        "table `users` of resource `Post` is a built-in table",
        hint="`table:`",
        example="table: post_items",
    ),
    Case(
        "builtin-table-derived",
        "version: 1\nresources:\n  Migration:\n    fields:\n      n: int\n"
        "    plural: Alembic version\n",
        3,
        3,
        "table `alembic_version` of resource `Migration` is a built-in table",
        hint="`table:`",
    ),
]


@pytest.mark.parametrize("case", [c.param() for c in CASES])
def test_error(case: Case) -> None:
    problems = problems_of(case.text)
    found = [p for p in problems if case.message in p.message]
    assert found, f"no problem says {case.message!r}: {[p.message for p in problems]}"
    problem = found[0]
    assert (problem.line, problem.column) == (case.line, case.column), problem
    assert problem.file == "spec.yaml"
    assert len(problems) == case.count, [p.message for p in problems]
    # the contract: what is wrong and how to fix it — a hint or an example, always
    assert problem.hint or problem.example, problem
    if case.hint is not None:
        assert problem.hint is not None, problem
        assert case.hint in problem.hint
    if case.example is not None:
        assert problem.example is not None, problem
        assert case.example in problem.example
    # the snippet is the quoted source line, and the caret stays on it
    lines = case.text.splitlines()
    if 0 < problem.line <= len(lines):
        assert problem.snippet == lines[problem.line - 1]
        assert problem.column - 1 + problem.span <= max(len(problem.snippet), 1) + 1


# --------------------------------------------------------------- named exceptions


def test_created_at_is_allowed_without_timestamps() -> None:
    text = HEAD + "      created_at: datetime\n      updated_at: datetime\n    timestamps: false\n"
    resource = parse_spec(text).resource("Post")
    assert [f.name for f in resource.fields] == ["created_at", "updated_at"]


def test_id_is_never_allowed_even_without_timestamps() -> None:
    problems = problems_of(HEAD + "      id: int\n    timestamps: false\n")
    assert [p.message for p in problems] == [
        "field name `id` in `Post` collides with a generated name"
    ]


def test_ref_id_name_is_allowed_without_the_ref() -> None:
    parse_spec(field_spec("author_id: int"))


def test_reserved_user_is_reported_once() -> None:
    problems = problems_of("version: 1\nresources:\n  User:\n    fields: {nickname: str}\n")
    assert len(problems) == 1


def test_value_underline_covers_the_value() -> None:
    (problem,) = problems_of(HEAD + "      title: str\n    table: 'users'   # builtin\n")
    assert (problem.column, problem.span) == (12, len("'users'"))


# ------------------------------------------------------------------ all at once


def test_all_errors_of_a_file_are_reported_at_once() -> None:
    text = spec(
        """
        version: 1
        resources:
          Post:
            fields:
              title: str(0)
              class: str
              status: enum(a, b) = c
              author: ref(Autor)
            display: titel
          Tag:
            fields:
              name: strng
        """
    )
    problems = problems_of(text)
    assert [(p.line, p.column) for p in problems] == [
        (5, 17),
        (6, 7),
        (7, 28),
        (8, 19),
        (9, 14),
        (12, 13),
    ]
    messages = [p.message for p in problems]
    assert "`str(0)` needs one positive whole number" in messages[0]
    assert "`class` in `Post` is a Python keyword" in messages[1]
    assert "default `c` is not one of the enum values" in messages[2]
    assert "`ref(Autor)` refers to an undeclared resource" in messages[3]
    assert "`display` names unknown field `titel`" in messages[4]
    assert "unknown type `strng`" in messages[5]


def test_five_independent_errors_give_five_problems() -> None:
    text = spec(
        """
        version: 2
        resources:
          Post:
            fields:
              title: str(0)
              views: int = many
              author: ref(Writer)
            ordering: [-rank]
        """
    )
    problems = problems_of(text)
    assert len(problems) == 5, [p.message for p in problems]
    assert [p.line for p in problems] == [1, 5, 6, 7, 8]
    for problem in problems:
        assert problem.hint or problem.example, problem


def test_problems_are_sorted_by_position() -> None:
    text = field_spec("b: strr\n      a: intt")
    problems = problems_of(text)
    assert [(p.line, p.column) for p in problems] == [(5, 10), (6, 10)]


def test_spec_error_message_lists_every_problem() -> None:
    with pytest.raises(SpecError) as raised:
        parse_spec(field_spec("b: strr\n      a: intt"), "x.yaml")
    assert str(raised.value).splitlines() == [
        "x.yaml:5:10: field `b` of `Post`: unknown type `strr`",
        "x.yaml:6:10: field `a` of `Post`: unknown type `intt`",
    ]


def test_a_broken_field_does_not_cascade() -> None:
    """Options that name a field whose declaration failed stay quiet: one mistake, one error."""
    text = HEAD + "      title: strr\n    display: title\n    ordering: [title]\n"
    text += "    admin:\n      list: [title]\n      search: [title]\n"
    problems = problems_of(text)
    assert [p.message for p in problems] == ["field `title` of `Post`: unknown type `strr`"]


def test_a_misspelled_fields_key_does_not_cascade() -> None:
    text = "version: 1\nresources:\n  Post:\n    feilds: {title: str}\n    display: title\n"
    assert len(problems_of(text)) == 1


# ------------------------------------------------------------------- CLI fields

GOOD_CLI = [
    ("title:str(200)", ("title", "str(200)")),
    ("email:email:unique", ("email", "email unique")),
    ("author:ref(Author)", ("author", "ref(Author)")),
    ("published_at:datetime?", ("published_at", "datetime?")),
    ("status:enum(draft,published)=draft", ("status", "enum(draft,published)=draft")),
    ("price:decimal(10,2)?", ("price", "decimal(10,2)?")),
    ("tags:many(Tag)", ("tags", "many(Tag)")),
    ("slug:slug:unique:index", ("slug", "slug unique index")),
    ("title:str:index=a b", ("title", "str index=a b")),
    ("title:str(200) unique", ("title", "str(200) unique")),
    ("rating:enum(PG-13,on hold,13+)=on hold", ("rating", "enum(PG-13,on hold,13+)=on hold")),
    ("owner:ref(User)", ("owner", "ref(User)")),
]


@pytest.mark.parametrize(("argument", "expected"), GOOD_CLI, ids=[a for a, _ in GOOD_CLI])
def test_cli_field_accepted(argument: str, expected: tuple[str, str]) -> None:
    assert parse_cli_fields([argument]) == [expected]


def test_cli_fields_keep_order() -> None:
    assert [n for n, _ in parse_cli_fields(["b:int", "a:str", "c:text?"])] == ["b", "a", "c"]


# argument → (column, message fragment, hint/example fragment)
BAD_CLI = [
    ("title", 6, "field `title` has no type", "title:str(200)"),
    ("title:", 7, "has no type", "title:str(200)"),
    ("title:strr(200)", 7, "unknown type `strr`", "did you mean `str`?"),
    ("published_at:datetme?", 14, "unknown type `datetme`", "did you mean `datetime`?"),
    ("Title:str", 1, "field name `Title` must be snake_case", "title:…"),
    ("class:str", 1, "is a Python keyword", "class_:…"),
    ("id:int", 1, "collides with a generated name", "`id` primary key"),
    ("metadata:json", 1, "is reserved", "SQLAlchemy"),
    ("title:str(0)", 10, "`str(0)` needs one positive whole number", "title:str(200)"),
    ("price:decimal(2,5)", 14, "decimal scale 5 is larger than its precision 2", "decimal(5,2)"),
    ("status:enum()", 12, "`enum` needs at least one value", "enum(draft,published)"),
    ("status:enum(a,a)", 15, "enum value `a` is given twice", "status:enum(draft,published)"),
    ("views:int(5)", 10, "type `int` takes no arguments", "views:int"),
    ("views:int=many", 11, "default `many` is not an integer", "views:int=0"),
    ("status:enum(a,b)=c", 18, "default `c` is not one of the enum values", "status:enum(a,b)=a"),
    ("email:email:uniqe", 13, "unknown modifier `uniqe`", "did you mean `unique`?"),
    ("title:str??", 11, "`?` must come right after the type", "title:str?:unique"),
    ("author:ref(author)", 12, "refers to an undeclared resource", "PascalCase, like `Author`"),
    ("author:ref()", 8, "`ref` needs the name of one resource", "author:ref(Author)"),
    ("born:date=2024-02-30", 11, "is not an ISO 8601 date", "born:date=2024-01-31"),
]


@pytest.mark.parametrize(
    ("argument", "column", "message", "help_"), BAD_CLI, ids=[b[0] for b in BAD_CLI]
)
def test_cli_field_rejected(argument: str, column: int, message: str, help_: str) -> None:
    with pytest.raises(SpecError) as raised:
        parse_cli_fields([argument])
    (problem,) = raised.value.problems
    assert message in problem.message
    assert problem.file == "command line"
    assert problem.line == 0
    assert problem.snippet == argument
    assert problem.column == column, problem
    assert problem.column - 1 + problem.span <= len(argument) + 1
    assert help_ in f"{problem.hint} {problem.example}", problem
    assert "Probe" not in problem.message  # the probe spec used for checking stays hidden


def test_cli_caret_points_into_the_argument() -> None:
    with pytest.raises(SpecError) as raised:
        parse_cli_fields(["published_at:datetme?"])
    (problem,) = raised.value.problems
    start = problem.column - 1
    assert problem.snippet is not None
    assert problem.snippet[start : start + problem.span] == "datetme"


def test_cli_reports_every_bad_argument_at_once() -> None:
    with pytest.raises(SpecError) as raised:
        parse_cli_fields(["title:strr", "ok:int", "class:str", "title:text"])
    problems = raised.value.problems
    assert {p.snippet for p in problems} == {"title:strr", "class:str", "title:text"}
    assert any("given twice" in p.message for p in problems)


def test_cli_references_are_left_to_the_spec() -> None:
    """`ref(Anything)` is accepted on the command line; the edited spec is checked later."""
    assert parse_cli_fields(["owner:ref(Customer)"]) == [("owner", "ref(Customer)")]


@pytest.mark.parametrize(
    "field", ["q", "page", "page_size", "sort", "csrf_token", "ids", "confirm"]
)
def test_field_names_the_generated_lists_and_forms_use_are_reserved(field: str) -> None:
    from scaffolder.errors import SpecError
    from scaffolder.spec import parse_spec

    with pytest.raises(SpecError) as caught:
        parse_spec(f"version: 1\nresources:\n  Post:\n    fields:\n      {field}: int\n")
    (problem,) = caught.value.problems
    assert (problem.line, problem.column) == (5, 7)
    assert f"field name `{field}` in `Post` is reserved" in problem.message
    assert problem.hint is not None
    # why (what the generated code uses it for) and how out (another name, same label)
    assert f"`{field}` is the" in problem.hint
    assert "keep the word on screen with `label:`" in problem.hint
    assert problem.example is not None
    assert problem.example.endswith(f"label: {field.replace('_', ' ').capitalize()}")
    assert problem.example.split(":")[0] != field


@pytest.mark.parametrize(
    "name", ["Registry", "Views", "Common", "Database", "Resources", "Conftest"]
)
def test_resource_names_that_clash_with_generated_modules_are_reserved(name: str) -> None:
    from scaffolder.errors import SpecError
    from scaffolder.spec import parse_spec

    with pytest.raises(SpecError) as caught:
        parse_spec(f"version: 1\nresources:\n  {name}:\n    fields:\n      title: str\n")
    (problem,) = caught.value.problems
    assert f"resource name `{name}` is reserved" in problem.message
    assert problem.hint is not None


def test_a_cycle_of_required_refs_is_refused_once_where_it_closes() -> None:
    problems = problems_of(
        spec(
            """
            version: 1
            resources:
              Team:
                fields:
                  captain: ref(Player)
              Player:
                fields:
                  team: ref(Team)
              Node:
                fields:
                  parent: ref(Node)
            """
        )
    )
    assert [(p.line, p.message.split(":")[0]) for p in problems] == [
        (8, "required refs form a cycle (Team.captain → Player.team → back to `Team`)"),
        (11, "required refs form a cycle (Node.parent → back to `Node`)"),
    ]
    assert all("nullable" in (p.hint or "") for p in problems)
    assert problems[0].example == "team: ref(Team)?"


def test_a_cycle_with_one_nullable_ref_is_accepted() -> None:
    parsed = parse_spec(
        spec(
            """
            version: 1
            resources:
              Team:
                fields:
                  captain: ref(Player)?
              Player:
                fields:
                  team: ref(Team)
              Node:
                fields:
                  parent: ref(Node)?
            """
        ),
        "spec.yaml",
    )
    assert [r.name for r in parsed.resources] == ["Team", "Player", "Node"]
