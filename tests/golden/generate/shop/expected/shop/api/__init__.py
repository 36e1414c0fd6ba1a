"""The JSON API of each resource, mounted under /api."""
