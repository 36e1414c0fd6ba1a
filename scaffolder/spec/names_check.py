"""Rules for resource and field names: patterns, keywords, names the generator emits."""

from __future__ import annotations

import keyword
import re

RESOURCE_NAME = re.compile(r"^[A-Z][A-Za-z0-9]*$")
FIELD_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
TABLE_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
#: PostgreSQL truncates identifiers longer than this.
MAX_IDENTIFIER = 63
#: The longest snake_case form of a resource name: generated lines that hold it twice
#: (`order_line = await order_line_service.create_order_line(`) must fit the
#: generated project's 100 columns, which ruff format cannot split.
MAX_RESOURCE_SNAKE = 28
#: The longest `<resource>.<field>` (snake_case, plus 4 for a `_row` suffix): generated
#: lines such as `_ = order_line.product` must fit 100 columns.
MAX_ATTRIBUTE_PATH = 82
#: The longest VARCHAR PostgreSQL has (`str(N)`, string `max`/`max_length`); larger
#: numbers would also overflow the validators' integers when the app imports.
MAX_VARCHAR = 10_485_760

#: Hard keywords only: the soft keywords (`type`, `match`, `case`) are valid identifiers,
#: and common field names, which generated code may use like any other name.
PYTHON_KEYWORDS = frozenset(keyword.kwlist)

#: Attribute names that the SQLAlchemy declarative base or Pydantic's BaseModel own.
RESERVED_ATTRIBUTES: dict[str, str] = {
    "metadata": "SQLAlchemy's declarative base reserves `metadata`",
    "registry": "SQLAlchemy's declarative base reserves `registry`",
    "type_annotation_map": "SQLAlchemy's declarative base reserves `type_annotation_map`",
    "model_config": "Pydantic reserves `model_config`",
    # parameters of every generated list and form: a field filters a list by a query
    # parameter of its own name (`?status=draft`) and fills a form input of its name,
    # so a field called like one of these would be shadowed by it
    "q": "`q` is the search parameter of every generated list (`?q=…`, API, admin and "
    "pages), and a field's filter would take the same parameter",
    "page": "`page` is the page parameter of every generated list (`?page=2`, API, admin "
    "and pages), and a field's filter would take the same parameter",
    "page_size": "`page_size` is the page-size parameter of the generated API lists "
    "(`?page_size=50`), and a field's filter would take the same parameter",
    "sort": "`sort` is the ordering parameter of every generated list (`?sort=-title`), "
    "and a field's filter would take the same parameter",
    "csrf_token": "`csrf_token` is the hidden CSRF input of every generated form",
    "ids": "`ids` is the input carrying the selected rows of the admin's bulk actions",
    "confirm": "`confirm` is the confirmation input of the generated delete forms",
}
#: What to call a field instead of a reserved name; `label:` keeps the word on screen.
RESERVED_RENAMES: dict[str, str] = {
    "q": "query_text",
    "page": "page_number",
    "page_size": "page_length",
    "sort": "sort_order",
    "csrf_token": "form_token",
    "ids": "id_list",
    "confirm": "confirmed",
}
#: Pydantic reserves every `model_` attribute it defines; a field may not shadow them.
PYDANTIC_PREFIX = "model_"

#: Resource names that would shadow what every generated project defines.
RESERVED_RESOURCES: dict[str, str] = {
    "User": "`User` is built in (from the project blueprint); refer to it with ref(User)",
    "Base": "`Base` is the SQLAlchemy declarative base of the generated project",
    # names the generated model modules import, beside the model class
    "Decimal": "the generated models import Python's `Decimal` for decimal fields",
    "UUID": "the generated models import Python's `UUID` for uuid fields",
    "StrEnum": "the generated models import `StrEnum` for enum fields",
    "JsonValue": "the generated models import Pydantic's `JsonValue` for json fields",
    "Mapped": "the generated models import SQLAlchemy's `Mapped`",
    "TimestampMixin": "the generated models import the project's `TimestampMixin`",
    # modules the project already has where a resource's module would go
    "Registry": "`registry` is the admin's registry module (admin/registry.py)",
    "Views": "`views` is the admin's own views module (admin/views.py)",
    "Common": "`common` holds the shared schemas and services (schemas/common.py)",
    "Database": "`database` is the test-database helper module (tests/database.py)",
    "Helpers": "`helpers` is the test helper module (tests/helpers.py)",
    "Resources": "`resources` is the shared test module (tests/resources.py)",
    "Conftest": "`conftest` is pytest's fixture module (tests/conftest.py)",
}


def snake_suggestion(name: str) -> str:
    """A valid snake_case spelling of a bad field name, for examples."""
    from scaffolder.model.names import snake_case

    cleaned = re.sub(r"[^A-Za-z0-9_]+", "_", name).strip("_")
    fixed = snake_case(cleaned) if cleaned else "name"
    fixed = fixed if fixed[:1].isalpha() else f"f_{fixed}"
    return fixed + "_" if fixed in PYTHON_KEYWORDS else fixed


def pascal_suggestion(name: str) -> str:
    """A valid PascalCase spelling of a bad resource name, for examples."""
    from scaffolder.model.names import pascal_case

    cleaned = re.sub(r"[^A-Za-z0-9_]+", "_", name).strip("_")
    fixed = pascal_case(cleaned) if cleaned else "Item"
    return fixed if fixed[:1].isalpha() else f"R{fixed}"
