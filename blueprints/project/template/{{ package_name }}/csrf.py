"""CSRF tokens: one random token per session, required on every state-changing HTML request."""

import hmac
import secrets

from starlette.requests import HTTPConnection

SESSION_KEY = "csrf_token"
FORM_FIELD = "csrf_token"
HEADER = "X-CSRF-Token"


def csrf_token(connection: HTTPConnection) -> str:
    """This session's token, created on first use (templates put it in every form)."""
    token = connection.session.get(SESSION_KEY)
    if not isinstance(token, str):
        token = rotate_csrf_token(connection)
    return token


def rotate_csrf_token(connection: HTTPConnection) -> str:
    """Replace the token (on login), so a token seen before login is worthless after."""
    token = secrets.token_urlsafe(32)
    connection.session[SESSION_KEY] = token
    return token


def is_valid_csrf_token(connection: HTTPConnection, candidate: str | None) -> bool:
    """Whether `candidate` is this session's token (compared in constant time)."""
    expected = connection.session.get(SESSION_KEY)
    if not isinstance(expected, str) or not candidate:
        return False
    return hmac.compare_digest(expected.encode(), candidate.encode())
