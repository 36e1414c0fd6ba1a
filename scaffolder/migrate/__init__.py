"""Spec changes → Alembic revisions, written as plain, reviewable migration files."""
