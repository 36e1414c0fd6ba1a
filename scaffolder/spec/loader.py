"""`scaffold.yaml` → validated, frozen `Spec`, collecting every problem before failing.

Three passes over the YAML tree:
1. structure: top-level keys, resource names and keys, field syntax (shorthand or
   long form) — into `_RawResource` / `_RawField` with the position of every part;
2. fields: types, arguments, references, defaults and bounds, per resource;
3. resources: options naming fields (display, ordering, admin, api), reverse
   relations and table names, which need every resource at once.
Only if no pass found a problem is the frozen model returned.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from scaffolder.errors import Problem, SpecError
from scaffolder.model.names import (
    Names,
    enum_member_names,
    humanize,
    pascal_case,
    plural_of,
    snake_case,
)
from scaffolder.model.spec import (
    BUILTIN_TABLES,
    USER_ATTRIBUTES,
    USER_NAMES,
    USER_RESOURCE,
    AdminOptions,
    ApiOptions,
    Default,
    EnumMember,
    EnumType,
    Field,
    Layer,
    Location,
    OnDelete,
    OrderKey,
    Relation,
    Resource,
    ReverseRelation,
    Spec,
)
from scaffolder.model.types import TYPE_NAMES, TYPES, ArgKind, FieldType
from scaffolder.spec import names_check
from scaffolder.spec.defaults import DefaultError, convert_default
from scaffolder.spec.keys import (
    ADMIN_KEYS,
    API_KEYS,
    FIELD_KEYS,
    LAYER_NAMES,
    ON_DELETE_NAMES,
    RESOURCE_KEYS,
    TOP_KEYS,
)
from scaffolder.spec.shorthand import Shorthand, ShorthandError, Token, parse_shorthand
from scaffolder.spec.suggest import closest, did_you_mean
from scaffolder.spec.yaml_io import Positions, Site, parse_scalar, parse_yaml

SPEC_VERSION = 1
_MISSING = object()


class Problems:
    """Collects problems; passes keep going after one so the user sees all of them."""

    def __init__(self) -> None:
        self.items: list[Problem] = []

    def add(
        self,
        site: Site,
        message: str,
        *,
        offset: int = 0,
        span: int = 1,
        hint: str | None = None,
        example: str | None = None,
    ) -> None:
        self.items.append(
            site.problem(message, offset=offset, span=span, hint=hint, example=example)
        )

    def __bool__(self) -> bool:
        return bool(self.items)


# --------------------------------------------------------------------------- pass 1


@dataclass
class _Spot:
    """A site plus an offset inside the text at that site (shorthand tokens)."""

    site: Site
    offset: int = 0
    span: int = 1


@dataclass
class _RawField:
    """A field as written, before types and references are checked."""

    name: str
    resource: str
    name_spot: _Spot
    type_name: str
    type_spot: _Spot
    args: tuple[Token, ...] | None
    args_spot: _Spot
    nullable: bool = False
    unique: bool = False
    index: bool = False
    default: Any = _MISSING
    default_raw: str | None = None
    default_spot: _Spot | None = None
    options: dict[str, tuple[Any, _Spot]] = field(default_factory=dict)
    long_form: bool = False

    def option(self, key: str) -> Any:
        value = self.options.get(key)
        return None if value is None else value[0]

    def spot(self, key: str) -> _Spot:
        value = self.options.get(key)
        return value[1] if value is not None else self.name_spot


@dataclass
class _RawResource:
    name: str
    site: Site
    decl: Mapping[str, Any]
    names: Names
    fields: list[_RawField]
    #: False when the name itself was reported (its derived table is not checked again)
    valid_name: bool = True
    #: False when `fields` was missing or malformed: options naming fields stay quiet
    fields_ok: bool = True


class SpecLoader:
    """Validates one spec document. Use `load()`; it raises SpecError or returns a Spec."""

    def __init__(self, text: str, file: str, *, open_world: bool = False) -> None:
        self.text = text
        self.file = file
        #: accept references to resources this document does not declare (command-line
        #: fields are checked on their own; their targets are checked with the spec)
        self.open_world = open_world
        self.pos = Positions(text, file)
        self.problems = Problems()
        self.declared: set[str] = set()

    # ----------------------------------------------------------------- entry point

    def load(self) -> Spec:
        doc = parse_yaml(self.text, self.file)
        raw_resources = self._top_level(doc)
        self.declared = {r.name for r in raw_resources}
        resources: list[Resource] = []
        user_reverse: tuple[ReverseRelation, ...] = ()
        # Later passes run even after problems, on whatever parsed, so that one run
        # reports everything; options naming a field that failed to parse stay quiet.
        fields = {r.name: self._build_fields(r, raw_resources) for r in raw_resources}
        reverse, user_reverse = self._reverse_relations(raw_resources, fields)
        resources = [
            self._build_resource(r, fields[r.name], reverse.get(r.name, ())) for r in raw_resources
        ]
        self._check_tables(raw_resources, resources)
        self._check_enum_classes(raw_resources, fields)
        if self.problems:
            raise SpecError(self.problems.items)
        return Spec(
            version=SPEC_VERSION,
            resources=tuple(resources),
            user_reverse=user_reverse,
            path=self.file,
        )

    def _add(self, spot: _Spot, message: str, **extra: Any) -> None:
        self.problems.add(spot.site, message, offset=spot.offset, span=spot.span, **extra)

    # ----------------------------------------------------------------- pass 1: structure

    def _top_level(self, doc: Any) -> list[_RawResource]:
        start = _Spot(self.pos.start())
        example = "version: 1\nresources:\n  Post:\n    fields:\n      title: str(200)"
        if doc is None:
            self._add(start, "the spec is empty", example=example)
            return []
        if not isinstance(doc, Mapping):
            self._add(
                start, "the spec must be a mapping with `version` and `resources`", example=example
            )
            return []
        typos = self._unknown_keys(doc, TOP_KEYS, "top-level key {key}")
        if "version" not in doc:
            if "version" not in typos:  # a misspelled `version` is reported already
                self._add(
                    start,
                    "missing `version`",
                    hint="the spec format version is 1",
                    example="version: 1",
                )
        elif doc["version"] != SPEC_VERSION or isinstance(doc["version"], bool):
            self._add(
                _value_spot(self.pos, doc, "version"),
                f"`version` must be the number 1, not the text `{doc['version']}`"
                if isinstance(doc["version"], str)
                else f"unsupported version `{doc['version']}`",
                hint="this scaffold reads version 1 of the spec format",
                example="version: 1",
            )
        if "resources" not in doc:
            if "resources" in typos:  # the misspelled key is reported already
                return []
            self._add(
                start,
                "missing `resources`",
                hint="declare resources, or none yet",
                example="resources: {}",
            )
            return []
        resources = doc["resources"]
        if resources is None:
            return []
        if not isinstance(resources, Mapping):
            self._add(
                _value_spot(self.pos, doc, "resources"),
                "`resources` must be a mapping of resource name to declaration",
                example="resources:\n  Post:\n    fields:\n      title: str(200)",
            )
            return []
        raw: list[_RawResource] = []
        for name, decl in resources.items():
            parsed = self._resource(resources, name, decl)
            if parsed is not None:
                raw.append(parsed)
        return raw

    def _unknown_keys(
        self, mapping: Mapping[str, Any], allowed: Mapping[str, str], what: str
    ) -> set[str]:
        """Report keys not in `allowed`; return the keys suggested instead (likely typos)."""
        suggested: set[str] = set()
        for key in mapping:
            if str(key) not in allowed:
                suggestion = closest(str(key), allowed)
                if suggestion:
                    suggested.add(suggestion)
                hint = f"did you mean `{suggestion}`?" if suggestion else None
                example = None
                if hint is None and allowed is RESOURCE_KEYS and _looks_like_a_field(mapping[key]):
                    hint = f"if `{key}` is a field, indent it under `fields:`"
                    example = f"fields:\n  {key}: {mapping[key]}"
                self._add(
                    _Spot(self.pos.key(mapping, key), span=len(str(key))),
                    # not str.format: `what` holds names from the file, which may hold braces
                    "unknown " + what.replace("{key}", f"`{key}`", 1),
                    hint=hint or f"allowed: {', '.join(allowed)}",
                    example=example,
                )
        return suggested

    def _resource(self, resources: Any, name: Any, decl: Any) -> _RawResource | None:
        site = self.pos.key(resources, name)
        name = str(name)
        spot = _Spot(site, span=len(name))
        valid_name = self._check_resource_name(name, spot)
        if not isinstance(decl, Mapping):
            self._add(
                spot,
                f"resource `{name}` must be a mapping with `fields`",
                example=f"{name}:\n  fields:\n    title: str(200)",
            )
            return None
        typos = self._unknown_keys(decl, RESOURCE_KEYS, f"key {{key}} in resource `{name}`")
        plural = self._optional_str(decl, "plural", name)
        table = self._optional_str(decl, "table", name)
        if table is not None and not names_check.TABLE_NAME.match(table):
            self._add(
                _value_spot(self.pos, decl, "table"),
                f"table name `{table}` must be snake_case ASCII",
                example=f"table: {names_check.snake_suggestion(table)}",
            )
        elif table is not None and len(table) > names_check.MAX_IDENTIFIER:
            self._add(
                _value_spot(self.pos, decl, "table"),
                f"table name `{table}` is longer than {names_check.MAX_IDENTIFIER} characters",
                hint="PostgreSQL truncates longer names",
            )
        if plural is not None and not plural.strip():
            self._add(
                _value_spot(self.pos, decl, "plural"),
                f"resource `{name}`: `plural` must not be empty",
                example=f"plural: {plural_of(name)}",
            )
            plural = None
        names = Names.derive(
            name if valid_name else names_check.pascal_suggestion(name), plural=plural, table=table
        )
        if valid_name:
            self._check_plural(name, names, decl, spot, explicit=plural is not None)
        fields: list[_RawField] = []
        fields_ok = True
        if "fields" not in decl:
            fields_ok = False
            if "fields" not in typos:  # a misspelled `fields` is reported already
                self._add(
                    spot,
                    f"resource `{name}` has no `fields`",
                    example=f"{name}:\n  fields:\n    title: str(200)",
                )
        else:
            raw_fields = decl["fields"]
            fields_site = self.pos.value(decl, "fields")
            if not isinstance(raw_fields, Mapping) or not raw_fields:
                fields_ok = False
                self._add(
                    _Spot(fields_site),
                    f"`fields` of `{name}` must be a non-empty mapping of name to type",
                    example="fields:\n  title: str(200)",
                )
            else:
                stray = _comma_leftovers(raw_fields)
                for field_name, value in raw_fields.items():
                    if field_name in stray:
                        continue  # reported with the field whose value the comma cut
                    parsed = self._field(name, raw_fields, field_name, value)
                    if parsed is not None:
                        fields.append(parsed)
        return _RawResource(name, site, decl, names, fields, valid_name, fields_ok)

    def _check_plural(
        self, name: str, names: Names, decl: Mapping[str, Any], spot: _Spot, *, explicit: bool
    ) -> None:
        """The plural becomes Python names (`list_blog_posts`) and, by default, the table."""
        where = _value_spot(self.pos, decl, "plural") if explicit else spot
        if explicit and not names_check.FIELD_NAME.match(names.plural_snake):
            self._add(
                where,
                f"resource `{name}`: `plural` gives the name `{names.plural_snake}`, "
                "which is not a snake_case identifier",
                hint="write the plural as words of ASCII letters and digits",
                example=f"plural: {_plural_example(name)}",
            )
        elif names.plural_snake == names.snake:
            self._add(
                where,
                f"resource `{name}`: its plural `{names.plural_snake}` is the same as its "
                "singular, and the generated code needs two different names",
                hint="give a plural that differs, with `plural:`; `table:` can keep the table name",
                example=f"plural: {humanize(name)} items\ntable: {names.table}",
            )
        elif "table" not in decl and len(names.table) > names_check.MAX_IDENTIFIER:
            self._add(
                spot,
                f"resource `{name}`: its table name `{names.table}` is longer than "
                f"{names_check.MAX_IDENTIFIER} characters",
                hint="PostgreSQL truncates longer names; choose a shorter one with `table:`",
                example=f"table: {names.table[: names_check.MAX_IDENTIFIER]}",
            )

    def _check_resource_name(self, name: str, spot: _Spot) -> bool:
        if not names_check.RESOURCE_NAME.match(name):
            self._add(
                spot,
                f"resource name `{name}` must be PascalCase ASCII (like `BlogPost`)",
                example=f"{names_check.pascal_suggestion(name)}:",
            )
            return False
        if name in names_check.PYTHON_KEYWORDS:
            self._add(spot, f"resource name `{name}` is a Python keyword", example=f"{name}Item:")
            return False
        if name in names_check.RESERVED_RESOURCES:
            self._add(
                spot,
                f"resource name `{name}` is reserved",
                hint=names_check.RESERVED_RESOURCES[name],
            )
            return False
        return True

    def _optional_str(self, decl: Mapping[str, Any], key: str, resource: str) -> str | None:
        if key not in decl or decl[key] is None:
            return None
        value = decl[key]
        if not isinstance(value, str):
            self._add(
                _value_spot(self.pos, decl, key),
                f"resource `{resource}`: `{key}` must be a string",
                example=f"{key}: {'Entries' if key == 'plural' else 'entries'}",
            )
            return None
        return str(value)

    # ------------------------------------------------------------------ fields, pass 1

    def _field(self, resource: str, fields: Any, key: Any, value: Any) -> _RawField | None:
        name_site = self.pos.key(fields, key)
        name = str(key)
        name_spot = _Spot(name_site, span=len(name))
        self._check_field_name(name, name_spot, resource)
        if isinstance(value, str):
            site = self.pos.text_site(fields, key)
            whole = _comma_rejoined(fields, key)
            return self._shorthand_field(resource, name, name_spot, str(value), site, whole)
        if isinstance(value, Mapping):
            return self._long_field(resource, name, name_spot, value)
        self._add(
            _value_spot(self.pos, fields, key) if value is not None else name_spot,
            f"field `{name}` of `{resource}` needs a type",
            example=f"{name}: str(200)",
        )
        return None

    def _check_field_name(self, name: str, spot: _Spot, resource: str) -> bool:
        what = f"field name `{name}` in `{resource}`"
        example = f"{names_check.snake_suggestion(name)}: …"
        if not names_check.FIELD_NAME.match(name):
            hint = (
                "names starting with `_` are reserved for generated code"
                if name.startswith("_")
                else None
            )
            self._add(
                spot,
                f"{what} must be snake_case ASCII (like `published_at`)",
                hint=hint,
                example=example,
            )
            return False
        if name in names_check.PYTHON_KEYWORDS:
            self._add(spot, f"{what} is a Python keyword", example=f"{name}_: …")
            return False
        if len(name) > names_check.MAX_IDENTIFIER - 4:  # room for `_id`, `_ids`
            self._add(
                spot,
                f"{what} is longer than {names_check.MAX_IDENTIFIER - 4} characters",
                hint="PostgreSQL truncates longer column names",
                example=f"{name[: names_check.MAX_IDENTIFIER - 4].rstrip('_')}: …",
            )
            return False
        if name in names_check.RESERVED_ATTRIBUTES:
            self._add(
                spot,
                f"{what} is reserved",
                hint=names_check.RESERVED_ATTRIBUTES[name],
                example=f"{name}_info: …",
            )
            return False
        if name.startswith(names_check.PYDANTIC_PREFIX):
            self._add(
                spot,
                f"{what} starts with `model_`, which Pydantic reserves",
                example=f"{name.removeprefix('model_')}_model: …",
            )
            return False
        return True

    def _shorthand_field(
        self,
        resource: str,
        name: str,
        name_spot: _Spot,
        text: str,
        site: Site,
        whole: str | None = None,
    ) -> _RawField | None:
        try:
            short = parse_shorthand(text)
        except ShorthandError as error:
            hint, example = error.hint, f"{name}: {error.example}" if error.example else None
            if whole is not None:  # `{price: decimal(10,2)}`: the comma ended the value
                hint, example = _FLOW_COMMA_HINT, f"{name}: '{whole}'"
            self.problems.add(
                site,
                f"field `{name}` of `{resource}`: {error.message}",
                offset=error.offset,
                span=error.span,
                hint=hint,
                example=example,
            )
            return None
        raw = self._from_shorthand(resource, name, name_spot, short, site)
        if short.default is not None:
            token = short.default
            raw.default_spot = _Spot(site, token.offset, len(token.text))
            raw.default_raw = _unquote(token.text)
            try:
                raw.default = parse_scalar(token.text)
            except Exception:  # any YAML error: the text is not a scalar
                self._add(
                    raw.default_spot,
                    f"field `{name}` of `{resource}`: the default is not a valid YAML value",
                    hint="quote it: = 'some text'",
                )
                raw.default = _MISSING
        return raw

    def _from_shorthand(
        self, resource: str, name: str, name_spot: _Spot, short: Shorthand, site: Site
    ) -> _RawField:
        flags = {f.text for f in short.flags}
        return _RawField(
            name=name,
            resource=resource,
            name_spot=name_spot,
            type_name=short.type.text,
            type_spot=_Spot(site, short.type.offset, len(short.type.text)),
            args=short.args,
            args_spot=_Spot(site, short.args_offset),
            nullable=short.nullable,
            unique="unique" in flags,
            index="index" in flags,
        )

    def _long_field(
        self, resource: str, name: str, name_spot: _Spot, decl: Mapping[str, Any]
    ) -> _RawField | None:
        stray = _comma_leftovers(decl)
        typos = self._unknown_keys(
            {k: v for k, v in decl.items() if k not in stray} if stray else decl,
            FIELD_KEYS,
            f"key {{key}} in field `{name}` of `{resource}`",
        )
        if "type" not in decl and "type" in typos:
            return None
        if "type" not in decl or not isinstance(decl["type"], str):
            spot = _value_spot(self.pos, decl, "type") if "type" in decl else name_spot
            self._add(
                spot,
                f"field `{name}` of `{resource}` needs `type:` (a type name)",
                example=f"{name}:\n  type: str(200)",
            )
            return None
        site = self.pos.text_site(decl, "type")
        try:
            short = parse_shorthand(str(decl["type"]))
        except ShorthandError as error:
            whole = _comma_rejoined(decl, "type")
            self.problems.add(
                site,
                f"field `{name}` of `{resource}`: {error.message}",
                offset=error.offset,
                span=error.span,
                hint=_FLOW_COMMA_HINT if whole else error.hint,
                example=f"type: '{whole}'"
                if whole
                else (f"type: {error.example}" if error.example else None),
            )
            return None
        if short.nullable or short.flags or short.default is not None:
            self._add(
                _Spot(site),
                f"field `{name}` of `{resource}`: `type` takes a type only",
                hint="in the long form, write nullable/unique/index/default as keys",
                example=f"{name}:\n  type: {short.type.text}\n  nullable: true",
            )
        raw = self._from_shorthand(resource, name, name_spot, short, site)
        raw.long_form = True
        for flag in ("nullable", "unique", "index", "read_only", "write_only"):
            if flag in decl and decl[flag] is not None:
                value = decl[flag]
                if not isinstance(value, bool):
                    self._add(
                        _value_spot(self.pos, decl, flag),
                        f"field `{name}` of `{resource}`: `{flag}` must be true or false",
                        example=f"{flag}: true",
                    )
                    continue
                raw.options[flag] = (bool(value), _value_spot(self.pos, decl, flag))
        raw.nullable = bool(raw.option("nullable"))
        raw.unique = bool(raw.option("unique"))
        raw.index = bool(raw.option("index"))
        for key in (
            "max_length",
            "min",
            "max",
            "label",
            "help",
            "renamed_from",
            "on_delete",
            "back",
        ):
            if key in decl:
                raw.options[key] = (decl[key], _value_spot(self.pos, decl, key))
        if "default" in decl:
            raw.default = decl["default"]
            raw.default_spot = _value_spot(self.pos, decl, "default")
        return raw

    # ------------------------------------------------------------------ pass 2: fields

    def _build_fields(
        self, resource: _RawResource, all_resources: list[_RawResource]
    ) -> list[Field]:
        targets = {r.name: r.names for r in all_resources}
        targets[USER_RESOURCE] = USER_NAMES
        timestamps = resource.decl.get("timestamps", True)
        refs = {f.name for f in resource.fields if f.type_name == FieldType.REF.value}
        manys = {f.name for f in resource.fields if f.type_name == FieldType.MANY.value}
        built: list[Field] = []
        for raw in resource.fields:
            self._generated_name_clash(raw, refs, manys, timestamps is not False)
            built_field = _FieldBuilder(self, raw, resource, targets).build()
            if built_field is not None:
                built.append(built_field)
        return built

    def _generated_name_clash(
        self, raw: _RawField, refs: set[str], manys: set[str], timestamps: bool
    ) -> None:
        clash: str | None = None
        example: str | None = None
        if raw.name == "id":
            clash = "every resource gets an `id` primary key; drop this field or rename it"
            example = f"{snake_case(raw.resource)}_number: {raw.type_name}"
        elif timestamps and raw.name in ("created_at", "updated_at"):
            clash = (
                f"`{raw.name}` is managed by `timestamps` (set `timestamps: false` to declare it)"
            )
            example = "timestamps: false"
        elif raw.name.endswith("_id") and raw.name.removesuffix("_id") in refs:
            clash = (
                f"`{raw.name}` is the foreign-key column of ref field `{raw.name[:-3]}`; "
                "drop this field, the ref creates the column"
            )
        elif raw.name.endswith("_ids") and raw.name.removesuffix("_ids") in manys:
            clash = (
                f"`{raw.name}` is the API key of many field `{raw.name[:-4]}` "
                "(the ids of the related rows); rename this field"
            )
        if clash:
            self._add(
                raw.name_spot,
                f"field name `{raw.name}` in `{raw.resource}` collides with a generated name",
                hint=clash,
                example=example,
            )

    # ----------------------------------------------------------------- pass 3: resources

    def _reverse_relations(
        self, raws: list[_RawResource], fields: dict[str, list[Field]]
    ) -> tuple[dict[str, tuple[ReverseRelation, ...]], tuple[ReverseRelation, ...]]:
        """Collections each relation adds to its target; two with one name is an error."""
        reverse: dict[str, list[ReverseRelation]] = {}
        for raw in raws:
            raw_by_name = {f.name: f for f in raw.fields}
            for f in fields[raw.name]:
                if f.relation is None:
                    continue
                target = f.relation.target
                entry = ReverseRelation(f.relation.back, raw.name, f.name, f.is_many)
                spot = (
                    raw_by_name[f.name].spot("back")
                    if "back" in raw_by_name[f.name].options
                    else raw_by_name[f.name].type_spot
                )
                taken = self._reverse_clash(entry, target, reverse.get(target, []), fields, raws)
                if taken:
                    self._add(
                        spot,
                        f"reverse collection `{target}.{entry.name}` of "
                        f"`{raw.name}.{f.name}` clashes with {taken}",
                        hint="name the reverse collection with `back:`",
                        example=f"{f.name}:\n  type: {'many' if f.is_many else 'ref'}"
                        f"({target})\n  back: {f.name}_{raw.names.plural_snake}",
                    )
                reverse.setdefault(target, []).append(entry)
        user = tuple(reverse.pop(USER_RESOURCE, []))
        return {k: tuple(v) for k, v in reverse.items()}, user

    def _reverse_clash(
        self,
        entry: ReverseRelation,
        target: str,
        existing: list[ReverseRelation],
        fields: dict[str, list[Field]],
        raws: list[_RawResource],
    ) -> str | None:
        for other in existing:
            if other.name == entry.name:
                return f"the one of `{other.source}.{other.source_field}`"
        if (
            entry.name in names_check.RESERVED_ATTRIBUTES
            or entry.name in names_check.PYTHON_KEYWORDS
            or entry.name.startswith(names_check.PYDANTIC_PREFIX)
        ):
            return f"a reserved name (`{entry.name}` cannot be an attribute)"
        if target == USER_RESOURCE:
            if entry.name in USER_ATTRIBUTES:
                return f"the built-in `User.{entry.name}`"
            return None
        target_raw = next((r for r in raws if r.name == target), None)
        if target_raw is None:  # declared elsewhere (open world): nothing to compare with
            return None
        target_fields = {f.name for f in fields.get(target, [])}
        column_names = {f"{f.name}_id" for f in fields.get(target, []) if f.is_ref}
        generated = {"id"}
        if target_raw.decl.get("timestamps", True) is not False:
            generated |= {"created_at", "updated_at"}
        if entry.name in target_fields:
            return f"field `{target}.{entry.name}`"
        if entry.name in column_names or entry.name in generated:
            return f"the generated column `{target}.{entry.name}`"
        return None

    def _build_resource(
        self, raw: _RawResource, fields: list[Field], reverse: tuple[ReverseRelation, ...]
    ) -> Resource:
        return _ResourceBuilder(self, raw, fields, reverse).build()

    def _check_enum_classes(self, raws: list[_RawResource], fields: dict[str, list[Field]]) -> None:
        """Every enum becomes a class `<Resource><Field>`; two with one name would clash."""
        owners: dict[str, str] = {}
        for raw in raws:
            raw_by_name = {f.name: f for f in raw.fields}
            for f in fields[raw.name]:
                if f.enum is None:
                    continue
                owner = f"`{raw.name}.{f.name}`"
                if f.enum.class_name in owners:
                    self._add(
                        raw_by_name[f.name].name_spot,
                        f"field `{f.name}` of `{raw.name}`: its enum class `{f.enum.class_name}` "
                        f"is also the enum class of {owners[f.enum.class_name]}",
                        hint="rename one of the two fields",
                    )
                else:
                    owners[f.enum.class_name] = owner

    def _check_tables(self, raws: list[_RawResource], resources: list[Resource]) -> None:
        owners: dict[str, str] = {}
        modules: dict[str, str] = {}
        for raw, resource in zip(raws, resources, strict=True):
            if not raw.valid_name:
                continue  # the name is reported; the table derived from it would repeat that
            snake = resource.names.snake
            if snake in modules:  # HTTPLog and HttpLog: one module name, models/http_log.py
                self._add(
                    _Spot(raw.site, span=len(raw.name)),
                    f"resource `{raw.name}` has the snake_case name `{snake}`, like "
                    f"`{modules[snake]}`; their generated modules would be the same files",
                    hint="rename one of the two resources",
                )
                continue
            modules[snake] = raw.name
            tables = [(resource.names.table, f"resource `{resource.name}`")]
            tables += [
                (f.relation.association_table, f"association table of `{resource.name}.{f.name}`")
                for f in resource.manys
                if f.relation is not None and f.relation.association_table
            ]
            spot = (
                _value_spot(self.pos, raw.decl, "table")
                if "table" in raw.decl
                else _Spot(raw.site, span=len(raw.name))
            )
            for table, owner in tables:
                if len(table) > names_check.MAX_IDENTIFIER and owner.startswith("association"):
                    self._add(
                        spot,
                        f"table `{table}` of {owner} is longer than "
                        f"{names_check.MAX_IDENTIFIER} characters",
                        hint="PostgreSQL truncates longer names; "
                        "shorten the field name or the resource's table",
                    )
                elif table in BUILTIN_TABLES:
                    self._add(
                        spot,
                        f"table `{table}` of {owner} is a built-in table",
                        hint="choose another name with `table:`",
                        example=f"table: {resource.names.snake}_items",
                    )
                elif table in owners:
                    self._add(
                        spot,
                        f"table `{table}` of {owner} is also the table of {owners[table]}",
                        hint="choose another name with `table:`",
                        example=f"table: {resource.names.snake}_{table}",
                    )
                else:
                    owners[table] = owner


_FLOW_COMMA_HINT = "inside `{…}` a comma ends the value; quote a type that contains commas"


def _is_flow(mapping: Any) -> bool:
    return bool(getattr(getattr(mapping, "fa", None), "flow_style", lambda: False)())


def _comma_leftovers(mapping: Mapping[Any, Any]) -> set[Any]:
    """Keys of a flow mapping that are the rest of a value cut at a comma.

    `{price: decimal(10,2)}` reads as `price: decimal(10` and a key `2)` without value.
    """
    if not _is_flow(mapping):
        return set()
    stray: set[Any] = set()
    open_paren = False
    for key, value in mapping.items():
        if open_paren and value is None and "(" not in str(key):
            stray.add(key)
            open_paren = ")" not in str(key)
            continue
        open_paren = isinstance(value, str) and value.count("(") > value.count(")")
    return stray


def _comma_rejoined(mapping: Mapping[Any, Any], key: Any) -> str | None:
    """The value of `key` as written before a flow mapping's commas cut it, if they did."""
    if not _is_flow(mapping):
        return None
    stray = _comma_leftovers(mapping)
    keys = list(mapping)
    index = keys.index(key)
    rest = []
    for following in keys[index + 1 :]:
        if following not in stray:
            break
        rest.append(str(following))
    if not rest:
        return None
    return ",".join([str(mapping[key]), *rest])


def _value_spot(pos: Positions, mapping: Any, key: str) -> _Spot:
    """The value of `key`, underlined whole when it is a scalar."""
    return _Spot(pos.value(mapping, key), span=pos.value_span(mapping, key))


def _plural_example(name: str) -> str:
    plural = humanize(plural_of(name))
    return plural if snake_case(plural) != snake_case(name) else f"{humanize(name)} items"


#: What people write for a type, from SQL, ORMs or other languages → the spec's type.
_TYPE_ALIASES = {
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


def _type_suggestion(written: str) -> str | None:
    """`did you mean` for a type: near misses and the usual names from elsewhere."""
    alias = _TYPE_ALIASES.get(written.lower().replace("_", "").replace("-", ""))
    alias = alias or _TYPE_ALIASES.get(written.lower())
    if alias:
        return f"did you mean `{alias}`?"
    return did_you_mean(written, TYPE_NAMES)


def _looks_like_a_field(value: Any) -> bool:
    """A shorthand string with a known type, or a mapping with a `type` key."""
    if isinstance(value, Mapping):
        return "type" in value
    if not isinstance(value, str):
        return False
    try:
        return parse_shorthand(value).type.text in TYPE_NAMES
    except ShorthandError:
        return False


def _unquote(text: str) -> str:
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"":
        return text[1:-1]
    return text


class _FieldBuilder:
    """Pass 2 for one field: type, arguments, reference, options, default."""

    def __init__(
        self, loader: SpecLoader, raw: _RawField, resource: _RawResource, targets: dict[str, Names]
    ) -> None:
        self.loader = loader
        self.raw = raw
        self.resource = resource
        self.targets = targets
        self.ok = True
        self.label = f"field `{raw.name}` of `{raw.resource}`"

    def error(self, spot: _Spot, message: str, **extra: Any) -> None:
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
                hint=_type_suggestion(raw.type_name) or f"known types: {', '.join(TYPE_NAMES)}",
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
            label_text=_opt_str(raw.option("label")),
            help=_opt_str(raw.option("help")),
            read_only=bool(raw.option("read_only")),
            write_only=bool(raw.option("write_only")),
            renamed_from=_opt_str(raw.option("renamed_from")),
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
        if len(args) != 1 or not args[0].text.isdigit() or int(args[0].text) < 1:
            text = ", ".join(a.text for a in args)
            self.error(
                _Spot(self.raw.args_spot.site, self.raw.args_spot.offset, len(text) + 2),
                f"`{field_type}({text})` needs one positive whole number, the maximum length",
                example=self.example(f"{field_type}(200)"),
            )
            return default
        return int(args[0].text)

    def _precision_scale(self, args: tuple[Token, ...] | None) -> tuple[int, int]:
        if args is None:
            return 12, 2
        numbers = [a.text for a in args]
        spot = _Spot(self.raw.args_spot.site, self.raw.args_spot.offset, len(",".join(numbers)) + 2)
        example = self.example("decimal(10,2)")
        if len(numbers) != 2 or not all(n.isdigit() for n in numbers):
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
                self.error(_Spot(site, token.offset), "empty enum value", example=example)
            elif token.text in seen:
                self.error(
                    _Spot(site, token.offset, len(token.text)),
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
        spot = _Spot(raw.args_spot.site, args[0].offset, len(target))
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
        if value is None:
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
        if value is None:
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

    def _check_options(self, field_type: FieldType, values: dict[str, Any]) -> None:
        raw = self.raw
        info = TYPES[field_type]
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
        if raw.option("read_only") and raw.option("write_only"):
            self.error(
                raw.spot("write_only"),
                "a field cannot be both read_only and write_only",
                hint="read_only: never written by clients; write_only: never sent to them; "
                "keep one",
            )
        for key in ("label", "help", "renamed_from"):
            if key in raw.options and not isinstance(raw.option(key), str):
                self.error(
                    raw.spot(key),
                    f"`{key}` must be a string",
                    example=f"{key}: '{raw.option(key)}'",
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
        self._bounds(field_type, info.textual, info.numeric, values)

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
            value = raw.option(key)
            valid = not isinstance(value, bool) and (
                isinstance(value, int) and value >= 0 if textual else isinstance(value, int | float)
            )
            if not valid:
                kind = "a whole number of characters" if textual else "a number"
                self.error(raw.spot(key), f"`{key}` must be {kind}", example=f"{key}: 10")
                continue
            # plain int/float: ruamel's ScalarInt/ScalarFloat must not leak into the model
            number: int | float = int(value) if isinstance(value, int) else float(value)
            if isinstance(number, float) and not math.isfinite(number):
                self.error(raw.spot(key), f"`{key}` must be a finite number", example=f"{key}: 10")
                continue
            if field_type is FieldType.DECIMAL:
                bounds[key] = Decimal(str(number))
            elif field_type in (FieldType.INT, FieldType.BIGINT) and isinstance(number, float):
                if not number.is_integer():
                    self.error(
                        raw.spot(key),
                        f"`{key}` of an integer field must be whole",
                        example=f"{key}: {math.floor(number)}",
                    )
                    continue
                bounds[key] = int(number)
            else:
                bounds[key] = number
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
        if raw.default is _MISSING:
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

    def _default_in_bounds(self, default: Default, spot: _Spot, values: dict[str, Any]) -> None:
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


def _opt_str(value: Any) -> str | None:
    return str(value) if isinstance(value, str) else None


class _ResourceBuilder:
    """Pass 3 for one resource: options that name fields, and the frozen Resource."""

    def __init__(
        self,
        loader: SpecLoader,
        raw: _RawResource,
        fields: list[Field],
        reverse: tuple[ReverseRelation, ...],
    ) -> None:
        self.loader = loader
        self.raw = raw
        self.decl = raw.decl
        self.fields = {f.name: f for f in fields}
        self.field_list = fields
        self.unbuilt = {f.name for f in raw.fields} - self.fields.keys()
        self.reverse = reverse
        timestamps = self.decl.get("timestamps", True)
        if not isinstance(timestamps, bool):
            loader._add(
                _value_spot(loader.pos, self.decl, "timestamps"),
                f"resource `{raw.name}`: `timestamps` must be true or false",
                example="timestamps: false",
            )
            timestamps = True
        self.timestamps = timestamps
        self.generated = ("id", "created_at", "updated_at") if timestamps else ("id",)

    def add(self, spot: _Spot, message: str, **extra: Any) -> None:
        self.loader._add(spot, f"resource `{self.raw.name}`: {message}", **extra)

    def build(self) -> Resource:
        raw = self.raw
        display = self._display()
        renamed = self.decl.get("renamed_from")
        if renamed is not None and (
            not isinstance(renamed, str) or not names_check.RESOURCE_NAME.match(renamed)
        ):
            self.add(
                _value_spot(self.loader.pos, self.decl, "renamed_from"),
                "`renamed_from` must be the previous PascalCase resource name",
                example="renamed_from: OldName",
            )
            renamed = None
        elif renamed is not None and renamed in self.loader.declared:
            self.add(
                _value_spot(self.loader.pos, self.decl, "renamed_from"),
                f"`renamed_from: {renamed}` names a resource that is still declared",
                hint="`renamed_from` gives the old name of a resource that no longer exists; "
                "drop it once the rename is applied",
            )
            renamed = None
        return Resource(
            names=raw.names,
            fields=tuple(self.field_list),
            display=display,
            ordering=self._ordering(),
            timestamps=self.timestamps,
            layers=self._layers(),
            admin=self._admin(display),
            api=self._api(),
            renamed_from=str(renamed) if renamed is not None else None,
            reverse=self.reverse,
            location=Location(raw.site.file, raw.site.line, raw.site.column),
        )

    # -- helpers to read lists of field names

    def _name_list(
        self,
        mapping: Mapping[str, Any],
        key: str,
        allowed: Sequence[str],
        why: dict[str, str],
        what: str,
    ) -> tuple[str, ...] | None:
        """Read `key` as a list of field names; report unknown ones and those in `why`."""
        if key not in mapping or mapping[key] is None:
            return None
        value = mapping[key]
        pos = self.loader.pos
        if isinstance(value, str):
            value = [value]
        elif not isinstance(value, Sequence):
            self.add(
                _value_spot(pos, mapping, key),
                f"`{what}` must be a list of field names",
                example=f"{key}: [{', '.join(list(allowed)[:2])}]",
            )
            return ()
        names: list[str] = []
        seen: set[str] = set()
        for index, item in enumerate(value):
            site = (
                pos.item(value, index)
                if not isinstance(mapping[key], str)
                else pos.value(mapping, key)
            )
            name = str(item)
            bare = name.removeprefix("-") if key == "ordering" else name
            spot = _Spot(site, span=len(name))
            if bare in self.unbuilt or not self.raw.fields_ok:
                continue  # its own declaration (or the resource's `fields`) is reported
            if bare in seen:
                self.add(spot, f"`{what}` names `{bare}` twice", hint="name each field once")
                continue
            seen.add(bare)
            if bare not in allowed and bare not in why:
                self.add(
                    spot,
                    f"`{what}` names unknown field `{bare}`",
                    hint=did_you_mean(bare, [*allowed, *self.unbuilt])
                    or f"fields of `{self.raw.name}`: {', '.join(allowed)}",
                )
            elif bare in why:
                usable = [n for n in allowed if n not in why]
                self.add(
                    spot,
                    f"`{what}` cannot use `{bare}`: {why[bare]}",
                    hint=f"usable here: {', '.join(usable)}"
                    if usable
                    else f"no field of `{self.raw.name}` fits here; drop `{key}`",
                )
            else:
                names.append(name)
        return tuple(names)

    def _reasons(self, exclude: Any, reason: str) -> dict[str, str]:
        return {f.name: reason.format(type=f.type.value) for f in self.field_list if exclude(f)}

    @property
    def all_names(self) -> list[str]:
        return [*self.generated, *self.fields]

    # -- options

    def _display(self) -> str:
        why = self._reasons(
            lambda f: f.is_many or f.type is FieldType.JSON, "a {type} field cannot label a row"
        )
        value = self.decl.get("display")
        if value is not None and not isinstance(value, str):
            self.add(
                _value_spot(self.loader.pos, self.decl, "display"),
                "`display` names one field",
                example=f"display: {next(iter(self.fields), 'id')}",
            )
            return "id"
        chosen = self._name_list(self.decl, "display", self.all_names, why, "display")
        if chosen:
            return chosen[0]
        for f in self.field_list:  # SPEC-FORMAT: the first str-like field, else id
            if f.type in (FieldType.STR, FieldType.EMAIL, FieldType.SLUG, FieldType.URL):
                return f.name
        return "id"

    def _ordering(self) -> tuple[OrderKey, ...]:
        why = self._reasons(lambda f: not f.is_sortable, "a {type} field cannot be sorted")
        chosen = self._name_list(self.decl, "ordering", self.all_names, why, "ordering")
        if not chosen:
            return (OrderKey("id"),)
        return tuple(OrderKey(n.removeprefix("-"), n.startswith("-")) for n in chosen)

    def _layers(self) -> tuple[Layer, ...]:
        if "layers" not in self.decl or self.decl["layers"] is None:
            return (Layer.API, Layer.HTML, Layer.ADMIN)
        value = self.decl["layers"]
        pos = self.loader.pos
        if not isinstance(value, Sequence) or isinstance(value, str):
            self.add(
                _value_spot(pos, self.decl, "layers"),
                "`layers` must be a list",
                example="layers: [api, admin]",
            )
            return ()
        layers: list[Layer] = []
        for index, item in enumerate(value):
            spot = _Spot(pos.item(value, index), span=len(str(item)))
            if str(item) not in LAYER_NAMES:
                self.add(
                    spot,
                    f"unknown layer `{item}`",
                    hint=did_you_mean(str(item), LAYER_NAMES)
                    or f"layers: {', '.join(LAYER_NAMES)}",
                )
            elif Layer(str(item)) in layers:
                self.add(spot, f"layer `{item}` is listed twice", hint="list each layer once")
            else:
                layers.append(Layer(str(item)))
        return tuple(sorted(layers, key=lambda layer: LAYER_NAMES.index(layer.value)))

    def _section(self, key: str, allowed: Mapping[str, str]) -> Mapping[str, Any]:
        value = self.decl.get(key)
        if value is None:
            return {}
        if not isinstance(value, Mapping):
            self.add(
                _value_spot(self.loader.pos, self.decl, key),
                f"`{key}` must be a mapping with keys: {', '.join(allowed)}",
                example=f"{key}:\n  {next(iter(allowed))}: [id]",
            )
            return {}
        self.loader._unknown_keys(
            value, allowed, f"key {{key}} in `{key}` of resource `{self.raw.name}`"
        )
        return value

    def _admin(self, display: str) -> AdminOptions:
        section = self._section("admin", ADMIN_KEYS)
        names = self.all_names
        not_text = self._reasons(
            lambda f: not f.is_textual, "search works on text fields, and this is {type}"
        )
        generated_not_text = dict.fromkeys(self.generated, "search works on text fields")
        json_fields = self._reasons(
            lambda f: f.type is FieldType.JSON, "a {type} field cannot be filtered"
        )
        listed = self._name_list(section, "list", names, {}, "admin.list")
        search = self._name_list(
            section, "search", list(self.fields), {**not_text, **generated_not_text}, "admin.search"
        )
        filters = self._name_list(section, "filters", names, json_fields, "admin.filters")
        readonly = self._name_list(section, "readonly", names, {}, "admin.readonly")
        return AdminOptions(
            list=listed if listed is not None else self._default_admin_list(display),
            search=search if search is not None else self._default_search(),
            filters=filters
            if filters is not None
            else tuple(
                f.name
                for f in self.field_list
                if f.type in (FieldType.BOOL, FieldType.ENUM) or f.is_ref
            ),
            readonly=readonly
            if readonly is not None
            else tuple(f.name for f in self.field_list if f.read_only),
        )

    def _default_admin_list(self, display: str) -> tuple[str, ...]:
        columns = [display]
        for f in self.field_list:
            if len(columns) >= 4:
                break
            if (
                f.name != display
                and not f.is_many
                and f.type not in (FieldType.TEXT, FieldType.JSON)
            ):
                columns.append(f.name)
        return tuple(columns)

    def _default_search(self) -> tuple[str, ...]:
        return tuple(
            f.name for f in self.field_list if f.is_textual and f.type is not FieldType.TEXT
        )[:3]

    def _api(self) -> ApiOptions:
        section = self._section("api", API_KEYS)
        names = self.all_names
        unfilterable = self._reasons(
            lambda f: f.type is FieldType.JSON or f.is_many, "a {type} field cannot be filtered on"
        )
        unsortable = self._reasons(lambda f: not f.is_sortable, "a {type} field cannot be sorted")
        filters = self._name_list(section, "filters", names, unfilterable, "api.filters")
        sort = self._name_list(section, "sort", names, unsortable, "api.sort")
        page_size = self._positive(section, "page_size", 20)
        max_page_size = self._positive(section, "max_page_size", max(100, page_size))
        if max_page_size < page_size:
            self.add(
                _value_spot(self.loader.pos, section, "max_page_size"),
                f"`api.max_page_size` {max_page_size} is smaller than `page_size` {page_size}",
                example=f"max_page_size: {page_size}",
            )
        default_filters = tuple(
            f.name
            for f in self.field_list
            if f.type not in (FieldType.JSON, FieldType.TEXT) and not f.is_many
        )
        default_sort = (
            *self.generated,
            *(f.name for f in self.field_list if f.is_sortable and f.type is not FieldType.TEXT),
        )
        return ApiOptions(
            filters=filters if filters is not None else default_filters,
            sort=sort if sort is not None else default_sort,
            page_size=page_size,
            max_page_size=max_page_size,
        )

    def _positive(self, section: Mapping[str, Any], key: str, default: int) -> int:
        if key not in section:
            return default
        value = section[key]
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            self.add(
                _value_spot(self.loader.pos, section, key),
                f"`api.{key}` must be a positive whole number",
                example=f"{key}: {default}",
            )
            return default
        return int(value)
