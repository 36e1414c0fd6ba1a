scaffold sync --dry-run   # what the new release changes, file by file; writes nothing
scaffold sync             # merge it in; exit status 1 while a file is in conflict
