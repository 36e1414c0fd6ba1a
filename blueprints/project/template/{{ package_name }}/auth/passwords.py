"""Password hashing with argon2 (pwdlib)."""

from functools import cache

from pwdlib import PasswordHash

_hasher = PasswordHash.recommended()


def hash_password(password: str) -> str:
    """A salted argon2 hash, safe to store."""
    return _hasher.hash(password)


def verify_password(password: str, password_hash: str) -> bool:
    """Whether `password` matches `password_hash`."""
    return _hasher.verify(password, password_hash)


@cache
def _dummy_hash() -> str:
    return _hasher.hash("dummy password, never valid")


def waste_time_verifying(password: str) -> None:
    """Spend as long as a real check, so response times do not reveal which emails exist."""
    _hasher.verify(password, _dummy_hash())
