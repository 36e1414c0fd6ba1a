"""Password hashing with argon2 (pwdlib)."""

from functools import cache

from pwdlib import PasswordHash
from pwdlib.hashers.argon2 import Argon2Hasher

#: argon2id at the recommended, deliberately slow, cost.
_hasher = PasswordHash.recommended()


def hash_password(password: str) -> str:
    """A salted argon2 hash, safe to store."""
    return _hasher.hash(password)


def verify_password(password: str, password_hash: str) -> bool:
    """Whether `password` matches `password_hash` (at the cost the hash was made with)."""
    return _hasher.verify(password, password_hash)


@cache
def _dummy_hash() -> str:
    return _hasher.hash("dummy password, never valid")


def waste_time_verifying(password: str) -> None:
    """Spend as long as a real check, so response times do not reveal which emails exist."""
    _hasher.verify(password, _dummy_hash())


def use_fast_hashing_for_tests() -> None:
    """Hash at the lowest argon2 cost: for test suites only, where speed beats strength."""
    global _hasher
    _hasher = PasswordHash((Argon2Hasher(time_cost=1, memory_cost=8, parallelism=1),))
    _dummy_hash.cache_clear()
