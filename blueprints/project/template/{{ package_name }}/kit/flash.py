"""Flash messages: one sentence for the person after what they just did, shown once.

A view that saves, deletes or refuses something calls `flash(request, "The post
“Hello” was added.")` and redirects; the next page rendered from base.html shows
the message (templates/kit/components.html `flash`) and forgets it. The messages
live in the session cookie, so they survive the redirect and nothing else.
Kinds: "success" (the default), "info", "error" (announced as an alert).
"""

from dataclasses import dataclass
from typing import Literal

from starlette.requests import HTTPConnection

SESSION_KEY = "flash"

Kind = Literal["success", "info", "error"]
_KINDS: tuple[Kind, ...] = ("success", "info", "error")


@dataclass(frozen=True)
class Flash:
    """One message and its kind (which decides its colour and whether it is an alert)."""

    text: str
    kind: str = "success"  # one of Kind


def flash(connection: HTTPConnection, text: str, kind: Kind = "success") -> None:
    """Keep `text` for the next page this visitor sees."""
    pending = connection.session.get(SESSION_KEY)
    messages = pending if isinstance(pending, list) else []
    connection.session[SESSION_KEY] = [*messages, [kind, text]]


def pop_flashes(connection: HTTPConnection) -> list[Flash]:
    """The pending messages, once: taking them removes them from the session.

    The session cookie is signed, but it may hold what an older version of the
    project wrote: anything that is not a (kind, text) pair this module knows is
    dropped rather than shown.
    """
    if "session" not in connection.scope:
        return []
    pending = connection.session.pop(SESSION_KEY, None)
    if not isinstance(pending, list):
        return []
    messages: list[Flash] = []
    for item in pending:
        match item:
            case [str(kind), str(text)] if kind in _KINDS:
                messages.append(Flash(text, kind))
    return messages
