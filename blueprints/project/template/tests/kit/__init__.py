"""Tests of the kit: the generic machinery every resource uses, tested once here."""
