"""The form of each resource (`forms/<name>.py`), shared by its public pages and the admin."""
