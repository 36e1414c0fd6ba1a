scaffold sync --check
