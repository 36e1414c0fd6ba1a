"""Rendering: Spec → in-memory tree {path: text}, formatted once with ruff. Writes nothing."""
