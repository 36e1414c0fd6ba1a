"""The migrations build exactly the schema the models describe, and can be undone."""

from pathlib import Path

from alembic import command
from alembic.config import Config

from tests.database import throwaway_database

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def alembic_config(database_url: str) -> Config:
    config = Config(PROJECT_ROOT / "alembic.ini")
    config.set_main_option("sqlalchemy.url", database_url.replace("%", "%%"))
    return config


def test_migrations_match_the_models(tmp_path: Path) -> None:
    with throwaway_database(tmp_path) as url:
        config = alembic_config(url)
        command.upgrade(config, "head")
        command.check(config)  # raises if autogenerate would find any difference
        command.downgrade(config, "base")
