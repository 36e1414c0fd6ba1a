"""The template-context reference is generated from the model classes and their views,
and is current.

After changing the model, `pytest tests/documentation --update-golden` refreshes
docs/_generated/template-context.md; review the diff.
"""

from __future__ import annotations

from documentation.golden import check_file
from documentation.pages import GENERATED
from documentation.template_context import template_context


def test_template_context_is_current(update_golden: bool) -> None:
    check_file(GENERATED / "template-context.md", template_context(), update_golden)


def test_every_public_attribute_a_template_uses_is_listed() -> None:
    from scaffolder.model.spec import Field, Resource
    from scaffolder.render.views import FieldView, ResourceView

    text = template_context()
    for cls in (Resource, Field, ResourceView, FieldView):
        public = [n for n in vars(cls) if not n.startswith("_")]
        for name in public:
            assert f"| `{name}" in text, f"{cls.__name__}.{name} is not documented"
