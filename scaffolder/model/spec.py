"""The validated spec: frozen, typed, every name derived once.

Built only by `scaffolder.spec` (the one place that reads YAML). Templates read
attributes of these classes and never compute names or types themselves.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from functools import cache, cached_property

from scaffolder.model.names import Names, constraint_name, humanize, many_key, snake_case
from scaffolder.model.types import TYPES, FieldType, TypeInfo


class OnDelete(StrEnum):
    """What the database does to referring rows when the referenced row is deleted."""

    RESTRICT = "restrict"
    CASCADE = "cascade"
    SET_NULL = "set_null"


class Layer(StrEnum):
    """An optional layer of generated code (model, migration and tests are always there)."""

    API = "api"
    HTML = "html"
    ADMIN = "admin"


@dataclass(frozen=True)
class Location:
    """Where something was declared: 1-based line and column in the spec file."""

    file: str
    line: int
    column: int


@dataclass(frozen=True)
class Default:
    """A field default, as a value of the field's Python type."""

    #: already converted to the field's Python type (an enum's: the value's text); left
    #: out of ==/hash, which `identity` decides (a json default is a dict, and the model
    #: stays hashable)
    value: object = field(compare=False)
    identity: str = field(init=False)  # the value's type and repr: `Decimal:Decimal('9.99')`

    def __post_init__(self) -> None:
        object.__setattr__(self, "identity", f"{type(self.value).__name__}:{self.value!r}")


@dataclass(frozen=True)
class EnumMember:
    """One value of an `enum(...)` field and the identifier it gets in the StrEnum."""

    name: str  # ON_HOLD
    value: str  # on hold


@dataclass(frozen=True)
class EnumType:
    """The StrEnum generated for an enum field."""

    class_name: str  # PostStatus
    members: tuple[EnumMember, ...]

    @property
    def max_length(self) -> int:
        """VARCHAR length that holds every value."""
        return max(len(m.value) for m in self.members)

    def member(self, value: str) -> EnumMember:
        return next(m for m in self.members if m.value == value)


@dataclass(frozen=True)
class Relation:
    """The relational side of a `ref` (many-to-one) or `many` (many-to-many) field."""

    many: bool  # False: ref, True: many
    target: str  # class name of the referenced resource (may be the built-in User)
    target_table: str
    on_delete: OnDelete
    back: str  # name of the reverse collection on the target
    #: ref: the foreign-key column `<name>_id`; many: None
    fk_column: str | None
    #: many: the association table and its two columns; ref: None
    association_table: str | None = None
    source_column: str | None = None  # association column pointing at this resource
    target_column: str | None = None  # association column pointing at the target

    @property
    def target_snake(self) -> str:
        """Module name of the target's model (`BlogPost` → `blog_post`)."""
        return snake_case(self.target)


@dataclass(frozen=True)
class ReverseRelation:
    """A collection that appears on a resource because another resource refers to it."""

    name: str  # Author.posts
    source: str  # Post
    source_field: str  # author
    many: bool  # True when the source field is `many` (many-to-many both ways)


@dataclass(frozen=True)
class Field:
    """One declared field of a resource."""

    name: str
    type: FieldType
    nullable: bool = False
    unique: bool = False
    index: bool = False
    default: Default | None = None
    length: int | None = None  # VARCHAR length (str, slug, email, url)
    precision: int | None = None  # decimal
    scale: int | None = None  # decimal
    min_value: int | float | Decimal | None = None  # numbers
    max_value: int | float | Decimal | None = None
    min_length: int | None = None  # strings
    max_length: int | None = None
    enum: EnumType | None = None
    relation: Relation | None = None
    label_text: str | None = None
    help: str | None = None
    read_only: bool = False
    write_only: bool = False
    renamed_from: str | None = None
    location: Location | None = field(default=None, compare=False)

    @property
    def info(self) -> TypeInfo:
        return TYPES[self.type]

    @property
    def label(self) -> str:
        """Human label for forms and tables: `label:` or the humanized name."""
        return self.label_text or humanize(self.name)

    @property
    def is_ref(self) -> bool:
        return self.type is FieldType.REF

    @property
    def is_many(self) -> bool:
        return self.type is FieldType.MANY

    @property
    def is_textual(self) -> bool:
        return self.info.textual

    @property
    def is_numeric(self) -> bool:
        return self.info.numeric

    @property
    def is_sortable(self) -> bool:
        return self.info.sortable

    @property
    def column_name(self) -> str | None:
        """Database column: the name, `<name>_id` for a ref, none for a many (association table)."""
        if self.relation is None:
            return self.name
        return self.relation.fk_column

    @property
    def api_name(self) -> str:
        """Key in API payloads: refs are written and read as `<name>_id`, manys as their
        singular plus `_ids` (`tags` → `tag_ids`)."""
        if self.is_ref:
            return f"{self.name}_id"
        if self.is_many:
            return many_key(self.name)
        return self.name

    @property
    def indexed(self) -> bool:
        """Gets a database index: `index`, and every foreign key (joins and deletes use it)."""
        return self.index or self.is_ref

    @property
    def required(self) -> bool:
        """True when a create payload must contain this field."""
        return not self.nullable and self.default is None and not self.is_many

    @property
    def string_max_length(self) -> int | None:
        """Longest text a schema accepts: the tighter of `max` and the column length."""
        bounds = [n for n in (self.max_length, self.length) if n is not None]
        return min(bounds) if bounds else None


@dataclass(frozen=True)
class QueryField:
    """A field (or generated column) as list queries see it: filters and sort keys."""

    name: str  # spec name: `author`, `status`, `id`
    param: str  # query parameter / filter attribute: `author_id`, `status`, `id`
    field: Field | None  # None for id and timestamps

    @property
    def attribute(self) -> str:
        """The model attribute compared or sorted: the column (`author_id`), or the many."""
        return self.param

    @property
    def is_many(self) -> bool:
        return self.field is not None and self.field.is_many

    @property
    def is_numeric(self) -> bool:
        """A number a list shows right-aligned: an int, float or decimal field, or `id`."""
        if self.field is None:
            return self.name == "id"
        return self.field.is_numeric


@dataclass(frozen=True)
class OrderKey:
    """One key of a default ordering."""

    field: str
    descending: bool = False

    def __str__(self) -> str:
        return f"-{self.field}" if self.descending else self.field


@dataclass(frozen=True)
class IndexKey:
    """One column of an index, in its direction."""

    column: str  # also the model's attribute
    descending: bool = False


@dataclass(frozen=True)
class OrderingIndex:
    """The index that serves a resource's default order: `ordering`'s columns, then `id`.

    With it, a page of a list reads the first entries of the index instead of sorting
    every matching row (what Rails and Django users add by hand for their default order).
    """

    name: str  # ix_<table>_ordering
    table: str
    keys: tuple[IndexKey, ...]

    @property
    def has_descending_key(self) -> bool:
        return any(key.descending for key in self.keys)


@dataclass(frozen=True)
class AdminOptions:
    """How the admin screens of a resource look."""

    list: tuple[str, ...]
    search: tuple[str, ...]
    filters: tuple[str, ...]
    readonly: tuple[str, ...]


@dataclass(frozen=True)
class ApiOptions:
    """Query options of the REST list endpoint."""

    filters: tuple[str, ...]
    sort: tuple[str, ...]
    page_size: int = 20
    max_page_size: int = 100


@dataclass(frozen=True)
class Resource:
    """A declared resource: a table, a model, and every layer generated for it."""

    names: Names
    fields: tuple[Field, ...]
    display: str
    ordering: tuple[OrderKey, ...]
    timestamps: bool
    layers: tuple[Layer, ...]
    admin: AdminOptions
    api: ApiOptions
    renamed_from: str | None = None
    reverse: tuple[ReverseRelation, ...] = ()
    location: Location | None = field(default=None, compare=False)

    @property
    def name(self) -> str:
        return self.names.class_name

    @cached_property
    def _by_name(self) -> dict[str, Field]:
        return {f.name: f for f in self.fields}

    def field(self, name: str) -> Field:
        return self._by_name[name]

    def has_field(self, name: str) -> bool:
        return name in self._by_name

    def has_layer(self, layer: Layer) -> bool:
        return layer in self.layers

    @property
    def refs(self) -> tuple[Field, ...]:
        return tuple(f for f in self.fields if f.is_ref)

    @property
    def manys(self) -> tuple[Field, ...]:
        return tuple(f for f in self.fields if f.is_many)

    @property
    def enums(self) -> tuple[EnumType, ...]:
        return tuple(f.enum for f in self.fields if f.enum is not None)

    @property
    def generated_names(self) -> tuple[str, ...]:
        """Columns every row has without being declared: `id`, and the timestamps."""
        return generated_names(self.timestamps)

    def query_field(self, name: str) -> QueryField:
        """How list queries see the field or generated column `name`."""
        if name in ("id", "created_at", "updated_at"):
            return QueryField(name, name, None)
        f = self.field(name)
        return QueryField(name, f.api_name if f.is_ref else name, f)

    @property
    def ordering_index(self) -> OrderingIndex | None:
        """The index of the default order; None when it starts with `id` (the primary key's)."""
        if self.ordering[0].field == "id":
            return None
        keys = [IndexKey(self._column(key.field), key.descending) for key in self.ordering]
        if "id" not in (key.field for key in self.ordering):
            keys.append(IndexKey("id"))  # the tie-breaker every list query adds
        table = self.names.table
        return OrderingIndex(constraint_name(f"ix_{table}_ordering"), table, tuple(keys))

    def _column(self, name: str) -> str:
        """The column of a field or generated column (`author` → `author_id`)."""
        if name in self.generated_names:
            return name
        column = self.field(name).column_name
        assert column is not None, f"{name} has no column"
        return column

    @property
    def sort_fields(self) -> tuple[QueryField, ...]:
        """Everything a list can be sorted by: generated columns and sortable fields."""
        return tuple(self.query_field(n) for n in sort_names(self.generated_names, self.fields))

    @property
    def api_sort_fields(self) -> tuple[QueryField, ...]:
        """What the REST list accepts in `sort` (`api.sort`)."""
        return tuple(self.query_field(n) for n in self.api.sort)

    @property
    def own_api_sort(self) -> tuple[QueryField, ...] | None:
        """The REST list's sort keys where they are not the service's (`api.sort` given
        and different): the API module declares them. None: the kit reads the service's."""
        own = self.api_sort_fields
        return None if own == self.sort_fields else own

    @property
    def filter_fields(self) -> tuple[QueryField, ...]:
        """Exact-match filters the service accepts: `api.filters` and `admin.filters`."""
        wanted = set(self.api.filters) | set(self.admin.filters)
        names = [*self.generated_names, *(f.name for f in self.fields)]
        return tuple(self.query_field(n) for n in names if n in wanted)

    @property
    def api_filter_fields(self) -> tuple[QueryField, ...]:
        """Filters of the REST list (`api.filters`), in declaration order."""
        names = [*self.generated_names, *(f.name for f in self.fields)]
        return tuple(self.query_field(n) for n in names if n in self.api.filters)

    @property
    def search_fields(self) -> tuple[Field, ...]:
        """Text fields searched by `q` (`admin.search`)."""
        return tuple(self.field(n) for n in self.admin.search)

    @property
    def label_is_searchable(self) -> bool:
        """Every row's label (`__str__`) can be found by a search (`q`) for it."""
        field = self.display_field
        return field is not None and not field.nullable and field.name in self.admin.search

    @property
    def display_field(self) -> Field | None:
        """The field that labels a row, or None when rows are labelled by id."""
        return self.field(self.display) if self.has_field(self.display) else None

    @property
    def creatable_fields(self) -> tuple[Field, ...]:
        """Fields a client may set (`read_only` ones are managed by the application)."""
        return tuple(f for f in self.fields if not f.read_only)

    @property
    def readable_fields(self) -> tuple[Field, ...]:
        """Fields the API returns (`write_only` ones, such as secrets, are never sent)."""
        return tuple(f for f in self.fields if not f.write_only)

    @property
    def unique_fields(self) -> tuple[Field, ...]:
        return tuple(f for f in self.fields if f.unique)

    @property
    def related_models(self) -> tuple[Names, ...]:
        """Other models this one's relationships name (referred to, or referring to it)."""
        seen: dict[str, None] = {}
        for f in self.fields:
            if f.relation is not None:
                seen[f.relation.target] = None
        for r in self.reverse:
            seen[r.source] = None
        seen.pop(self.name, None)
        return tuple(user_names() if n == USER_RESOURCE else Names.derive(n) for n in seen)

    @property
    def targets(self) -> tuple[Names, ...]:
        """Other models this one's `ref`/`many` fields point at (the service loads them)."""
        seen = dict.fromkeys(f.relation.target for f in self.fields if f.relation is not None)
        seen.pop(self.name, None)
        return tuple(user_names() if n == USER_RESOURCE else Names.derive(n) for n in seen)

    @property
    def depends_on(self) -> tuple[str, ...]:
        """Resources this one refers to (for table creation order), without duplicates."""
        seen: dict[str, None] = {}
        for f in self.fields:
            if f.relation is not None:
                seen[f.relation.target] = None
        return tuple(seen)


#: The resource every project has; specs may refer to it but never declare it.
USER_RESOURCE = "User"


@cache
def generated_names(timestamps: bool) -> tuple[str, ...]:
    """Columns every row of a resource has without being declared: `id`, and the
    timestamps unless `timestamps: false`."""
    return ("id", "created_at", "updated_at") if timestamps else ("id",)


def sort_names(generated: Sequence[str], fields: Iterable[Field]) -> tuple[str, ...]:
    """What a resource's lists can be sorted by, by name: its `generated` columns and its
    sortable fields (the service's sort keys, and the API's unless `api.sort` says)."""
    return (*generated, *(f.name for f in fields if f.is_sortable))


def user_names() -> Names:
    """USER_RESOURCE's names, derived on first use: pluralizing imports inflect (~13 ms),
    which commands that derive no names (`--help`, `sync --check` with nothing to do) skip."""
    return Names.derive(USER_RESOURCE)


#: Attributes the project blueprint defines on User; reverse collections must avoid them.
USER_ATTRIBUTES = frozenset(
    {
        "id",
        "email",
        "password_hash",
        "is_active",
        "is_staff",
        "is_superuser",
        "created_at",
        "updated_at",
    }
)


@cache
def builtin_tables() -> frozenset[str]:
    """Tables every project has before any resource is generated."""
    return frozenset({user_names().table, "alembic_version"})


@dataclass(frozen=True)
class Referrer:
    """Another resource's `ref`/`many` field pointing at a resource: what deleting rows
    of the latter does to the rows of `source`, known at generation time.

    The generated services declare one query per referrer, so confirmation pages and
    409 answers name what blocks a deletion or goes with it (no runtime introspection).
    """

    source: Resource
    field: Field

    @property
    def relation(self) -> Relation:
        assert self.field.relation is not None
        return self.field.relation

    @property
    def effect(self) -> str:
        """`restrict` (blocks), `cascade` (deleted too), `set_null` (the ref emptied) or
        `unlink` (a `many` link removed, the row kept)."""
        on_delete = self.relation.on_delete
        if self.relation.many and on_delete is OnDelete.CASCADE:
            return "unlink"
        return on_delete.value

    @property
    def is_self(self) -> bool:
        """A reference from a resource to itself (rows deleted together do not block)."""
        return self.source.name == self.relation.target


@dataclass(frozen=True)
class Spec:
    """A whole validated `scaffold.yaml`."""

    version: int
    resources: tuple[Resource, ...]
    #: reverse collections that resources add to the built-in User
    user_reverse: tuple[ReverseRelation, ...] = ()
    path: str | None = field(default=None, compare=False)

    @cached_property
    def _by_name(self) -> dict[str, Resource]:
        return {r.name: r for r in self.resources}

    def resource(self, name: str) -> Resource:
        return self._by_name[name]

    def has_resource(self, name: str) -> bool:
        return name in self._by_name

    def referrers(self, resource: Resource) -> tuple[Referrer, ...]:
        """The fields of declared resources that point at `resource`, in spec order."""
        return tuple(
            Referrer(self.resource(r.source), self.resource(r.source).field(r.source_field))
            for r in resource.reverse
            if self.has_resource(r.source)
        )

    @cached_property
    def cycle_closing_refs(self) -> frozenset[tuple[str, str]]:
        """(resource, field) of the refs whose foreign key closes a cycle between tables.

        Migrations add these after creating the tables; models mark them `use_alter`
        so `metadata.create_all` and `sorted_tables` order the other tables too.
        """
        return frozenset(creation_order(list(self.resources))[1])


def creation_order(resources: list[Resource]) -> tuple[list[Resource], set[tuple[str, str]]]:
    """Resources sorted so references point backwards, and the (resource, field) pairs
    whose foreign key must be added afterwards because they close a cycle."""
    by_name = {r.name: r for r in resources}
    ordered: list[Resource] = []
    deferred: set[tuple[str, str]] = set()
    state: dict[str, str] = {}  # name → "visiting" | "done"

    def visit(resource: Resource) -> None:
        state[resource.name] = "visiting"
        for ref in resource.refs:
            assert ref.relation is not None
            target = ref.relation.target
            if target == resource.name or target not in by_name:
                continue  # self-reference, or a table created earlier (User, older resources)
            if state.get(target) == "visiting":
                deferred.add((resource.name, ref.name))
            elif target not in state:
                visit(by_name[target])
        state[resource.name] = "done"
        ordered.append(resource)

    for resource in resources:
        if resource.name not in state:
            visit(resource)
    return ordered, deferred
