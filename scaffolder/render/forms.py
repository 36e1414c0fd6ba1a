"""The form input a field gets in a generated project (`PKG/forms/<name>.py`).

Each field becomes one call of a `kit.forms` input class, e.g.
`TextInput("title", "Title", max_length=200)`. Spec text (labels, help, defaults,
enum values) reaches the call only through `py_str`.
"""

from __future__ import annotations

from scaffolder.model.spec import Field, Spec
from scaffolder.model.types import FieldType
from scaffolder.render import python_types
from scaffolder.render.escape import python_str as py_str

#: The `kit.forms` class of each field type.
INPUT_CLASSES: dict[FieldType, str] = {
    FieldType.STR: "TextInput",
    FieldType.UUID: "TextInput",
    FieldType.TEXT: "TextArea",
    FieldType.EMAIL: "EmailInput",
    FieldType.URL: "UrlInput",
    FieldType.SLUG: "SlugInput",
    FieldType.INT: "NumberInput",
    FieldType.BIGINT: "NumberInput",
    FieldType.FLOAT: "NumberInput",
    FieldType.DECIMAL: "NumberInput",
    FieldType.BOOL: "Checkbox",
    FieldType.DATE: "DateInput",
    FieldType.DATETIME: "DateTimeInput",
    FieldType.TIME: "TimeInput",
    FieldType.JSON: "JsonInput",
    FieldType.ENUM: "Select",
    FieldType.REF: "RelatedSelect",
    FieldType.MANY: "MultiSelect",
}
_TEXT_CLASSES = frozenset({"TextInput", "TextArea", "EmailInput", "UrlInput", "SlugInput"})
_STEPS = {FieldType.FLOAT: "any", FieldType.DECIMAL: ""}


def input_class(field: Field) -> str:
    """The `kit.forms` class of `field`'s input."""
    return INPUT_CLASSES[field.type]


def choice_source(field: Field, spec: Spec) -> str:
    """The name of the ChoiceSource of a ref/many field: the target's `Crud`, or `users`."""
    assert field.relation is not None
    if field.relation.target == "User":
        return "users"
    return spec.resource(field.relation.target).names.collection


def form_input(field: Field, spec: Spec) -> str:
    """The input declaration of `field`: `TextInput("title", "Title", max_length=200)`."""
    cls = input_class(field)
    args = [py_str(field.api_name), py_str(field.label)]
    if field.nullable and field.type not in (FieldType.BOOL, FieldType.MANY):
        args.append("required=False")
    if field.write_only:
        args.append("write_only=True")
    if field.help:
        args.append(f"help={py_str(field.help)}")
    args += _default(field)
    if cls in _TEXT_CLASSES and field.string_max_length:
        args.append(f"max_length={field.string_max_length}")
    if cls == "NumberInput":
        if field.type in _STEPS:
            args.append(f"step={py_str(_STEPS[field.type])}")
        if field.min_value is not None:
            args.append(f"min={py_str(str(field.min_value))}")
        if field.max_value is not None:
            args.append(f"max={py_str(str(field.max_value))}")
    if field.enum is not None:
        values = [py_str(member.value) for member in field.enum.members]
        # No trailing comma (the formatter would explode the tuple), but a 1-tuple needs one.
        args.append(f"values=({', '.join(values)}{',' if len(values) == 1 else ''})")
    if field.relation is not None:
        args.append(f"source={choice_source(field, spec)}")
    return f"{cls}({', '.join(args)})"


def _default(field: Field) -> list[str]:
    """The `default=` argument: what the create form starts with (none: blank)."""
    if field.default is None or field.type is FieldType.MANY:
        return []
    if field.type is FieldType.BOOL:
        return ['default="on"'] if field.default.value else []
    if field.type is FieldType.JSON:
        return [f"default=json_text({python_types.default_literal(field)})"]
    return [f"default={py_str(str(field.default.value))}"]
