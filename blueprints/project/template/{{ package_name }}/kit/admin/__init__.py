"""The admin kit: staff screens under /admin from typed declarations.

- `site`: `AdminSite`, the registry every resource's admin joins, and the dashboard.
- `options`: `ModelAdmin`, the list, form, delete and action pages of one model.
- `columns`: `Column`, `Filter` and their helpers: what a change list shows and filters.
- `actions`: `Action`, run on the rows ticked on a change list; `delete_selected`.

Import from the modules (`from PKG.kit.admin.options import ModelAdmin`).
"""
