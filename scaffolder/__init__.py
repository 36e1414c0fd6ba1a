"""scaffold: typed project code from a declarative spec, regenerated without losing hand edits."""

__version__ = "0.1.0"
