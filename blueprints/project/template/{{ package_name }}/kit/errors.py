"""The errors services raise: requests they cannot carry out, explained for people.

Services never raise HTTP errors: `kit.api` turns these into 404/409 answers for the
API, the HTML views into error pages or form errors.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Label:
    """How messages name rows of a resource: `Label("post", "posts", "a post")` ("No post with
    id 3.", "Create a post")."""

    singular: str
    plural: str
    #: The singular with its article, as scaffold words it ("an order line"): the kit adds
    #: no English rule of its own. None (a label written by hand, or one that only names
    #: rows in messages, as a `Referrer`'s): the singular alone ("Create order line").
    a_singular: str | None = None


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
