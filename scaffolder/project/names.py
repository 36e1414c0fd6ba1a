"""Project and package names derived from the destination directory (`my-blog` → `my_blog`)."""

from __future__ import annotations

import keyword
import re
import sys
import unicodedata

from scaffolder.errors import UsageError

PACKAGE_PATTERN = re.compile(r"^[a-z][a-z0-9_]*$")
PROJECT_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")

#: Import names a project package must not take: the project's own top-level
#: directories and the libraries it depends on (the package would shadow them).
RESERVED_PACKAGES = frozenset(
    {
        "tests",
        "migrations",
        "alembic",
        "fastapi",
        "starlette",
        "sqlalchemy",
        "pydantic",
        "pydantic_settings",
        "jinja2",
        "uvicorn",
        "pwdlib",
        "argon2",
        "itsdangerous",
        "multipart",
        "asyncpg",
        "aiosqlite",
        "httpx",
        "httpx2",
        "pytest",
        "scaffolder",
    }
)


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def derive_project_name(directory_name: str) -> str:
    """A distribution name from a directory name: `My Blog` → `My-Blog`."""
    name = re.sub(r"[^A-Za-z0-9._-]+", "-", _ascii(directory_name)).strip("-._")
    return name or "app"


def derive_package_name(directory_name: str) -> str:
    """An importable package name from a directory name: `my-blog` → `my_blog`.

    Lowercase ASCII, runs of other characters become `_`, leading digits go; names
    that are keywords or would shadow a module the project imports get `_app`.
    """
    name = re.sub(r"[^a-z0-9]+", "_", _ascii(directory_name).lower()).strip("_")
    name = name.lstrip("0123456789_") or "app"
    if not is_usable_package_name(name):
        name = f"{name}_app"
    return name


def is_usable_package_name(name: str) -> bool:
    return (
        PACKAGE_PATTERN.match(name) is not None
        and not keyword.iskeyword(name)
        and name not in RESERVED_PACKAGES
        and name not in sys.stdlib_module_names
    )


def check_package_name(name: str) -> None:
    """Refuse a package name (given with --data) that cannot be imported safely."""
    if is_usable_package_name(name):
        return
    if PACKAGE_PATTERN.match(name) is None:
        why = "use lowercase letters, digits and `_`, starting with a letter"
    else:
        why = "it is a Python keyword or the name of a module the project imports"
    raise UsageError(
        f"`{name}` cannot be the package name: {why}",
        hint=f"for example --data package_name={derive_package_name(name)}",
    )
