#: Rows per page when the caller does not say (`api.page_size`).
PAGE_SIZE = 50  # our catalogue pages are long
