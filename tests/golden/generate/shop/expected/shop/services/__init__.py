"""Database operations of each resource, shared by the API, views and admin."""
