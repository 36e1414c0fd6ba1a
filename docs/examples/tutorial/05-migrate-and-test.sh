alembic upgrade head
pytest -q
