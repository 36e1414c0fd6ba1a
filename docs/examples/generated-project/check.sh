ruff check . && ruff format --check . && mypy . && pyright
alembic check && pytest -q
