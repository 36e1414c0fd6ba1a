"""Pass 2 of the loader: one field's type, arguments, reference, options and default."""

from __future__ import annotations

import math
from decimal import Decimal
from typing import Any

from scaffolder.model.names import Names, enum_member_names, pascal_case
from scaffolder.model.spec import (
    Default,
    EnumMember,
    EnumType,
    Field,
    Location,
    OnDelete,
    Relation,
)
from scaffolder.model.types import TYPE_NAMES, TYPES, ArgKind, FieldType
from scaffolder.render.escape import text_problem
from scaffolder.render.python_names import IMPORTED_NAMES
from scaffolder.spec import names_check
from scaffolder.spec.defaults import TEXT_HINT, DefaultError, convert_default
from scaffolder.spec.keys import (
    ON_DELETE_NAMES,
)
from scaffolder.spec.raw import MISSING, RawField, RawResource, Reporter, Spot, opt_str
from scaffolder.spec.shorthand import Token
from scaffolder.suggest import did_you_mean

#: What people write for a type, from SQL, ORMs or other languages → the spec's type.
#: Corrected `label:` and `help:` lines shown with a refused text.
_TEXT_EXAMPLES = {"label": "Title", "help": "|\n  First line.\n  Second line."}


def _shown(text: str) -> str:
    """Text quoted in a message, its unprintable characters as escapes (`\\n`, `\\ud800`)."""
    return "".join(c if c.isprintable() else ascii(c)[1:-1] for c in text)


TYPE_ALIASES = {
    "string": "str",
    "varchar": "str",
    "char": "str",
    "character": "str",
    "integer": "int",
    "smallint": "int",
    "long": "bigint",
    "boolean": "bool",
    "double": "float",
    "real": "float",
    "number": "decimal",
    "numeric": "decimal",
    "money": "decimal",
    "timestamp": "datetime",
    "timestamptz": "datetime",
    "guid": "uuid",
    "jsonb": "json",
    "dict": "json",
    "object": "json",
    "foreignkey": "ref",
    "fk": "ref",
    "belongs_to": "ref",
    "manytomany": "many",
    "list": "many",
    "choice": "enum",
    "choices": "enum",
}


def type_suggestion(written: str) -> str | None:
    """`did you mean` for a type: near misses and the usual names from elsewhere."""
    alias = TYPE_ALIASES.get(written.lower().replace("_", "").replace("-", ""))
    alias = alias or TYPE_ALIASES.get(written.lower())
    if alias:
        return f"did you mean `{alias}`?"
    return did_you_mean(written, TYPE_NAMES)


#: Suffixes of the classes generated beside a resource's model (`PostCreate`…), which an
#: enum class `<Resource><Field>` must not repeat.
_DERIVED_SUFFIXES = ("Create", "Update", "Read", "Page", "Filters", "Sort", "Id", "FromPath")


class FieldBuilder:
    """Pass 2 for one field: type, arguments, reference, options, default."""

    def __init__(
        self, loader: Reporter, raw: RawField, resource: RawResource, targets: dict[str, Names]
    ) -> None:
        self.loader = loader
        self.raw = raw
        self.resource = resource
        self.targets = targets
        self.ok = True
        self.label = f"field `{raw.name}` of `{raw.resource}`"

    def error(self, spot: Spot, message: str, **extra: Any) -> None:
        self.ok = False
        self.loader._add(spot, f"{self.label}: {message}", **extra)

    def example(self, body: str) -> str:
        return f"{self.raw.name}: {body}"

    def build(self) -> Field | None:
        raw = self.raw
        try:
            field_type = FieldType(raw.type_name)
        except ValueError:
            self.error(
                raw.type_spot,
                f"unknown type `{raw.type_name}`",
                hint=type_suggestion(raw.type_name) or f"known types: {', '.join(TYPE_NAMES)}",
            )
            return None
        info = TYPES[field_type]
        values: dict[str, Any] = {}
        args = raw.args
        if info.args is ArgKind.NONE:
            if args is not None:
                self.error(
                    raw.args_spot,
                    f"type `{field_type}` takes no arguments",
                    example=self.example(field_type.value),
                )
        elif info.args is ArgKind.LENGTH:
            values["length"] = self._length(args, info.default_length or 255, field_type)
        elif info.args is ArgKind.PRECISION_SCALE:
            values["precision"], values["scale"] = self._precision_scale(args)
        elif info.args is ArgKind.VALUES:
            values["enum"] = self._enum(args)
        else:
            values["relation"] = self._relation(field_type, args)
        if field_type in (FieldType.EMAIL, FieldType.URL):
            values["length"] = info.default_length
        self._check_options(field_type, values)
        default = self._default(field_type, values)
        if not self.ok:
            return None
        return Field(
            name=raw.name,
            type=field_type,
            nullable=raw.nullable,
            unique=raw.unique,
            index=raw.index,
            default=default,
            label_text=opt_str(raw.option("label")),
            help=opt_str(raw.option("help")),
            read_only=bool(raw.option("read_only")),
            write_only=bool(raw.option("write_only")),
            renamed_from=opt_str(raw.option("renamed_from")),
            location=Location(
                raw.name_spot.site.file, raw.name_spot.site.line, raw.name_spot.site.column
            ),
            **values,
        )

    # -- arguments

    def _length(self, args: tuple[Token, ...] | None, default: int, field_type: FieldType) -> int:
        max_length = self.raw.option("max_length")
        if args is None:
            if isinstance(max_length, int) and not isinstance(max_length, bool) and max_length > 0:
                return max_length
            return default
        if len(args) != 1 or not _whole(args[0].text) or int(args[0].text) < 1:
            text = ", ".join(a.text for a in args)
            self.error(
                Spot(self.raw.args_spot.site, self.raw.args_spot.offset, len(text) + 2),
                f"`{field_type}({text})` needs one positive whole number, the maximum length",
                example=self.example(f"{field_type}(200)"),
            )
            return default
        if int(args[0].text) > names_check.MAX_VARCHAR:
            self.error(
                Spot(self.raw.args_spot.site, self.raw.args_spot.offset, len(args[0].text) + 2),
                f"`{field_type}({args[0].text})` is longer than a VARCHAR can be "
                f"({names_check.MAX_VARCHAR} characters in PostgreSQL)",
                hint="use `text` for longer text",
                example=self.example("text"),
            )
            return default
        return int(args[0].text)

    def _precision_scale(self, args: tuple[Token, ...] | None) -> tuple[int, int]:
        if args is None:
            return 12, 2
        numbers = [a.text for a in args]
        spot = Spot(self.raw.args_spot.site, self.raw.args_spot.offset, len(",".join(numbers)) + 2)
        example = self.example("decimal(10,2)")
        if len(numbers) != 2 or not all(_whole(n) for n in numbers):
            self.error(
                spot,
                f"`decimal({', '.join(numbers)})` needs two whole numbers: "
                "precision (total digits) and scale (digits after the point)",
                example=example,
            )
            return 12, 2
        precision, scale = int(numbers[0]), int(numbers[1])
        if precision < 1 or precision > 1000:
            self.error(
                spot, f"decimal precision {precision} must be between 1 and 1000", example=example
            )
        elif scale > precision:
            self.error(
                spot,
                f"decimal scale {scale} is larger than its precision {precision}",
                hint="scale counts the digits after the point, among the precision's",
                example=self.example(f"decimal({max(precision, scale)},{min(precision, scale)})"),
            )
        return precision, scale

    def _enum(self, args: tuple[Token, ...] | None) -> EnumType | None:
        site = self.raw.args_spot.site
        example = self.example("enum(draft, published)")
        if not args:
            self.error(
                self.raw.args_spot if args is not None else self.raw.type_spot,
                "`enum` needs at least one value",
                example=example,
            )
            return None
        seen: set[str] = set()
        for token in args:
            if not token.text:
                self.error(Spot(site, token.offset), "empty enum value", example=example)
            elif (problem := text_problem(token.text)) is not None:
                self.error(
                    Spot(site, token.offset, max(len(token.text), 1)),
                    f"enum value `{_shown(token.text)}` holds {problem}",
                    hint=TEXT_HINT,
                    example=example,
                )
            elif token.text in seen:
                self.error(
                    Spot(site, token.offset, len(token.text)),
                    f"enum value `{token.text}` is given twice",
                    example=example,
                )
            seen.add(token.text)
        values = [t.text for t in args]
        members = tuple(
            EnumMember(name, value)
            for name, value in zip(enum_member_names(values), values, strict=True)
        )
        class_name = f"{self.resource.names.class_name}{pascal_case(self.raw.name)}"
        derived = pascal_case(self.raw.name) in _DERIVED_SUFFIXES
        if class_name in IMPORTED_NAMES or derived:  # `LocalTime`, `PostFilters` are taken
            class_name += "Choice"
        if class_name in self.targets:
            self.error(
                self.raw.type_spot,
                f"its enum class `{class_name}` would have the name of a resource",
                hint="rename the field or the resource",
            )
        return EnumType(class_name, members)

    def _relation(self, field_type: FieldType, args: tuple[Token, ...] | None) -> Relation | None:
        raw = self.raw
        many = field_type is FieldType.MANY
        example = self.example(f"{field_type}(Author)")
        if args is None or len(args) != 1 or not args[0].text:
            self.error(
                raw.type_spot, f"`{field_type}` needs the name of one resource", example=example
            )
            return None
        target = args[0].text
        spot = Spot(raw.args_spot.site, args[0].offset, len(target))
        open_target = self.loader.open_world and names_check.RESOURCE_NAME.match(target)
        if target not in self.targets and open_target:
            self.targets[target] = Names.derive(target)
        if target not in self.targets:
            if self.loader.open_world:
                hint = (
                    f"resource names are PascalCase, like `{names_check.pascal_suggestion(target)}`"
                )
            else:
                hint = did_you_mean(target, self.targets) or (
                    f"declare `{target}` under `resources`, or refer to one of: "
                    f"{', '.join(self.targets)}"
                )
            self.error(
                spot, f"`{field_type}({target})` refers to an undeclared resource", hint=hint
            )
            return None
        on_delete = self._on_delete(many, target)
        back = self._back()
        target_names = self.targets[target]
        source = self.resource.names
        if many:
            source_column = f"{source.snake}_id"
            target_column = f"{target_names.snake}_id"
            if source_column == target_column:  # self-reference: name the other side by the field
                from scaffolder.model.names import singularize

                target_column = f"{singularize(raw.name)}_id"
                if target_column == source_column:
                    target_column = f"{raw.name}_id"
            return Relation(
                many=True,
                target=target,
                target_table=target_names.table,
                on_delete=on_delete,
                back=back or source.plural_snake,
                fk_column=None,
                association_table=f"{source.table}_{raw.name}",
                source_column=source_column,
                target_column=target_column,
            )
        return Relation(
            many=False,
            target=target,
            target_table=target_names.table,
            on_delete=on_delete,
            back=back or source.plural_snake,
            fk_column=f"{raw.name}_id",
        )

    def _on_delete(self, many: bool, target: str) -> OnDelete:
        value = self.raw.option("on_delete")
        if "on_delete" not in self.raw.options:
            # association rows belong to both sides: they go when either row goes
            return OnDelete.CASCADE if many else OnDelete.RESTRICT
        spot = self.raw.spot("on_delete")
        if str(value) not in ON_DELETE_NAMES:
            self.error(
                spot,
                f"unknown on_delete `{value}`",
                hint=did_you_mean(str(value), ON_DELETE_NAMES)
                or f"choose one of: {', '.join(ON_DELETE_NAMES)}",
            )
            return OnDelete.RESTRICT
        result = OnDelete(str(value))
        if result is OnDelete.SET_NULL and many:
            self.error(
                spot,
                "`set_null` does not apply to a `many` field",
                hint="association rows are always deleted with either side",
            )
        elif result is OnDelete.SET_NULL and not self.raw.nullable:
            self.error(
                spot,
                "`on_delete: set_null` needs a nullable reference",
                hint="add `nullable: true`, or use restrict or cascade",
                example=f"{self.raw.name}:\n  type: ref({target})\n  nullable: true\n  "
                "on_delete: set_null",
            )
        return result

    def _back(self) -> str | None:
        value = self.raw.option("back")
        if "back" not in self.raw.options:
            return None
        spot = self.raw.spot("back")
        if (
            not isinstance(value, str)
            or not names_check.FIELD_NAME.match(value)
            or value in names_check.PYTHON_KEYWORDS
            or value in names_check.RESERVED_ATTRIBUTES
        ):
            self.error(
                spot,
                f"`back: {value}` must be a snake_case name that is not a keyword",
                example="back: reviewed_posts",
            )
            return None
        return str(value)

    # -- options

    def _written_type(self) -> str:
        """The type as written, arguments included: `str(20)`, `ref(Author)`."""
        args = self.raw.args
        if not args:
            return self.raw.type_name
        return f"{self.raw.type_name}({', '.join(token.text for token in args)})"

    def _check_options(self, field_type: FieldType, values: dict[str, Any]) -> None:
        self._check_type_options(field_type)
        self._check_access(field_type)
        self._check_texts()
        info = TYPES[field_type]
        self._bounds(field_type, info.textual, info.numeric, values)

    def _check_type_options(self, field_type: FieldType) -> None:
        """Options the field's type does not take: `on_delete`/`back` off relations, a
        `many` field nullable, unique or indexed, a `json` one unique or indexed."""
        raw = self.raw
        relational = field_type in (FieldType.REF, FieldType.MANY)
        for key in ("on_delete", "back"):
            if key in raw.options and not relational:
                self.error(
                    raw.spot(key),
                    f"`{key}` applies only to ref and many fields",
                    hint=f"drop `{key}`, or make the field a ref: `type: ref(Author)`",
                )
        if field_type is FieldType.MANY:
            for key in ("nullable", "unique", "index"):
                if getattr(raw, key):
                    self.error(
                        raw.spot(key) if raw.long_form else raw.type_spot,
                        f"a `many` field cannot be {key}",
                        hint="it is a collection stored in an association table",
                    )
        if field_type is FieldType.JSON and (raw.unique or raw.index):
            self.error(
                raw.spot("unique" if raw.unique else "index") if raw.long_form else raw.type_spot,
                "a `json` field cannot be unique or indexed",
                hint="JSON values cannot be compared by the database; drop `unique`/`index`",
                example=self.example("json"),
            )

    def _check_access(self, field_type: FieldType) -> None:
        """`read_only` and `write_only`: not both, and a read_only field must be fillable."""
        raw = self.raw
        if (
            raw.option("read_only")
            and not raw.option("write_only")  # reported below
            and field_type is not FieldType.MANY
            and not raw.nullable
            and raw.default is MISSING
        ):
            self.error(
                raw.spot("read_only"),
                "a read_only field that is required and has no default cannot be filled: "
                "no row could be created",
                hint="clients never set a read_only field; make it nullable or give it a default",
                example=f"{raw.name}:\n  type: {self._written_type()}\n  read_only: true\n"
                "  nullable: true",
            )
        if (
            raw.option("read_only")
            and raw.unique
            and raw.default is not MISSING
            and raw.default is not None
        ):
            # clients never set it, so every row would get the default: the second
            # row would break the unique constraint
            self.error(
                raw.spot("read_only"),
                "a read_only field that is unique and has a default gives every row the "
                "same value: the second row could not be created",
                hint="drop `unique` or `default`, or let clients set it (no `read_only`)",
                example=f"{raw.name}:\n  type: {self._written_type()}\n  read_only: true\n"
                "  nullable: true\n  unique: true",
            )
        if raw.option("read_only") and raw.option("write_only"):
            self.error(
                raw.spot("write_only"),
                "a field cannot be both read_only and write_only",
                hint="read_only: never written by clients; write_only: never sent to them; "
                "keep one",
            )

    def _check_texts(self) -> None:
        """`label`, `help` and `renamed_from`: strings, of text a generated file can carry,
        and a renamed field's old name a field name no longer declared."""
        raw = self.raw
        for key in ("label", "help", "renamed_from"):
            if key in raw.options and not isinstance(raw.option(key), str):
                self.error(
                    raw.spot(key),
                    f"`{key}` must be a string",
                    example=f"{key}: '{raw.option(key)}'",
                )
        for key in ("label", "help"):
            text = raw.option(key)
            problem = text_problem(text, multiline=key == "help") if isinstance(text, str) else None
            if problem is not None:
                self.error(
                    raw.spot(key),
                    f"`{key}` holds {problem}",
                    hint=TEXT_HINT,
                    example=f"{key}: {_TEXT_EXAMPLES[key]}",
                )
        renamed = raw.option("renamed_from")
        if isinstance(renamed, str) and not names_check.FIELD_NAME.match(renamed):
            self.error(
                raw.spot("renamed_from"),
                f"`renamed_from: {renamed}` is not a field name",
                hint="give the field's previous snake_case name",
                example=f"renamed_from: {names_check.snake_suggestion(renamed)}",
            )
        elif isinstance(renamed, str) and renamed in {f.name for f in self.resource.fields}:
            self.error(
                raw.spot("renamed_from"),
                f"`renamed_from: {renamed}` names a field that is still declared",
                hint="`renamed_from` gives the old name of a field that no longer exists",
            )

    def _bounds(
        self, field_type: FieldType, textual: bool, numeric: bool, values: dict[str, Any]
    ) -> None:
        raw = self.raw
        present = [k for k in ("max_length", "min", "max") if k in raw.options]
        if not present:
            return
        if not (textual or numeric):
            for key in present:
                self.error(
                    raw.spot(key),
                    f"`{key}` applies to numbers and strings, not `{field_type}`",
                    hint=f"drop `{key}`",
                )
            return
        if "max_length" in present and not textual:
            self.error(
                raw.spot("max_length"),
                "`max_length` applies to strings; use `max`",
                example="max: 100",
            )
            return
        bounds: dict[str, int | float | Decimal] = {}
        for key in present:
            bound = self._bound(field_type, textual, key)
            if bound is not None:
                bounds[key] = bound
        if textual:
            self._length_bounds(field_type, bounds, values)
        else:
            low, high = bounds.get("min"), bounds.get("max")
            if low is not None and high is not None and low > high:
                self.error(
                    raw.spot("min"),
                    f"`min` {low} is larger than `max` {high}",
                    example=f"min: {high}\nmax: {low}",
                )
            values["min_value"], values["max_value"] = low, high

    def _bound(
        self, field_type: FieldType, textual: bool, key: str
    ) -> int | float | Decimal | None:
        """The value of bound `key` (`max_length`, `min`, `max`) in the field's own
        terms; None when it is not usable (reported)."""
        raw = self.raw
        value = raw.option(key)
        valid = not isinstance(value, bool) and (
            isinstance(value, int) and value >= 0 if textual else isinstance(value, int | float)
        )
        if not valid:
            kind = "a whole number of characters" if textual else "a number"
            self.error(raw.spot(key), f"`{key}` must be {kind}", example=f"{key}: 10")
            return None
        # plain int/float: ruamel's ScalarInt/ScalarFloat must not leak into the model
        number: int | float = int(value) if isinstance(value, int) else float(value)
        if isinstance(number, float) and not math.isfinite(number):
            self.error(raw.spot(key), f"`{key}` must be a finite number", example=f"{key}: 10")
            return None
        if field_type is FieldType.DECIMAL:
            return Decimal(str(number))
        if field_type in (FieldType.INT, FieldType.BIGINT) and isinstance(number, float):
            if not number.is_integer():
                self.error(
                    raw.spot(key),
                    f"`{key}` of an integer field must be whole",
                    example=f"{key}: {math.floor(number)}",
                )
                return None
            return int(number)
        return number

    def _length_bounds(
        self,
        field_type: FieldType,
        bounds: dict[str, int | float | Decimal],
        values: dict[str, Any],
    ) -> None:
        """`min`/`max`/`max_length` of a string: validation bounds, and the column length of a
        str/slug whose type gives none."""
        raw = self.raw
        low, high_max, high_len = bounds.get("min"), bounds.get("max"), bounds.get("max_length")
        if high_max is not None and high_len is not None and high_max != high_len:
            self.error(
                raw.spot("max"),
                "`max` and `max_length` disagree; give one of them",
                example=f"max_length: {high_len}",
            )
        high = high_max if high_max is not None else high_len
        for key, bound in (("min", low), ("max", high_max), ("max_length", high_len)):
            if bound is not None and bound > names_check.MAX_VARCHAR:
                self.error(
                    raw.spot(key),
                    f"`{key}` {bound} is longer than any text a column holds here",
                    hint=f"lengths go up to {names_check.MAX_VARCHAR} (PostgreSQL's VARCHAR); "
                    "leave the bound out for unlimited `text`",
                )
                return
        column = values.get("length")
        column_from_type = raw.args is not None or field_type in (FieldType.EMAIL, FieldType.URL)
        if high is not None and column is not None:
            if not column_from_type:
                values["length"] = int(high)
            elif high > column:
                self.error(
                    raw.spot("max" if high_max is not None else "max_length"),
                    f"maximum length {high} exceeds the column length {column}",
                    hint=f"raise the length in the type, e.g. `{field_type}({int(high)})`, "
                    "or lower the maximum",
                )
        if low is not None and high is not None and low > high:
            self.error(
                raw.spot("min"),
                f"`min` {low} is larger than the maximum {high}",
                hint="`min` is the shortest length allowed, the maximum the longest",
            )
        values["min_length"] = int(low) if low is not None else None
        values["max_length"] = int(high) if high is not None else None

    # -- default

    def _default(self, field_type: FieldType, values: dict[str, Any]) -> Default | None:
        raw = self.raw
        if raw.default is MISSING:
            return None
        spot = raw.default_spot or raw.name_spot
        if raw.default is None:
            if not raw.nullable:
                self.error(
                    spot,
                    "default is null but the field is not nullable",
                    hint="make the field nullable (`?`) or give a real default",
                )
            return None
        if field_type is FieldType.ENUM and values.get("enum") is None:
            return None
        try:
            default = convert_default(
                field_type,
                raw.default,
                raw.default_raw,
                enum=values.get("enum"),
                precision=values.get("precision"),
                scale=values.get("scale"),
            )
        except DefaultError as error:
            self.error(
                spot,
                error.message,
                hint=error.hint,
                example=self._default_example(error.example) if error.example else None,
            )
            return None
        self._default_in_bounds(default, spot, values)
        return default

    def _default_example(self, default: str) -> str:
        """`= 0` → the field written with that default, in the form the user wrote it in."""
        raw = self.raw
        if raw.long_form:
            return f"default: {default.removeprefix('= ')}"
        written = raw.type_name
        if raw.args is not None:
            written += "(" + ", ".join(a.text for a in raw.args) + ")"
        if raw.nullable:
            written += "?"
        return self.example(f"{written} {default}")

    def _default_in_bounds(self, default: Default, spot: Spot, values: dict[str, Any]) -> None:
        value = default.value
        if isinstance(value, str):
            size = len(value)
            high = values.get("max_length") or values.get("length")
            low = values.get("min_length")
            if high is not None and size > high:
                self.error(
                    spot,
                    f"default is {size} characters long, more than {high}",
                    hint="shorten the default or raise the maximum length",
                )
            if low is not None and size < low:
                self.error(
                    spot,
                    f"default is {size} characters long, fewer than {low}",
                    hint="lengthen the default or lower `min`",
                )
        elif isinstance(value, int | float | Decimal) and not isinstance(value, bool):
            low, high = values.get("min_value"), values.get("max_value")
            if low is not None and value < low:
                self.error(
                    spot,
                    f"default {value} is below `min` {low}",
                    hint="the default must lie within `min` and `max`",
                )
            if high is not None and value > high:
                self.error(
                    spot,
                    f"default {value} is above `max` {high}",
                    hint="the default must lie within `min` and `max`",
                )


def _whole(text: str) -> bool:
    """Whether `text` is a whole number `int()` reads: ASCII digits only (`str.isdigit`
    also accepts `¹` or `²`, which `int()` refuses)."""
    return text.isascii() and text.isdigit()
