"""The data-layer blueprints (model, schemas, service, REST API, their tests), rendered.

Phoenix-style: render a spec, assert the key lines are in the files. That the
generated code also type-checks and its tests pass is the e2e suite's job.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from scaffolder.model.spec import Spec
from scaffolder.render.formatting import format_python
from scaffolder.render.resource import ResourceRenderer
from scaffolder.spec import load_spec, parse_spec

EXAMPLES = Path(__file__).parents[2] / "scaffolder" / "examples"
PACKAGE = "app"


def render(spec: Spec) -> dict[str, str]:
    renderer = ResourceRenderer(spec, PACKAGE)
    tree: dict[str, str] = {}
    for resource in spec.resources:
        tree.update(renderer.render(resource))
    return format_python(tree, PACKAGE)


@cache
def example(name: str) -> dict[str, str]:
    return render(load_spec(EXAMPLES / f"{name}.yaml"))


def assert_file(tree: dict[str, str], path: str, *contains: str) -> str:
    assert path in tree, f"{path} not rendered; got {sorted(tree)}"
    text = tree[path]
    for snippet in contains:
        assert snippet in text, f"{snippet!r} not in {path}:\n{text}"
    return text


def test_model_without_relations_has_no_type_checking_block() -> None:
    spec = parse_spec("version: 1\nresources:\n  Note:\n    fields:\n      title: str\n", "s.yaml")
    model = render(spec)["app/models/note.py"]
    assert "TYPE_CHECKING" not in model
    assert "pass" not in model


def test_model_has_typed_columns_constraints_and_relationships() -> None:
    tree = example("blog")
    assert_file(
        tree,
        "app/models/post.py",
        "class PostStatus(StrEnum):",
        'DRAFT = "draft"',
        "class Post(TimestampMixin, Base):",
        '__tablename__ = "posts"',
        "title: Mapped[str] = mapped_column(sa.String(200))",
        "slug: Mapped[str] = mapped_column(sa.String(255), unique=True)",
        "native_enum=False, length=9, values_callable=_enum_values",
        "default=PostStatus.DRAFT",
        "published_at: Mapped[datetime | None] = mapped_column()",
        'sa.ForeignKey("authors.id", ondelete="RESTRICT"), index=True',
        'sa.ForeignKey("authors.id", ondelete="SET NULL"), index=True',
        'author: Mapped["Author"] = relationship(',
        'reviewer: Mapped["Author | None"] = relationship(',
        "foreign_keys=[reviewer_id]",
        'back_populates="reviewed_posts"',
        'posts_tags = sa.Table(\n    "posts_tags",',
        '"post_id", sa.Integer(), sa.ForeignKey("posts.id", ondelete="CASCADE"), primary_key',
        "secondary=posts_tags",
        "def tag_ids(self) -> list[int]:",
        "def __str__(self) -> str:\n        return self.title",
        "if TYPE_CHECKING:\n    from app.models.author import Author",
    )
    assert "lazy=" not in tree["app/models/post.py"].replace('lazy="raise"', "")


def test_reverse_collections_live_on_the_target() -> None:
    tree = example("blog")
    author = assert_file(
        tree,
        "app/models/author.py",
        'posts: Mapped[list["Post"]] = relationship(',
        'foreign_keys="Post.author_id"',
        'reviewed_posts: Mapped[list["Post"]] = relationship(',
        'foreign_keys="Post.reviewer_id"',
        "passive_deletes=True",
    )
    assert "from app.models.post import Post" in author
    assert_file(tree, "app/models/tag.py", 'secondary="posts_tags"', 'back_populates="tags"')
    # User's side is the lead's codemod: Comment only names its reverse collection.
    assert_file(tree, "app/models/comment.py", 'back_populates="comments"')


def test_self_references_checks_and_odd_enum_values() -> None:
    tree = example("shop")
    assert_file(
        tree,
        "app/models/category.py",
        'parent: Mapped["Category | None"] = relationship(',
        "remote_side=[id]",
        'children: Mapped[list["Category"]] = relationship(',
    )
    assert_file(tree, "app/models/order.py", 'ON_HOLD = "on hold"', "length=9")
    assert_file(
        tree,
        "app/models/order_line.py",
        """__table_args__ = (sa.CheckConstraint('"quantity" >= 1', name="quantity_min"),)""",
        'back_populates="lines"',
    )
    assert_file(tree, "app/models/product.py", "sa.Numeric(10, 2)", "sa.JSON(), nullable=True")


def test_schemas_validate_like_the_database() -> None:
    blog, shop = example("blog"), example("shop")
    assert_file(
        blog,
        "app/schemas/post.py",
        "class PostCreate(BaseModel):",
        'model_config = ConfigDict(\n        extra="forbid"',
        "title: SafeStr = Field(min_length=1, max_length=200)",
        "slug: Slug = Field(min_length=1, max_length=255)",
        "status: PostStatus = Field(default=PostStatus.DRAFT)",
        "published_at: UtcDatetime | None = Field(default=None)",
        "views: int = Field(default=0, ge=-MAX_INT - 1, le=MAX_INT)",
        "author_id: Id\n",
        "tag_ids: list[Id] = Field(default_factory=list[int])",
        "class PostUpdate(BaseModel):",
        '_nulls_refused = refuse_null("title", "slug", "body", "status", "views", "author_id"',
        "title: SafeStr | None = Field(\n        default=None, min_length=1, max_length=200, "
        "json_schema_extra=not_null",
        "class PostRead(BaseModel):",
        "model_config = ConfigDict(from_attributes=True)",
        "    author_id: int\n    reviewer_id: int | None\n    tag_ids: list[int]",
        "created_at: AwareDatetime",
        "class PostPage(PageOf[PostRead]):",
    )
    assert_file(blog, "app/schemas/author.py", "email: EmailStr", "website: HttpUrlStr | None")
    assert_file(
        shop,
        "app/schemas/order_line.py",
        "quantity: int = Field(ge=1, le=MAX_INT)",
        'unit_price: Decimal = Field(\n        ge=Decimal("-99999999.99"), '
        'le=Decimal("99999999.99"), max_digits=10',
    )
    assert_file(blog, "app/schemas/post.py", "from app.kit.schemas import")


def test_service_is_the_documented_contract() -> None:
    # The service is the kit's Crud, declared with model attributes (mypy checks them).
    assert_file(
        example("blog"),
        "app/services/post.py",
        'posts = Crud(\n    Post,\n    label=Label("post", "posts", "a post"),',
        "joinedload(Post.author)",
        "selectinload(Post.tags)",
        "search=(Post.title, Post.body),",
        "order=(Post.published_at.desc(), Post.title.asc(), Post.id.asc()),",
        'Unique(Post.slug, "A post with this slug already exists.")',
        'Ref(Post.author_id, Author, "author")',
        'Many("tag_ids", Post.tags, Tag, "tags")',
        'Comment, Comment.post_id, Label("comment", "comments"), "post", "cascade"',
        "PAGE_SIZE = 20\n",
        "page_size=PAGE_SIZE,\n    max_page_size=MAX_PAGE_SIZE,",
        "filters=(\n        Post.title,",
    )
    assert_file(
        example("blog"),
        "app/api/post.py",
        'Ids("tag_ids", posts_tags.c.post_id, posts_tags.c.tag_id)',
    )
    # the label with its article, as scaffold words it: the kit's OpenAPI summaries use it
    shop = example("shop")
    assert_file(shop, "app/services/order_line.py", '"order line", "order lines", "an order line"')
    # a referrer's label only names rows in messages: no article
    assert_file(shop, "app/services/order.py", 'Label("order line", "order lines"), "order"')


def test_router_follows_the_rest_contract() -> None:
    blog, shop = example("blog"), example("shop")
    assert_file(
        blog,
        "app/api/post.py",
        'router = APIRouter(prefix="/posts", tags=["Posts"])',
        'api = Endpoints(router, posts, "post", create=PostCreate, update=PostUpdate, '
        "read=PostRead)",
        "NOT_FOUND = api.not_found\nPostFromPath = Annotated[Post, Depends(api.row)]",
        '@api.index(operation_id="list_posts", summary="List posts")',
        # the list's parameters: the kit's (page, page_size, sort, q), then its filters;
        # `sort` takes the service's sort columns, `api.sort` not being given
        "params: Annotated[ListParams, Depends(api.list_params(filters=post_filters))]",
        # what the list reads besides the id and timestamps, which the kit adds
        "READS = api.reads(\n    Post.title,",
        "async def post_filters(\n    title: Annotated[SafeStr, Query(max_length=200)] | None",
        '"status": status_,',
        "\n\n\napi.add_crud()\n",
    )
    assert "SORT" not in blog["app/api/post.py"]
    assert "Post.id" not in blog["app/api/post.py"]
    # create, show, update and delete are the kit's (tests/kit/test_api.py), never written here
    assert "async def create_post" not in blog["app/api/post.py"]
    # 404 and 409 are answered once, by the kit's exception handlers.
    assert "HTTPException" not in blog["app/api/post.py"]
    assert_file(shop, "app/api/order_line.py", 'prefix="/order-lines"')
    # No search fields: the kit's list parameters have no `q` (tests/kit/test_api.py).
    assert "search=()" in shop["app/services/order_line.py"]


def test_the_api_declares_its_sort_keys_only_where_they_are_not_the_services() -> None:
    head = "version: 1\nresources:\n  Note:\n    fields: {title: str, body: text, rank: int}\n"
    api = "app/api/note.py"
    default = render(parse_spec(head, "s.yaml"))[api]
    assert "SORT" not in default
    assert "Depends(api.list_params(filters=note_filters))" in default
    some = render(parse_spec(head + "    api: {sort: [rank, title]}\n", "s.yaml"))[api]
    assert "SORT = (Note.rank, Note.title)\n" in some
    assert "Depends(api.list_params(SORT, note_filters))" in some
    none = render(parse_spec(head + "    api: {sort: [], filters: []}\n", "s.yaml"))[api]
    assert "SORT = ()\n" in none
    assert "Depends(api.list_params(SORT))" in none


def test_generated_tests_cover_the_api_and_count_queries() -> None:
    blog = example("blog")
    assert_file(
        blog,
        "tests/post/test_api.py",
        "def test_create_read_update_delete(",
        "def test_list(",
        'filter_on="title"',
        "search=lambda row: row.title",
        'API = Api("/api/posts", new_post_data, create_post, read=PostRead, update=PostUpdate)',
        "def test_bad_input(",
        '"slug": "Not a slug!"',
        'required={"title", "slug", "body", "author_id"}',
        'unique=("slug",)',
        '"author_id": "No author with id 2147483647."',
    )
    assert_file(
        blog,
        "tests/post/factories.py",
        "async def new_post_data(db: AsyncSession) -> PostCreate:",
        "author_row = await create_author(db)",
        "tags_row = await create_tag(db)",
        'slug=f"slug-{n}"',
    )
    assert_file(
        blog,
        "tests/comment/factories.py",
        'f"comment-user-{unique_number()}@example.com", PASSWORD',
    )
    assert_file(blog, "tests/post/test_model.py", "def test_status_is_stored_as_its_value(")
    enforced = "def test_the_database_enforces_quantity_min("
    assert_file(example("shop"), "tests/order_line/test_model.py", enforced)
    assert_file(blog, "tests/author/test_api.py", "def test_delete_is_409_while_posts_refer_to_it(")
    assert_file(blog, "tests/post/test_model.py", "def test_deleting_post_deletes_its_comments(")
    assert "tests/post/__init__.py" in blog


def test_layers_decide_the_api_files() -> None:
    spec = parse_spec(
        "version: 1\nresources:\n  Note:\n    fields:\n      body: text\n    layers: [html]\n"
    )
    tree = render(spec)
    assert "app/models/note.py" in tree
    assert "app/services/note.py" in tree
    assert "tests/note/test_model.py" in tree
    assert "app/api/note.py" not in tree
    assert "tests/note/test_api.py" not in tree


@pytest.mark.parametrize("name", ["blog", "shop"])
def test_rendering_is_deterministic(name: str) -> None:
    spec = load_spec(EXAMPLES / f"{name}.yaml")
    assert render(spec) == render(spec)
    for path, text in example(name).items():
        if path.endswith(".py"):
            compile(text, path, "exec")


def test_fields_named_like_builtins_do_not_hide_types() -> None:
    spec = parse_spec(
        "version: 1\nresources:\n  Event:\n    fields:\n      date: date?\n"
        "      list: text?\n      property: int?\n      tags: many(Tag)\n"
        "  Tag:\n    fields:\n      name: str(20)\n"
    )
    tree = render(spec)
    assert_file(
        tree,
        "app/models/event.py",
        "date: Mapped[dt.date | None] = mapped_column(sa.Date())",
        'tags: Mapped[builtins.list["Tag"]]',
        "@builtins.property",
    )
    schemas = ("date: dt.date | None", "tag_ids: builtins.list[int]")
    assert_file(tree, "app/schemas/event.py", *schemas)
    assert_file(tree, "app/services/event.py", "Event.date,")


def test_self_many_and_cycles() -> None:
    spec = parse_spec(
        "version: 1\nresources:\n"
        "  Person:\n    fields:\n      name: str(50)\n      friends: many(Person)\n"
        "      team: ref(Team)?\n"
        "  Team:\n    fields:\n      title: str(50)\n"
        "      lead:\n        type: ref(Person)\n        nullable: true\n"
        "        on_delete: set_null\n        back: led_teams\n"
    )
    tree = render(spec)
    person = assert_file(
        tree,
        "app/models/person.py",
        "primaryjoin=lambda: Person.id == people_friends.c.",
        "secondaryjoin=lambda: Person.id == people_friends.c.",
    )
    team = tree["app/models/team.py"]
    # One foreign key of the Person <-> Team cycle is created after both tables.
    assert ("use_alter=True" in person) != ("use_alter=True" in team)


@pytest.mark.parametrize("name", ["blog", "shop"])
def test_no_file_is_rendered_by_two_resources(name: str) -> None:
    """What resources share is the skeleton's (tests/resources.py, the kit), owned by the
    project: a path two resources rendered would be recorded as the last one's."""
    spec = load_spec(EXAMPLES / f"{name}.yaml")
    renderer = ResourceRenderer(spec, PACKAGE)
    paths = [path for resource in spec.resources for path in renderer.render(resource)]
    assert len(paths) == len(set(paths))


def test_factories_without_varying_samples() -> None:
    spec = parse_spec(
        "version: 1\nresources:\n  Membership:\n    fields:\n"
        "      member: ref(User)\n      active: bool = true\n"
    )
    factories = render(spec)["tests/membership/factories.py"]
    assert "n = unique_number()" not in factories
    assert 'f"membership-member-{unique_number()}@example.com"' in factories


def test_referrers_come_from_the_spec_with_their_on_delete() -> None:
    spec = load_spec(EXAMPLES / "shop.yaml")
    found = {
        resource.name: [
            (r.source.name, r.field.name, r.effect, r.is_self) for r in spec.referrers(resource)
        ]
        for resource in spec.resources
    }
    assert found["Category"] == [
        ("Category", "parent", "set_null", True),
        ("Product", "category", "restrict", False),
    ]
    assert found["Order"] == [("OrderLine", "order", "cascade", False)]
    assert found["OrderLine"] == []
    blog = load_spec(EXAMPLES / "blog.yaml")
    assert [r.effect for r in blog.referrers(blog.resource("Tag"))] == ["unlink"]


def test_services_declare_what_deleting_a_row_does_to_rows_referring_to_it() -> None:
    # Issue 13: deleting a referenced row was a bare 500. Each service now has one
    # generated query per referring field, so pages and the API name what blocks it.
    tree = example("blog")
    assert_file(
        tree,
        "app/services/author.py",
        'Referrer(Post, Post.author_id, Label("post", "posts"), "author", "restrict")',
        'Referrer(Post, Post.reviewer_id, Label("post", "posts"), "reviewer", "set_null")',
    )
    assert_file(
        tree,
        "app/services/tag.py",
        "Post,\n            posts_tags.c.tag_id,",
        '"unlink",\n            link=posts_tags.c.post_id,',
    )
    assert "Referrer(" not in tree["app/services/comment.py"]


def test_admin_value_filters_import_the_type_of_their_values() -> None:
    """A date or decimal admin filter parses its value with `TypeAdapter(<type>)`, so the
    admin module imports the type (read through the field type's view: `info.python_import`)."""
    spec = parse_spec(
        "version: 1\nresources:\n  Event:\n    fields:\n      name: str\n"
        "      day: date\n      price: decimal(8,2)\n"
        "    admin:\n      filters: [day, price, created_at]\n",
        "s.yaml",
    )
    assert_file(
        render(spec),
        "app/admin/event.py",
        "from datetime import date, datetime",
        "from decimal import Decimal",
        "TypeAdapter(date).validate_strings",
        "TypeAdapter(Decimal).validate_strings",
    )
