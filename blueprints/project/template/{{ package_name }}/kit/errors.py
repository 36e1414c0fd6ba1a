"""The errors services raise: never HTTP errors.

The API turns these into 404/409 answers (one place), the HTML views into error
pages or form errors.
"""


class ServiceError(Exception):
    """A request a service cannot carry out, explained for people."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        #: The offending field's API name (`slug`, `author_id`), for form errors.
        self.field = field


class NotFoundError(ServiceError):
    """No row has the requested id."""


class ConflictError(ServiceError):
    """The change breaks a database rule: a unique value is taken, a referenced row is
    missing, or other rows still refer to the one being deleted."""
