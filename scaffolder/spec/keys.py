"""The keys the spec language accepts at each level, with one-line meanings.

Read by the loader (unknown-key errors and suggestions) and by the JSON Schema, so
the two can never disagree.
"""

from __future__ import annotations

TOP_KEYS: dict[str, str] = {
    "version": "Version of the spec format; must be 1.",
    "resources": "Mapping of resource name (PascalCase, singular) to its declaration.",
}

RESOURCE_KEYS: dict[str, str] = {
    "fields": "Ordered mapping of field name to field (shorthand string or mapping).",
    "plural": "Plural display name (default: English plural of the name).",
    "table": "Database table name (default: snake_case plural).",
    "display": "Field that labels a row in selects and __str__ (default: first text field).",
    "ordering": "Default order: field names, `-` prefix for descending (default: [id]).",
    "timestamps": "Managed created_at / updated_at columns (default: true).",
    "layers": "Which of api, html, admin to generate (default: all three).",
    "admin": "Admin screen options: list, search, filters, readonly.",
    "api": "REST list options: filters, sort, page_size, max_page_size.",
    "renamed_from": "Previous resource name: the migration renames the table.",
}

FIELD_KEYS: dict[str, str] = {
    "type": "Field type with its arguments: str(200), decimal(10,2), enum(a, b), ref(Author).",
    "nullable": "The field may be empty (NULL); shorthand `?`.",
    "unique": "No two rows may share a value.",
    "index": "Create a database index on the column.",
    "default": "Default value; must fit the type (an enum default must be one of its values).",
    "max_length": "Strings: maximum length (and the column length for str/slug).",
    "min": "Numbers: smallest value; strings: shortest length.",
    "max": "Numbers: largest value; strings: longest length.",
    "label": "Human label in forms and tables (default: from the name).",
    "help": "Help text shown under form inputs and in the API docs.",
    "read_only": "Never set by the API or forms (computed or managed elsewhere).",
    "write_only": "Never returned by the API (secrets).",
    "renamed_from": "Previous field name: the migration renames the column.",
    "on_delete": "ref/many: restrict (default), cascade, or set_null (needs nullable).",
    "back": "ref/many: name of the reverse collection on the target resource.",
}

ADMIN_KEYS: dict[str, str] = {
    "list": "Columns of the admin list.",
    "search": "Text fields searched by the admin search box.",
    "filters": "Fields offered as filters in the admin sidebar.",
    "readonly": "Fields shown but not editable in the admin.",
}

API_KEYS: dict[str, str] = {
    "filters": "Fields accepted as exact-match query filters on the list endpoint.",
    "sort": "Fields accepted by `sort` on the list endpoint.",
    "page_size": "Default page size of the list endpoint (20).",
    "max_page_size": "Largest page size a client may ask for (100).",
}

LAYER_NAMES = ("api", "html", "admin")
ON_DELETE_NAMES = ("restrict", "cascade", "set_null")
SHORTHAND_FLAGS = ("unique", "index")
