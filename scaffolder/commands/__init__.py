"""What each command does, as library functions the thin CLI calls (and tests call directly)."""
