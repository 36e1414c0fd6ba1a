"""The kit: typed, generic machinery every resource of this project uses.

Resources hand it typed declarations (model attributes such as `Post.title`, schema
classes, small declaration objects); it never inspects models at run time, so mypy
catches a typo in a declared column. The project owns this code: `scaffold sync`
upgrades it through the usual three-way merge, keeping your edits.

- `errors`: NotFoundError, ConflictError — what services raise (never HTTP errors).
- `ids`: MAX_ID, is_id, parse_id — which numbers can be row ids.
- `schemas`: field types of the resources' schemas (SafeStr, Slug, Id…), ErrorMessage.
- `listing`: Page, ListParams (what a list asks for), ListQuery (a list page's URL state).
- `crud`: Crud[M], the service of one model built from its declarations.
- `deletion`: Referrer declarations and DeletionEffects (what deleting rows does).
- `api`: the one place service errors become HTTP answers (404/409).
- `forms`: form declarations, reading a submitted form through the Pydantic schemas,
  friendly validation messages, options of selects of related rows.
- `flash`: flash messages, one sentence shown once on the next page (base.html).
- `pages`: Pages — the public HTML pages of one resource (list, detail, new, edit,
  delete) as a router, from its Crud, its form and its templates.
- `admin`: the staff screens under /admin — `site` (AdminSite), `ModelAdmin`, `Column`,
  filters and `Action`s — from each resource's typed declaration (`PKG/admin/<name>.py`).
"""
