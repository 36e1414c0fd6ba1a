"""Jinja filters for blueprints: formatting only. Names and types come from the model.

Spec text becomes code only through `scaffolder.render.escape`, whose filters
(`py_str`, `html_text`, `jinja_str`, …) are registered here with the others.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from scaffolder.render import escape, forms
from scaffolder.render.escape import python_str as py_str
from scaffolder.render.python_names import model_import, model_ref


def py_list(values: Any) -> str:
    """A Python list literal of strings: `["a", "b"]`."""
    return "[" + ", ".join(py_str(str(v)) for v in values) + "]"


def py_tuple(values: Any) -> str:
    """A Python tuple literal of strings, `()` / `("a",)` / `("a", "b")`."""
    items = [py_str(str(v)) for v in values]
    if len(items) == 1:
        return f"({items[0]},)"
    return "(" + ", ".join(items) + ")"


#: Names the resource blueprints already use for their own variables (Python locals,
#: parameters and module-level imports of views, admin, API and service modules, and the
#: template context), which a resource's row variable must not shadow.
RESERVED_LOCALS = frozenset(
    {
        *("annotated", "applied", "chosen", "choices", "context", "data", "db", "deleted"),
        *("errors", "exc", "filters", "form", "fragment", "ids", "label", "list_state"),
        *("more", "options", "page", "q", "query", "reader", "render", "request", "response"),
        *("results", "router", "row", "select", "selected", "sort", "sort_key", "status"),
        *("template", "url", "user", "values", "path"),
        # the API's and the service's locals and parameters
        *("column", "conditions", "count", "deleting", "error", "found", "items", "limit"),
        *("message", "missing", "name", "page_size", "pattern", "result", "rows", "total"),
        *("value", "wanted", "effects", "groups", "is_id", "find_referrers"),
        *("deletion_effects", "referrers"),
        # the generated tests' locals and fixtures
        *("after", "before", "body", "changes", "client", "created", "expected", "fields"),
        *("first", "headers", "info", "second", "sent", "settings", "updated", "work"),
        # module-level imports of those modules
        *("builtins", "cast", "dataclass", "date", "datetime", "dt", "func", "get_args"),
        *("joinedload", "or_", "selectinload", "time", "checkbox_value", "input_value"),
        *("json_text", "with_chosen", "set_notice", "pop_notice", "read_filters"),
        *("wants_fragment", "escape_like", "id_list", "require_staff", "get_session_user"),
        *("require_token_user", "in_database", "token_headers", "count_queries", "pytest"),
        *("form_data", "select_option", "not_null", "refuse_null"),
        # template context: the page context of the project, and the templates' own names
        *("admin_resources", "app_name", "csrf_token", "current_user", "error", "nav"),
        *("filter_choices", "choices_more", "notice", "loop", "self", "caller"),
        # builtins the generated code uses
        *("dict", "id", "int", "isinstance", "len", "list", "next", "sorted", "str", "type"),
    }
)


def local_name(snake: str) -> str:
    """The variable holding one row in generated views: `post`, or `status_row` for a
    resource whose name is taken by something else the generated code uses."""
    return f"{snake}_row" if snake in RESERVED_LOCALS else snake


FILTERS: dict[str, Callable[..., Any]] = {
    **escape.FILTERS,
    "local_name": local_name,
    "model_ref": model_ref,
    "model_import": model_import,
    "py_list": py_list,
    "py_tuple": py_tuple,
    "py_value": escape.python_value,
    "form_input": forms.form_input,
    "input_class": forms.input_class,
}
