"""The kit: typed, generic machinery every resource of this project uses.

Resources hand it typed declarations (columns, schemas, small frozen dataclasses);
it never inspects models at run time. The project owns this code: `scaffold sync`
upgrades it through the usual three-way merge, keeping your edits.

- `forms`: form declarations, reading a submitted form through the Pydantic schemas,
  friendly validation messages, options of selects of related rows.
"""
