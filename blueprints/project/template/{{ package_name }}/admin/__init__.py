"""The admin: staff-only screens at /admin/ for every registered resource."""
