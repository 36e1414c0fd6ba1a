"""`python -m scaffolder` runs the CLI (useful when the console script is not on PATH)."""

from scaffolder.cli import main

main()
