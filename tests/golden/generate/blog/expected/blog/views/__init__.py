"""HTML pages of each resource."""
