"""The HTML pages and admin screens rendered for the example specs: key content, determinism.

Only the blueprints of pages and admin screens are rendered here (not the data
layers), so a failure points at them. Running the generated code is the e2e suite's job.
"""

from __future__ import annotations

import ast
import re
from dataclasses import replace
from functools import cache
from pathlib import Path

import jinja2
import pytest

from scaffolder.model.spec import Layer, Resource, Spec
from scaffolder.render.formatting import format_python
from scaffolder.render.resource import RESOURCE_FILES, BlueprintFile, ResourceRenderer
from scaffolder.spec import load_spec

EXAMPLES = Path(__file__).parents[2] / "scaffolder" / "examples"
PACKAGE = "blog"


def _ours(blueprint: BlueprintFile) -> bool:
    """Whether a blueprint file belongs to pages or admin screens (html/admin layers)."""
    layers = blueprint.layer if isinstance(blueprint.layer, tuple) else (blueprint.layer,)
    return bool({Layer.HTML, Layer.ADMIN} & set(layers))


@cache
def spec(name: str) -> Spec:
    return load_spec(EXAMPLES / f"{name}.yaml")


def render(spec_name: str) -> dict[str, str]:
    """Every page/admin file of every resource of an example, Python formatted."""
    example = spec(spec_name)
    renderer = ResourceRenderer(example, PACKAGE)
    tree: dict[str, str] = {}
    for resource in example.resources:
        for blueprint in RESOURCE_FILES:
            if _ours(blueprint) and blueprint.wanted_by(resource):
                path = blueprint.output_path(PACKAGE, resource)
                tree[path] = renderer.render_file(blueprint, resource)
    return format_python(tree, PACKAGE)


@cache
def blog() -> dict[str, str]:
    return render("blog")


@cache
def shop() -> dict[str, str]:
    return render("shop")


def resource(spec_name: str, name: str) -> Resource:
    return spec(spec_name).resource(name)


def test_html_layer_gets_views_templates_and_tests() -> None:
    tree = blog()
    for snake in ("author", "tag", "post"):
        assert f"blog/views/{snake}.py" in tree
        for page in ("list", "_results", "detail", "form", "confirm_delete"):
            assert f"blog/templates/{snake}/{page}.html" in tree
        assert f"tests/{snake}/test_views.py" in tree
        assert f"tests/{snake}/test_admin.py" in tree


def test_resources_without_the_html_layer_get_no_pages() -> None:
    tree = blog()
    assert "blog/views/comment.py" not in tree
    assert not any(path.startswith("blog/templates/comment/") for path in tree)
    assert "tests/comment/test_views.py" not in tree
    assert "blog/admin/comment.py" in tree  # layers: [api, admin]
    assert "tests/comment/test_admin.py" in tree


def test_routers_and_prefixes() -> None:
    tree = blog()
    views = tree["blog/views/post.py"]
    assert 'route="posts",' in views
    admin = tree["blog/admin/post.py"]
    assert 'route="posts",' in admin
    assert "admin = site.register(" in admin
    assert "router = admin.router" in admin  # the kit's ModelAdmin requires staff
    assert 'route="order-lines",' in shop()["blog/admin/order_line.py"]


def test_views_declare_pages_from_the_crud_form_and_read_schema() -> None:
    views = blog()["blog/views/post.py"]
    assert "router = Pages(\n    posts,\n    post_form,\n    read=PostRead," in views
    assert 'templates="post",' in views
    assert "select(" not in views  # no queries of its own


def test_forms_declare_one_input_per_writable_field() -> None:
    form = blog()["blog/forms/post.py"]
    for declaration in (
        'TextInput("title", "Title", max_length=200)',
        'SlugInput("slug", "Slug", max_length=255)',
        'TextArea("body", "Body")',
        'Select("status", "Status", default="draft", values=("draft", "published", "archived"))',
        'DateTimeInput("published_at", "Published at", required=False)',
        'NumberInput("views", "Views", default="0")',
        'RelatedSelect("author_id", "Author", source=authors)',
        'RelatedSelect("reviewer_id", "Reviewer", required=False, source=authors)',
        'MultiSelect("tag_ids", "Tags", source=tags)',
        "create=PostCreate,",
    ):
        assert declaration in form, declaration
    assert "users" in blog()["blog/forms/comment.py"]  # a ref to the built-in User
    order = shop()["blog/forms/order.py"]
    assert '"on hold"' in order


def test_every_post_form_carries_the_csrf_token() -> None:
    for tree in (blog(), shop()):
        for path, text in tree.items():
            if path.endswith(".html"):
                forms = re.findall(r"<form\b[^>]*>", text)
                posts = len([f for f in forms if 'method="post"' in f])
                posts += text.count("c.confirm(")  # the component's form carries it
                tokens = text.count('name="csrf_token" value="{{ csrf_token }}"')
                tokens += text.count("c.csrf(csrf_token)") + text.count(", csrf_token,")
                assert tokens == posts, path


def test_generated_templates_are_valid_jinja_and_python_parses() -> None:
    env = jinja2.Environment(autoescape=True)
    for tree in (blog(), shop()):
        for path, text in tree.items():
            if path.endswith(".html"):
                env.parse(text)
                assert "[[" not in text, path
                assert "[%" not in text, path
            else:
                ast.parse(text, path)


def test_admin_list_columns_search_and_filters_follow_the_spec() -> None:
    tree = blog()
    admin = tree["blog/admin/post.py"]
    assert 'Column("Title", lambda post: post.title, sort=Post.title),' in admin
    assert 'Column("Status", lambda post: post.status, sort=Post.status),' in admin
    assert 'href=lambda post: f"/admin/authors/{post.author_id}/",' in admin
    assert 'search_help="title, body",' in admin
    assert 'choice_filter(Post.status, "Status", PostStatus),' in admin
    assert 'related_filter(Post.author_id, "Author", authors),' in admin
    comment = tree["blog/admin/comment.py"]
    assert "search_help" not in comment  # Comment has no admin.search
    assert not any("templates/admin/" in path for path in tree)  # the kit's templates serve


def test_columns_of_numbers_are_declared_numeric_in_the_admin_and_the_list_page() -> None:
    # int, float and decimal fields and the id: right-aligned (kit.css, class "num")
    tree = shop()
    product = tree["blog/admin/product.py"]
    for name in ("price", "stock"):
        declared = f"lambda product: product.{name}, sort=Product.{name}, numeric=True),"
        assert declared in product
    assert 'Column("Sku", lambda product: product.sku, sort=Product.sku),' in product
    assert 'Column("Active", lambda product: product.active, sort=Product.active),' in product
    assert product.count("numeric=True") == 2
    assert "numeric=True" in tree["blog/admin/order_line.py"].split('"Order"')[0]  # the ID
    results = tree["blog/templates/product/_results.html"]
    assert '{"label": "Price", "sort_key": "price", "numeric": true}' in results
    assert '{"label": "Name", "sort_key": "name"}' in results
    assert '<td class="whole num">{{ product.price }}</td>' in results
    assert "<td>{{ product.name }}</td>" in results
    assert results.count('"numeric": true') == results.count('class="whole num"') == 2
    order = tree["blog/templates/order/_results.html"]
    assert '<th scope="row" class="num"><a href="{{ path }}{{ order.id }}">' in order
    assert "numeric" not in blog()["blog/admin/post.py"]  # its list shows no number


def test_form_widgets_follow_the_field_types() -> None:
    # the inputs are those declared in forms/post.py (`form`), laid out by the kit's macro
    form = blog()["blog/templates/post/form.html"]
    assert 'c.row_form(post, "post", "Posts", path, form, values, errors' in form


def test_admin_readonly_fields_are_shown_not_edited_when_changing() -> None:
    blueprint = next(f for f in RESOURCE_FILES if f.template == "admin.py.jinja")
    base = spec("blog")
    post = base.resource("Post")
    readonly = replace(post, admin=replace(post.admin, readonly=("slug",)))
    text = ResourceRenderer(base, PACKAGE).render_file(blueprint, readonly)
    assert 'readonly=("slug",),' in text  # the kit skips it when changing, shows it as text


def test_rendering_is_deterministic() -> None:
    assert render("blog") == blog()
    assert render("shop") == shop()


#: Blueprints rendered once per resource although every resource gets the same text: only
#: the empty `tests/__init__.py` of each resource's test package. Shared code belongs in the
#: project skeleton (its kit, or tests/resources.py), which the project owns (issue 14).
SAME_FOR_EVERY_RESOURCE = {"tests/__init__.py.jinja"}


@pytest.mark.parametrize("spec_name", ["blog", "shop"])
def test_nothing_new_is_rendered_per_resource_that_belongs_in_the_kit(spec_name: str) -> None:
    example = spec(spec_name)
    renderer = ResourceRenderer(example, PACKAGE)
    same = {
        blueprint.template
        for blueprint in RESOURCE_FILES
        if len({renderer.render_file(blueprint, r) for r in example.resources}) == 1
    }
    assert same <= SAME_FOR_EVERY_RESOURCE, "shared code belongs in the kit (the skeleton)"


EDGE_SPEC = """\
version: 1
resources:
  Status:
    fields:
      name: str(40)
      secret:
        type: str(64)
        write_only: true
      counter:
        type: int
        read_only: true
        default: 0
"""


def test_a_resource_named_like_generated_code_gets_another_variable_name() -> None:
    from scaffolder.spec import parse_spec

    edge = parse_spec(EDGE_SPEC, "scaffold.yaml")
    status = edge.resource("Status")
    renderer = ResourceRenderer(edge, PACKAGE)
    views = next(f for f in RESOURCE_FILES if f.template == "views.py.jinja")
    text = renderer.render_file(views, status)
    assert 'var="status_row"' in text
    form = next(f for f in RESOURCE_FILES if f.template == "form.py.jinja")
    declared = renderer.render_file(form, status)
    assert '"secret", "Secret", write_only=True' in declared  # write-only: never shown
    assert "counter" not in declared  # read-only: not in forms
    detail = next(f for f in RESOURCE_FILES if f.template == "templates/detail.html.jinja")
    assert "{{ status_row.name }}" in renderer.render_file(detail, status)
