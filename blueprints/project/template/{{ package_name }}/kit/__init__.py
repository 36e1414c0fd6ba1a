"""The kit: typed, generic machinery every resource of this project uses.

Resources hand it typed declarations (columns, schemas, small frozen dataclasses);
it never inspects models at run time. The project owns this code: `scaffold sync`
upgrades it through the usual three-way merge, keeping your edits.

- `errors`: NotFoundError, ConflictError — what services raise (never HTTP errors).
- `ids`: MAX_ID, is_id, parse_id — the range of a row id.
- `listing`: Page, ListQuery — a page of results and the URL state of a list page.
- `deletion`: DeletionEffects — what deleting rows does to the rows referring to them.
- `forms`: form declarations, reading a submitted form through the Pydantic schemas,
  friendly validation messages, options of selects of related rows.
- `flash`: flash messages, one sentence shown once on the next page (base.html).
"""
