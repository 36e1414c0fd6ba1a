alembic upgrade head
