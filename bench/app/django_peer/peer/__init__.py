"""The Django + Django REST Framework peer of the generated blog's `/api/posts` (a benchmark)."""
