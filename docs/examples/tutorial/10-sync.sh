scaffold sync
alembic upgrade head
pytest -q
