"""Pydantic schemas: what the API and forms accept and return."""
