"""Pass 3 of the loader: the options of a resource that name fields, and the frozen Resource."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from scaffolder.model.spec import (
    AdminOptions,
    ApiOptions,
    Field,
    Layer,
    Location,
    OrderKey,
    Resource,
    ReverseRelation,
    generated_names,
    sort_names,
)
from scaffolder.model.types import FieldType
from scaffolder.spec import names_check
from scaffolder.spec.keys import (
    ADMIN_KEYS,
    API_KEYS,
    LAYER_NAMES,
    RESOURCE_KEYS,
    Given,
    Key,
)
from scaffolder.spec.raw import RawResource, Reporter, Spot, value_spot
from scaffolder.suggest import did_you_mean


class ResourceBuilder:
    """Pass 3 for one resource: options that name fields, and the frozen Resource."""

    def __init__(
        self,
        loader: Reporter,
        raw: RawResource,
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
        default = bool(RESOURCE_KEYS["timestamps"].default)
        timestamps = self.decl.get("timestamps", default)
        if not isinstance(timestamps, bool):
            loader._add(
                value_spot(loader.pos, self.decl, "timestamps"),
                f"resource `{raw.name}`: `timestamps` must be true or false",
                example=f"timestamps: {'false' if default else 'true'}",
            )
            timestamps = default
        self.timestamps = timestamps
        self.generated = generated_names(timestamps)

    def add(self, spot: Spot, message: str, **extra: Any) -> None:
        self.loader._add(spot, f"resource `{self.raw.name}`: {message}", **extra)

    def build(self) -> Resource:
        raw = self.raw
        display = self._display()
        renamed = self.decl.get("renamed_from")
        if renamed is not None and (
            not isinstance(renamed, str) or not names_check.RESOURCE_NAME.match(renamed)
        ):
            self.add(
                value_spot(self.loader.pos, self.decl, "renamed_from"),
                "`renamed_from` must be the previous PascalCase resource name",
                example="renamed_from: OldName",
            )
            renamed = None
        elif renamed is not None and renamed in self.loader.declared:
            self.add(
                value_spot(self.loader.pos, self.decl, "renamed_from"),
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
        if key not in mapping:
            return None
        value = mapping[key]
        pos = self.loader.pos
        if isinstance(value, str):
            value = [value]
        elif not isinstance(value, Sequence):
            self.add(
                value_spot(pos, mapping, key),
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
            spot = Spot(site, span=len(name))
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
                value_spot(self.loader.pos, self.decl, "display"),
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
            chosen = tuple(RESOURCE_KEYS["ordering"].default)
        return tuple(OrderKey(n.removeprefix("-"), n.startswith("-")) for n in chosen)

    def _layers(self) -> tuple[Layer, ...]:
        if "layers" not in self.decl:
            return tuple(Layer(name) for name in RESOURCE_KEYS["layers"].default)
        value = self.decl["layers"]
        pos = self.loader.pos
        if not isinstance(value, Sequence) or isinstance(value, str):
            self.add(
                value_spot(pos, self.decl, "layers"),
                "`layers` must be a list",
                example="layers: [api, admin]",
            )
            return ()
        layers: list[Layer] = []
        for index, item in enumerate(value):
            spot = Spot(pos.item(value, index), span=len(str(item)))
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

    def _section(self, key: str, allowed: Mapping[str, Key]) -> Mapping[str, Any]:
        if key not in self.decl:
            return {}
        value = self.decl[key]
        if not isinstance(value, Mapping):
            self.add(
                value_spot(self.loader.pos, self.decl, key),
                f"`{key}` must be a mapping with keys: {', '.join(allowed)}",
                example=f"{key}:\n  {next(iter(allowed))}: [id]",
            )
            return {}
        self.loader._unknown_keys(
            value, allowed, f"key {{key}} in `{key}` of resource `{self.raw.name}`"
        )
        return Given(value, allowed)

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
        page_size = self._positive(section, "page_size", int(API_KEYS["page_size"].default))
        largest = max(int(API_KEYS["max_page_size"].default), page_size)
        max_page_size = self._positive(section, "max_page_size", largest)
        if max_page_size < page_size:
            self.add(
                value_spot(self.loader.pos, section, "max_page_size"),
                f"`api.max_page_size` {max_page_size} is smaller than `page_size` {page_size}",
                example=f"max_page_size: {page_size}",
            )
        default_filters = tuple(
            f.name
            for f in self.field_list
            if f.type not in (FieldType.JSON, FieldType.TEXT) and not f.is_many
        )
        default_sort = sort_names(self.generated, self.field_list)  # the service's
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
                value_spot(self.loader.pos, section, key),
                f"`api.{key}` must be a positive whole number",
                example=f"{key}: {default}",
            )
            return default
        return int(value)
