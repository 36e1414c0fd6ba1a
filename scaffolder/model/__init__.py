"""The typed, frozen model of a validated spec (built by `scaffolder.spec`, read by templates)."""
