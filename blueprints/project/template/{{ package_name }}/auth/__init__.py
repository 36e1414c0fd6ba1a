"""Authentication and permissions: users, passwords, sessions, bearer tokens."""
