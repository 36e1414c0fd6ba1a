scaffold sync
alembic upgrade head
pytest -q
grep -n "Last changed" blog/templates/post/detail.html
