"""The model as blueprints see it: each model object wrapped in a view that adds what
generated code needs (Python and SQLAlchemy types, Pydantic names, test samples,
examples, prose), so `scaffolder.model` stays the plain domain model.

A view answers every attribute of the object it wraps, and wraps what it hands out
(`resource.fields` are field views), so templates, a project's blueprint overrides
included, keep reading `field.column_type` or `resource.qualify(...)` as before.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from functools import cached_property
from types import MethodType
from typing import Any, Generic, TypeVar

from scaffolder.model.names import Names
from scaffolder.model.spec import (
    Default,
    Field,
    OnDelete,
    QueryField,
    Referrer,
    Relation,
    Resource,
)
from scaffolder.model.types import FieldType, TypeInfo
from scaffolder.render import python_names, python_types, samples, sql
from scaffolder.render.sql import CheckSpec

M = TypeVar("M")

#: Builtins that generated class bodies (models, schemas, filters) refer to.
#: `datetime` types annotations use; generated modules also `import datetime as dt`.
_DATETIME_TYPES = frozenset({"date", "datetime", "time"})
_CLASS_BODY_BUILTINS = frozenset(
    {"bool", "bytes", "dict", "float", "int", "list", "object", "property", "str", "type"}
)

#: Attributes of Pydantic's `BaseModel` (its v1 methods) that a schema field would hide,
#: and the `**kwargs` of the `__init__` its mypy plugin writes for the read schemas.
PYDANTIC_SHADOWED = frozenset(
    {"construct", "copy", "dict", "from_orm", "json", "parse_file", "parse_obj", "parse_raw"}
    | {"schema", "schema_json", "update_forward_refs", "validate", "kwargs"}
)


class Views:
    """The views of one rendering, one per model object: what a view works out once (an
    attribute, a sample, its fields' views) serves every template that reaches it.

    Model objects are frozen and the spec keeps them alive while it renders, so a view
    is found by the identity of its model object.
    """

    def __init__(self) -> None:
        self._made: dict[int, _View[Any]] = {}

    def __call__(self, value: Any) -> Any:
        """`value` as templates see it: model objects (alone or in a tuple) in their
        views, and a model's method taking and answering views."""
        if isinstance(value, tuple):
            return tuple(self(v) for v in value)
        if isinstance(value, MethodType):
            return self._viewing(value)
        wrapper = _VIEWS.get(type(value))
        if wrapper is None:
            return value
        made = self._made.get(id(value))
        if made is None:
            made = self._made[id(value)] = wrapper(value, self)
        return made

    def _viewing(self, method: Callable[..., Any]) -> Callable[..., Any]:
        """`method` taking views or model objects and answering in views."""

        def call(*args: Any, **kwargs: Any) -> Any:
            unwrapped = {key: model(value) for key, value in kwargs.items()}
            return self(method(*(model(a) for a in args), **unwrapped))

        return call


def model(value: Any) -> Any:
    """The model object behind a view (anything else as it is)."""
    return value.model if isinstance(value, _View) else value


class _View(Generic[M]):
    """Answers what it does not define from the wrapped model object, in views.

    Model objects are frozen, so each answer is kept: a template reading
    `resource.fields` ten times wraps the fields once.
    """

    def __init__(self, wrapped: M, views: Views | None = None) -> None:
        self.model = wrapped
        self.views = views if views is not None else Views()

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") or name in ("model", "views"):
            # protocol probes (Jinja's __html__…), and a view not made by __init__ (a copy)
            raise AttributeError(name)
        answer = self.views(getattr(self.model, name))
        self.__dict__[name] = answer
        return answer

    def __eq__(self, other: object) -> bool:
        return bool(self.model == model(other))

    def __hash__(self) -> int:
        return hash(self.model)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.model!r})"


class FieldView(_View[Field]):
    """A field, with how generated code writes, samples and documents it."""

    @cached_property
    def python_type(self) -> str:
        """Annotation of the model attribute, without `| None`."""
        return python_types.python_type(self.model)

    @cached_property
    def python_annotation(self) -> str:
        """Annotation of the model attribute, `| None` included when nullable."""
        return python_types.python_annotation(self.model)

    @cached_property
    def column_type(self) -> str:
        """SQLAlchemy column type expression (`String(120)`, `Numeric(10, 2)`, …)."""
        return python_types.column_type(self.model)

    @cached_property
    def model_type(self) -> str | None:
        """The explicit SQLAlchemy type of the model's `mapped_column`, or None."""
        return python_types.model_type(self.model)

    @cached_property
    def pydantic_type(self) -> str:
        """Annotation in Pydantic schemas (before `| None`)."""
        return python_types.pydantic_type(self.model)

    @cached_property
    def imports(self) -> tuple[str, ...]:
        """`from X import Y` lines the model and schema annotations need."""
        return python_types.imports(self.model)

    @cached_property
    def decimal_limit(self) -> Decimal:
        """Largest magnitude NUMERIC(precision, scale) holds: `decimal(5,2)` → 999.99."""
        return python_types.decimal_limit(self.model)

    @cached_property
    def check_constraints(self) -> tuple[CheckSpec, ...]:
        """CHECK constraints enforcing `min`/`max` in the database (model and migration)."""
        return sql.check_constraints(self.model)

    @cached_property
    def schema_name(self) -> str:
        """The attribute of the Pydantic schemas: the API key, or `json_` (aliased `json`)
        for a key that would hide a method of `BaseModel` (or the `**kwargs` of the
        `__init__` that Pydantic's mypy plugin writes)."""
        key = self.model.api_name
        return f"{key}_" if key in PYDANTIC_SHADOWED else key

    @cached_property
    def default(self) -> DefaultView | None:
        """The default, with its Python literal; None when the field has none."""
        default = self.model.default
        return None if default is None else DefaultView(default, self.model)

    def default_in(self, resource: ResourceView | Resource) -> str:
        """The default as Python in a class body of `resource`: `dt.date.fromisoformat(…)`
        where a field named `date` hides the class `date.fromisoformat(…)` would use."""
        literal = python_types.default_literal(self.model)
        if self.model.type in (FieldType.DATE, FieldType.TIME, FieldType.DATETIME):
            shown = resource if isinstance(resource, ResourceView) else self.views(resource)
            return shown.qualify(literal)
        return literal

    @cached_property
    def sample(self) -> str:
        """A Python expression for a valid value of this field in generated tests; it
        uses an `n: int` in scope, so unique fields get a different value per `n`."""
        return samples.sample_expression(self.model)

    @cached_property
    def example(self) -> object:
        """An example API value (JSON-ready) for OpenAPI documentation."""
        return samples.example_value(self.model)

    def bound_violation(self, upper: bool) -> str | None:
        """A value just past `min`/`max` that only the CHECK constraint refuses (tests)."""
        return samples.bound_violation(self.model, upper)

    @cached_property
    def invalid_example(self) -> str | None:
        """A Python expression of an API value validation must refuse (422), or None."""
        return samples.invalid_example(self.model)


class DefaultView(_View[Default]):
    """A field's default, with how generated code writes it. Made by its field's view: the
    literal depends on the field (an enum default is a member of the field's enum)."""

    def __init__(self, wrapped: Default, field: Field) -> None:
        super().__init__(wrapped)
        self.field = field

    @cached_property
    def python(self) -> str:
        """The literal, e.g. `0`, `"draft"`, `Decimal("9.99")`, `PostStatus.DRAFT`."""
        return python_types.default_literal(self.field)


class RelationView(_View[Relation]):
    """A `ref` or `many` field's relation (its `on_delete` is a view)."""


class OnDeleteView(_View[OnDelete]):
    """An `on_delete` choice, with how SQLAlchemy writes it."""

    @cached_property
    def sql(self) -> str:
        """The `ondelete=` argument of SQLAlchemy's ForeignKey."""
        return sql.on_delete_sql(self.model)


class TypeInfoView(_View[TypeInfo]):
    """A field type, with how generated code writes it (`render/python_types.py`)."""

    @cached_property
    def python_type(self) -> str:
        """Annotation of the attribute (enum/ref/many: filled per field)."""
        return python_types.PYTHON_TYPES[self.model.type].python_type

    @cached_property
    def python_import(self) -> str | None:
        """`from X import Y` line the annotation needs."""
        return python_types.PYTHON_TYPES[self.model.type].python_import

    @cached_property
    def column_type(self) -> str:
        """SQLAlchemy type expression (length/precision filled per field)."""
        return python_types.PYTHON_TYPES[self.model.type].column_type

    @cached_property
    def pydantic_type(self) -> str:
        """Pydantic annotation used in schemas."""
        return python_types.PYTHON_TYPES[self.model.type].pydantic_type

    @cached_property
    def pydantic_import(self) -> str | None:
        """`from X import Y` line the Pydantic annotation needs."""
        return python_types.PYTHON_TYPES[self.model.type].pydantic_import


class QueryFieldView(_View[QueryField]):
    """A list query's field, with the Python type of a value filtering on it."""

    @cached_property
    def python_type(self) -> str:
        """Type of a filter value: `int` for ids, refs and manys."""
        field = self.model.field
        if field is None:
            return "int" if self.model.name == "id" else "datetime"
        if field.relation is not None:
            return "int"
        return python_types.python_type(field)


class ReferrerView(_View[Referrer]):
    """A referring field of another resource (its `source` and `field` are views)."""


class NamesView(_View[Names]):
    """A resource's names, with those its generated modules write for its model."""

    @cached_property
    def model_ref(self) -> str:
        """The model class as other modules name it (`PageModel` for `Page`)."""
        return python_names.model_ref(self.model.class_name)

    @cached_property
    def model_import(self) -> str:
        """The model class in an import statement (`Page as PageModel`)."""
        return python_names.model_import(self.model.class_name)

    @cached_property
    def pytest_collects(self) -> bool:
        """Whether pytest would take this resource's classes (`TestimonialRead`) for test
        classes where a test module imports them, and warn that it cannot collect them:
        such modules import the schema or model module instead (`testimonial_schemas`)."""
        return self.model.class_name.startswith("Test")


class ResourceView(_View[Resource]):
    """A resource, with the names its generated modules use and the prose about it."""

    @cached_property
    def attribute_names(self) -> frozenset[str]:
        """Every name a class body of this resource binds: fields, API keys, collections."""
        resource = self.model
        fields = {f.name for f in resource.fields} | {f.api_name for f in resource.fields}
        return frozenset(fields | {r.name for r in resource.reverse})

    @cached_property
    def shadowed_names(self) -> frozenset[str]:
        """Type names the class bodies of this resource use but a field or collection hides.

        In `class Post: list: Mapped[str]`, a later `Mapped[list[Tag]]` would name the
        column, not the builtin: generated code writes `builtins.list` (and `dt.date`
        for a field named `date`) instead.
        """
        return frozenset(self.attribute_names & (_CLASS_BODY_BUILTINS | _DATETIME_TYPES))

    def alias(self, name: str) -> str:
        """The name generated modules give an import that class bodies use: `name`, or
        `_name` when a field of this resource would hide it (a field `relationship`
        hides `relationship()` for the fields after it). Fields never start with `_`."""
        return f"_{name}" if name in self.attribute_names else name

    def import_as(self, name: str) -> str:
        """What an import statement says for `name`: `name`, or `name as _name`."""
        alias = self.alias(name)
        return name if alias == name else f"{name} as {alias}"

    def qualify(self, annotation: str) -> str:
        """`annotation` with every shadowed type name qualified by its module."""
        shadowed = self.shadowed_names
        if not shadowed:
            return annotation
        pattern = r"(?<![\w.\"'])(" + "|".join(sorted(shadowed)) + r")\b"

        def qualified(match: re.Match[str]) -> str:
            name = match.group(1)
            module = "dt" if name in _DATETIME_TYPES else "builtins"
            return f"{self.alias(module)}.{name}"

        return re.sub(pattern, qualified, annotation)

    @cached_property
    def check_constraints(self) -> tuple[CheckSpec, ...]:
        """Every CHECK constraint of the resource's table, in field order."""
        return sql.resource_check_constraints(self.model)

    @cached_property
    def a_label(self) -> str:
        """The label in running text, with its article: `a post`, `an order line`. The one
        place of the a/an rule: the service's `Label` carries it, for the kit's OpenAPI text."""
        label = self.model.names.label.lower()
        return f"{'an' if label[:1] in 'aeiou' else 'a'} {label}"

    @cached_property
    def samples_use_n(self) -> bool:
        """Whether the sample values of the fields a client sets vary with `n`."""
        return any(
            re.search(r"\bn\b", self.views(f).sample)
            for f in self.model.creatable_fields
            if f.relation is None
        )

    @cached_property
    def round_trip_keys(self) -> tuple[str, ...]:
        """Schema attributes a client writes and reads back: neither read-only nor write-only."""
        return tuple(
            self.views(f).schema_name
            for f in self.model.fields
            if not (f.read_only or f.write_only)
        )

    @cached_property
    def has_schema_aliases(self) -> bool:
        """Whether a schema attribute differs from its API key (`json_` for `json`)."""
        return any(self.views(f).schema_name != f.api_name for f in self.model.fields)

    @cached_property
    def create_example(self) -> dict[str, object]:
        """An example create payload (API names), for OpenAPI documentation."""
        return {f.api_name: self.views(f).example for f in self.model.creatable_fields}

    @cached_property
    def update_example(self) -> dict[str, object]:
        """An example PATCH payload: one field changed.

        A scalar field if there is one; else a nullable ref cleared (`null` needs no row
        to exist: an id would name a row the generated tests may not have made); else
        the first ref as the create example has it.
        """
        creatable = self.model.creatable_fields
        for f in creatable:
            if f.relation is None:
                return {f.api_name: self.views(f).example}
        for f in creatable:
            if f.is_ref and f.nullable:
                return {f.api_name: None}
        return dict(list(self.create_example.items())[:1])

    @cached_property
    def str_expression(self) -> str:
        """The body of the model's `__str__`: the `display` field, else `<Label> #<id>`."""
        fallback = f'f"{self.model.names.label} #{{self.id}}"'
        f = self.model.display_field
        if f is None or f.is_ref or f.is_many:
            return fallback
        value = f"self.{f.name}"
        if f.is_textual:
            text = value
        elif f.enum is not None:
            text = f"{value}.value"
        else:
            text = f"str({value})"
        if not f.nullable:
            return text
        return f"{text} if {value} is not None else {fallback}"


_VIEWS: dict[type, Callable[[Any, Views], _View[Any]]] = {
    Field: FieldView,
    Names: NamesView,
    OnDelete: OnDeleteView,
    Relation: RelationView,
    QueryField: QueryFieldView,
    Referrer: ReferrerView,
    Resource: ResourceView,
    TypeInfo: TypeInfoView,
}
