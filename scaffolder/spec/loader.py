"""`scaffold.yaml` → validated, frozen `Spec`, collecting every problem before failing.

Three passes over the YAML tree:
1. structure (here): top-level keys, resource names and keys, field syntax
   (shorthand or long form) — into `RawResource` / `RawField` (spec/raw.py);
2. fields (spec/fields.py): types, arguments, references, defaults and bounds;
3. resources (spec/resources.py): options that name fields (display, ordering,
   admin, api); then, here, reverse relations and table names, which need every
   resource at once.
Only if no pass found a problem is the frozen model returned.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from scaffolder.errors import SpecError
from scaffolder.model.names import (
    Names,
    humanize,
    many_key,
    plural_of,
    snake_case,
)
from scaffolder.model.spec import (
    USER_ATTRIBUTES,
    USER_RESOURCE,
    Field,
    Resource,
    ReverseRelation,
    Spec,
    builtin_tables,
    user_names,
)
from scaffolder.model.types import TYPE_NAMES, FieldType
from scaffolder.spec import names_check
from scaffolder.spec.fields import FieldBuilder
from scaffolder.spec.keys import (
    FIELD_FLAGS,
    FIELD_KEYS,
    FIELD_OPTIONS,
    RESOURCE_KEYS,
    TOP_KEYS,
    Given,
    Key,
)
from scaffolder.spec.raw import MISSING, Problems, RawField, RawResource, Spot, unquote, value_spot
from scaffolder.spec.resources import ResourceBuilder
from scaffolder.spec.shorthand import Shorthand, ShorthandError, parse_shorthand
from scaffolder.spec.yaml_io import Positions, Site, parse_scalar, parse_yaml
from scaffolder.suggest import closest

SPEC_VERSION = 1


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
        self._check_required_ref_cycles(raw_resources, fields)
        if self.problems:
            raise SpecError(self.problems.items)
        return Spec(
            version=SPEC_VERSION,
            resources=tuple(resources),
            user_reverse=user_reverse,
            path=self.file,
        )

    def _add(self, spot: Spot, message: str, **extra: Any) -> None:
        self.problems.add(spot.site, message, offset=spot.offset, span=spot.span, **extra)

    # ----------------------------------------------------------------- pass 1: structure

    def _top_level(self, doc: Any) -> list[RawResource]:
        start = Spot(self.pos.start())
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
                value_spot(self.pos, doc, "version"),
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
        if resources is None:  # `resources:` alone: none yet (the one required key null may be)
            return []
        if not isinstance(resources, Mapping):
            self._add(
                value_spot(self.pos, doc, "resources"),
                "`resources` must be a mapping of resource name to declaration",
                example="resources:\n  Post:\n    fields:\n      title: str(200)",
            )
            return []
        raw: list[RawResource] = []
        for name, decl in resources.items():
            parsed = self._resource(resources, name, decl)
            if parsed is not None:
                raw.append(parsed)
        return raw

    def _unknown_keys(
        self, mapping: Mapping[str, Any], allowed: Mapping[str, Key], what: str
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
                    Spot(self.pos.key(mapping, key), span=len(str(key))),
                    # not str.format: `what` holds names from the file, which may hold braces
                    "unknown " + what.replace("{key}", f"`{key}`", 1),
                    hint=hint or f"allowed: {', '.join(allowed)}",
                    example=example,
                )
        return suggested

    def _resource(self, resources: Any, name: Any, decl: Any) -> RawResource | None:
        site = self.pos.key(resources, name)
        name = str(name)
        spot = Spot(site, span=len(name))
        valid_name = self._check_resource_name(name, spot)
        if not isinstance(decl, Mapping):
            self._add(
                spot,
                f"resource `{name}` must be a mapping with `fields`",
                example=f"{name}:\n  fields:\n    title: str(200)",
            )
            return None
        decl = Given(decl, RESOURCE_KEYS)
        typos = self._unknown_keys(decl, RESOURCE_KEYS, f"key {{key}} in resource `{name}`")
        plural, table = self._plural_and_table(name, decl)
        names = Names.derive(
            name if valid_name else names_check.pascal_suggestion(name), plural=plural, table=table
        )
        if valid_name:
            self._check_plural(name, names, decl, spot, explicit=plural is not None)
        fields, fields_ok = self._fields(name, decl, spot, typos)
        return RawResource(name, site, decl, names, fields, valid_name, fields_ok)

    def _plural_and_table(
        self, name: str, decl: Mapping[str, Any]
    ) -> tuple[str | None, str | None]:
        """The resource's `plural` and `table`, if given and usable (else reported)."""
        plural = self._optional_str(decl, "plural", name)
        table = self._optional_str(decl, "table", name)
        if table is not None and not names_check.TABLE_NAME.match(table):
            self._add(
                value_spot(self.pos, decl, "table"),
                f"table name `{table}` must be snake_case ASCII",
                example=f"table: {names_check.snake_suggestion(table)}",
            )
        elif table is not None and len(table) > names_check.MAX_IDENTIFIER:
            self._add(
                value_spot(self.pos, decl, "table"),
                f"table name `{table}` is longer than {names_check.MAX_IDENTIFIER} characters",
                hint="PostgreSQL truncates longer names",
            )
        if plural is not None and not plural.strip():
            self._add(
                value_spot(self.pos, decl, "plural"),
                f"resource `{name}`: `plural` must not be empty",
                example=f"plural: {plural_of(name)}",
            )
            plural = None
        return plural, table

    def _fields(
        self, name: str, decl: Mapping[str, Any], spot: Spot, typos: set[str]
    ) -> tuple[list[RawField], bool]:
        """The resource's fields, and whether `fields` was there as a non-empty mapping."""
        if "fields" not in decl:
            if "fields" not in typos:  # a misspelled `fields` is reported already
                self._add(
                    spot,
                    f"resource `{name}` has no `fields`",
                    example=f"{name}:\n  fields:\n    title: str(200)",
                )
            return [], False
        raw_fields = decl["fields"]
        fields_site = self.pos.value(decl, "fields")
        if not isinstance(raw_fields, Mapping) or not raw_fields:
            self._add(
                Spot(fields_site),
                f"`fields` of `{name}` must be a non-empty mapping of name to type",
                example="fields:\n  title: str(200)",
            )
            return [], False
        fields: list[RawField] = []
        stray = _comma_leftovers(raw_fields)
        for field_name, value in raw_fields.items():
            if field_name in stray:
                continue  # reported with the field whose value the comma cut
            parsed = self._field(name, raw_fields, field_name, value)
            if parsed is not None:
                fields.append(parsed)
        return fields, True

    def _check_plural(
        self, name: str, names: Names, decl: Mapping[str, Any], spot: Spot, *, explicit: bool
    ) -> None:
        """The plural becomes Python names (`list_blog_posts`) and, by default, the table.

        A plural equal to the singular (`News`, `Staff`) is fine: `Names.collection`
        gives the collection functions a distinct name (`list_news_index`).
        """
        where = value_spot(self.pos, decl, "plural") if explicit else spot
        if explicit and not names_check.FIELD_NAME.match(names.plural_snake):
            self._add(
                where,
                f"resource `{name}`: `plural` gives the name `{names.plural_snake}`, "
                "which is not a snake_case identifier",
                hint="write the plural as words of ASCII letters and digits",
                example=f"plural: {_plural_example(name)}",
            )
        elif explicit and len(names.collection) > names_check.MAX_RESOURCE_SNAKE + 6:
            self._add(
                where,
                f"resource `{name}`: `plural` gives the name `{names.collection}`, longer than "
                f"{names_check.MAX_RESOURCE_SNAKE + 6} characters",
                hint="generated lines name it with the resource (`list_order_lines`) and must "
                "fit 100 columns; a short plural can keep a long table with `table:`",
                example=f"plural: {_plural_example(name)}",
            )
        elif "table" not in decl and len(names.table) > names_check.MAX_IDENTIFIER:
            self._add(
                spot,
                f"resource `{name}`: its table name `{names.table}` is longer than "
                f"{names_check.MAX_IDENTIFIER} characters",
                hint="PostgreSQL truncates longer names; choose a shorter one with `table:`",
                example=f"table: {names.table[: names_check.MAX_IDENTIFIER]}",
            )

    def _check_resource_name(self, name: str, spot: Spot) -> bool:
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
        snake = snake_case(name)
        if len(snake) > names_check.MAX_RESOURCE_SNAKE:
            self._add(
                spot,
                f"resource name `{name}` is too long: `{snake}` has {len(snake)} characters, "
                f"at most {names_check.MAX_RESOURCE_SNAKE}",
                hint="generated lines name it twice (`order_line = await "
                "order_line_service.create_order_line(`) and must fit 100 columns; "
                "`table:` and `plural:` may still be long",
            )
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
        if key not in decl:
            return None
        value = decl[key]
        if not isinstance(value, str):
            self._add(
                value_spot(self.pos, decl, key),
                f"resource `{resource}`: `{key}` must be a string",
                example=f"{key}: {'Entries' if key == 'plural' else 'entries'}",
            )
            return None
        return str(value)

    # ------------------------------------------------------------------ fields, pass 1

    def _field(self, resource: str, fields: Any, key: Any, value: Any) -> RawField | None:
        name_site = self.pos.key(fields, key)
        name = str(key)
        name_spot = Spot(name_site, span=len(name))
        self._check_field_name(name, name_spot, resource)
        if isinstance(value, str):
            site = self.pos.text_site(fields, key)
            whole = _comma_rejoined(fields, key)
            return self._shorthand_field(resource, name, name_spot, str(value), site, whole)
        if isinstance(value, Mapping):
            return self._long_field(resource, name, name_spot, value)
        self._add(
            value_spot(self.pos, fields, key) if value is not None else name_spot,
            f"field `{name}` of `{resource}` needs a type",
            example=f"{name}: str(200)",
        )
        return None

    def _check_field_name(self, name: str, spot: Spot, resource: str) -> bool:
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
        path = f"{snake_case(resource)}_row.{name}"
        if names_check.RESOURCE_NAME.match(resource) and len(path) > names_check.MAX_ATTRIBUTE_PATH:
            self._add(
                spot,
                f"{what} is too long for this resource: `{path}` has {len(path)} characters, "
                f"at most {names_check.MAX_ATTRIBUTE_PATH}",
                hint="generated lines such as `_ = order_line_row.product` must fit 100 "
                "columns; shorten the field or the resource name",
                example=f"{name[: names_check.MAX_ATTRIBUTE_PATH - len(path) + len(name)]}: …",
            )
            return False
        if name in names_check.RESERVED_ATTRIBUTES:
            self._add(
                spot,
                f"{what} is reserved",
                hint=names_check.RESERVED_ATTRIBUTES[name] + _rename_hint(name),
                example=_rename_example(name),
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
        name_spot: Spot,
        text: str,
        site: Site,
        whole: str | None = None,
    ) -> RawField | None:
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
            raw.default_spot = Spot(site, token.offset, len(token.text))
            raw.default_raw = unquote(token.text)
            try:
                raw.default = parse_scalar(token.text)
            except Exception:  # any YAML error: the text is not a scalar
                self._add(
                    raw.default_spot,
                    f"field `{name}` of `{resource}`: the default is not a valid YAML value",
                    hint="quote it: = 'some text'",
                )
                raw.default = MISSING
        return raw

    def _from_shorthand(
        self, resource: str, name: str, name_spot: Spot, short: Shorthand, site: Site
    ) -> RawField:
        flags = {f.text for f in short.flags}
        return RawField(
            name=name,
            resource=resource,
            name_spot=name_spot,
            type_name=short.type.text,
            type_spot=Spot(site, short.type.offset, len(short.type.text)),
            args=short.args,
            args_spot=Spot(site, short.args_offset),
            nullable=short.nullable,
            unique="unique" in flags,
            index="index" in flags,
        )

    def _long_field(
        self, resource: str, name: str, name_spot: Spot, decl: Mapping[str, Any]
    ) -> RawField | None:
        stray = _comma_leftovers(decl)
        typos = self._unknown_keys(
            {k: v for k, v in decl.items() if k not in stray} if stray else decl,
            FIELD_KEYS,
            f"key {{key}} in field `{name}` of `{resource}`",
        )
        if "type" not in decl and "type" in typos:
            return None
        if "type" not in decl or not isinstance(decl["type"], str):
            spot = value_spot(self.pos, decl, "type") if "type" in decl else name_spot
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
                Spot(site),
                f"field `{name}` of `{resource}`: `type` takes a type only",
                hint="in the long form, write nullable/unique/index/default as keys",
                example=f"{name}:\n  type: {short.type.text}\n  nullable: true",
            )
        raw = self._from_shorthand(resource, name, name_spot, short, site)
        raw.long_form = True
        self._long_field_keys(raw, resource, name, decl)
        return raw

    def _long_field_keys(
        self, raw: RawField, resource: str, name: str, decl: Mapping[str, Any]
    ) -> None:
        """Put the keys of a long-form field besides `type` on `raw`: the flags (checked to
        be booleans), the other options, the default."""
        decl = Given(decl, FIELD_KEYS)
        for flag in FIELD_FLAGS:
            if flag in decl:
                value = decl[flag]
                if not isinstance(value, bool):
                    self._add(
                        value_spot(self.pos, decl, flag),
                        f"field `{name}` of `{resource}`: `{flag}` must be true or false",
                        example=f"{flag}: true",
                    )
                    continue
                raw.options[flag] = (bool(value), value_spot(self.pos, decl, flag))
        raw.nullable = bool(raw.option("nullable"))
        raw.unique = bool(raw.option("unique"))
        raw.index = bool(raw.option("index"))
        for key in FIELD_OPTIONS:
            if key in decl:
                raw.options[key] = (decl[key], value_spot(self.pos, decl, key))
        if "default" in decl:
            raw.default = decl["default"]
            raw.default_spot = value_spot(self.pos, decl, "default")

    # ------------------------------------------------------------------ pass 2: fields

    def _build_fields(self, resource: RawResource, all_resources: list[RawResource]) -> list[Field]:
        targets = {r.name: r.names for r in all_resources}
        targets[USER_RESOURCE] = user_names()
        timestamps = resource.decl.get("timestamps", True)
        refs = {f.name for f in resource.fields if f.type_name == FieldType.REF.value}
        manys: dict[str, str] = {}  # API key → the first many field written as it
        for f in resource.fields:
            if f.type_name == FieldType.MANY.value:
                manys.setdefault(many_key(f.name), f.name)
        built: list[Field] = []
        for raw in resource.fields:
            self._generated_name_clash(raw, refs, manys, timestamps is not False)
            built_field = FieldBuilder(self, raw, resource, targets).build()
            if built_field is not None:
                built.append(built_field)
        return built

    def _generated_name_clash(
        self, raw: RawField, refs: set[str], manys: Mapping[str, str], timestamps: bool
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
        elif raw.name in manys:
            clash = (
                f"`{raw.name}` is the API key of many field `{manys[raw.name]}` "
                "(the ids of the related rows); rename this field"
            )
        elif raw.type_name == FieldType.MANY.value and manys[many_key(raw.name)] != raw.name:
            clash = (
                f"many fields `{manys[many_key(raw.name)]}` and `{raw.name}` would both be "
                f"written and read as `{many_key(raw.name)}`; rename one of them"
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
        self, raws: list[RawResource], fields: dict[str, list[Field]]
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
        raws: list[RawResource],
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
        self, raw: RawResource, fields: list[Field], reverse: tuple[ReverseRelation, ...]
    ) -> Resource:
        return ResourceBuilder(self, raw, fields, reverse).build()

    def _check_enum_classes(self, raws: list[RawResource], fields: dict[str, list[Field]]) -> None:
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

    def _check_required_ref_cycles(
        self, raws: list[RawResource], fields: dict[str, list[Field]]
    ) -> None:
        """Required refs that lead back to where they start: no first row could be created.

        `A.b: ref(B)` and `B.a: ref(A)`, neither nullable, need an existing B to create an
        A and an existing A to create a B (a required self-ref likewise). Each such cycle
        is reported once, at the field that closes it.
        """
        edges: dict[str, list[tuple[str, str]]] = {}  # resource -> [(field, target)]
        for raw in raws:
            for f in fields[raw.name]:
                if f.is_ref and f.relation is not None and not f.nullable:
                    edges.setdefault(raw.name, []).append((f.name, f.relation.target))
        reported: set[frozenset[str]] = set()
        for start in edges:
            cycle = _required_cycle(start, edges)
            if cycle is None or frozenset(cycle) in reported:
                continue
            reported.add(frozenset(cycle))
            source, field_name = cycle[-1].split(".")
            raw = next(r for r in raws if r.name == source)
            raw_field = next(f for f in raw.fields if f.name == field_name)
            path = " → ".join(cycle)
            self._add(
                raw_field.type_spot,
                f"required refs form a cycle ({path} → back to `{start}`): "
                "no first row could ever be created",
                hint="make one of these refs nullable (add `?`), so a row can exist first",
                example=f"{field_name}: ref({start})?",
            )

    def _check_tables(self, raws: list[RawResource], resources: list[Resource]) -> None:
        owners: dict[str, str] = {}
        user = user_names()
        modules: dict[str, str] = {user.snake: f"the built-in `{USER_RESOURCE}`"}
        collections: dict[str, str] = {}  # User's `users` is free: it has no API of its own
        routes: dict[str, tuple[str, str]] = {}  # route → (resource, table)
        for raw, resource in zip(raws, resources, strict=True):
            if not raw.valid_name:
                continue  # the name is reported; the table derived from it would repeat that
            snake = resource.names.snake
            if snake in modules:  # HTTPLog and HttpLog: one module name, models/http_log.py
                self._add(
                    Spot(raw.site, span=len(raw.name)),
                    f"resource `{raw.name}` has the snake_case name `{snake}`, like "
                    f"{_quoted(modules[snake])}; their generated modules would be the same files",
                    hint="rename the resource"
                    if snake == user.snake
                    else "rename one of the two resources",
                )
                continue
            modules[snake] = raw.name
            self._check_collection_and_route(raw, resource, collections, routes)
            tables = [(resource.names.table, f"resource `{resource.name}`")]
            tables += [
                (f.relation.association_table, f"association table of `{resource.name}.{f.name}`")
                for f in resource.manys
                if f.relation is not None and f.relation.association_table
            ]
            spot = (
                value_spot(self.pos, raw.decl, "table")
                if "table" in raw.decl
                else Spot(raw.site, span=len(raw.name))
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
                elif table in builtin_tables():
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

    def _check_collection_and_route(
        self,
        raw: RawResource,
        resource: Resource,
        collections: dict[str, str],
        routes: dict[str, tuple[str, str]],
    ) -> None:
        """Two resources must not share the name of their collection functions
        (`list_errors`: an API operation id, a service function) nor their URL segment
        (`/docs-index` of `Doc`, and of a table `docs_index`)."""
        names = resource.names
        collection, route = names.collection, names.route
        if collection in collections:
            self._add(
                value_spot(self.pos, raw.decl, "plural")
                if "plural" in raw.decl
                else Spot(raw.site, span=len(raw.name)),
                f"resource `{raw.name}` has the collection name `{collection}` "
                f"(`list_{collection}`, `/api/{route}`), like {_quoted(collections[collection])}; "
                "their generated functions and API operations would have the same names",
                hint=f"give `{raw.name}` another plural with `plural:`",
                example=f"plural: {_plural_example(raw.name)}"
                if snake_case(plural_of(raw.name)) not in collections
                else f"plural: {humanize(raw.name)} items",
            )
        else:
            collections[collection] = raw.name
        if route in routes and routes[route][1] != names.table:  # one table is reported
            self._add(
                value_spot(self.pos, raw.decl, "table")
                if "table" in raw.decl
                else Spot(raw.site, span=len(raw.name)),
                f"resource `{raw.name}` has the URL segment `/{route}` (from its table "
                f"`{names.table}`), like `{routes[route][0]}`; one would hide the other's "
                "pages and API",
                hint="the URL segment follows the table name: choose another with `table:`",
                example=f"table: {names.snake}_items",
            )
        else:
            routes[route] = (raw.name, names.table)


def _quoted(owner: str) -> str:
    """`Post` → "`Post`"; "the built-in `User`" stays as it is."""
    return owner if "`" in owner else f"`{owner}`"


def _required_cycle(start: str, edges: dict[str, list[tuple[str, str]]]) -> list[str] | None:
    """The fields (`Resource.field`) of a path of required refs from `start` back to it."""
    stack: list[tuple[str, list[str]]] = [(start, [])]
    seen: set[str] = set()
    while stack:
        node, path = stack.pop()
        for field_name, target in edges.get(node, []):
            step = [*path, f"{node}.{field_name}"]
            if target == start:
                return step
            if target not in seen:
                seen.add(target)
                stack.append((target, step))
    return None


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


def _plural_example(name: str) -> str:
    plural = humanize(plural_of(name))
    return plural if snake_case(plural) != snake_case(name) else f"{humanize(name)} items"


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


def _rename_hint(name: str) -> str:
    """The way out of a reserved field name: another name, the same word on screen."""
    if name not in names_check.RESERVED_RENAMES:
        return ""
    return "; name the field otherwise and keep the word on screen with `label:`"


def _rename_example(name: str) -> str:
    rename = names_check.RESERVED_RENAMES.get(name)
    if rename is None:
        return f"{name}_info: …"
    return f"{rename}:\n  type: …\n  label: {humanize(name)}"
