"""Flash messages: one sentence for the person after what they just did, shown once.

A view that saves, deletes or refuses something calls `flash(request, "The post
“Hello” was added.")` and redirects; the next page rendered from base.html shows
the message (templates/kit/components.html `flash`) and forgets it. The messages
live in the session cookie, so they survive the redirect and nothing else.
Kinds: "success" (the default), "info", "error" (announced as an alert).
"""

from dataclasses import dataclass
from typing import Literal, cast

from starlette.requests import HTTPConnection

SESSION_KEY = "flash"

Kind = Literal["success", "info", "error"]
_KINDS: tuple[str, ...] = ("success", "info", "error")


@dataclass(frozen=True)
class Flash:
    """One message and its kind (which decides its colour and whether it is an alert)."""

    text: str
    kind: str = "success"  # one of Kind


def _pending(connection: HTTPConnection, *, take: bool) -> list[str]:
    """The session's messages, each stored as "kind:text" (a JSON-friendly string)."""
    if "session" not in connection.scope:
        return []
    session = connection.session
    stored: object = session.pop(SESSION_KEY, None) if take else session.get(SESSION_KEY)
    if not isinstance(stored, list):
        return []
    return [item for item in cast("list[object]", stored) if isinstance(item, str)]


def flash(connection: HTTPConnection, text: str, kind: Kind = "success") -> None:
    """Keep `text` for the next page this visitor sees."""
    connection.session[SESSION_KEY] = [*_pending(connection, take=False), f"{kind}:{text}"]


def pop_flashes(connection: HTTPConnection) -> list[Flash]:
    """The pending messages, once: taking them removes them from the session.

    The session cookie is signed, but it may hold what another version of the
    project wrote: a message of a kind this module does not know is dropped.
    """
    messages: list[Flash] = []
    for item in _pending(connection, take=True):
        kind, _, text = item.partition(":")
        if kind in _KINDS:
            messages.append(Flash(text, kind))
    return messages
