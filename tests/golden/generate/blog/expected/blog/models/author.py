"""The author model: the `authors` table."""

from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from blog.models.base import Base, TimestampMixin

if TYPE_CHECKING:
    from blog.models.post import Post


class Author(TimestampMixin, Base):
    """Author: a row of `authors`."""

    __tablename__ = "authors"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(120))
    email: Mapped[str] = mapped_column(sa.String(254), unique=True)
    bio: Mapped[str | None] = mapped_column(sa.Text())
    website: Mapped[str | None] = mapped_column(sa.String(2048))

    #: The posts whose `author` is this author.
    posts: Mapped[list["Post"]] = relationship(
        foreign_keys="Post.author_id", back_populates="author", lazy="raise", passive_deletes=True
    )

    #: The posts whose `reviewer` is this author.
    reviewed_posts: Mapped[list["Post"]] = relationship(
        foreign_keys="Post.reviewer_id",
        back_populates="reviewer",
        lazy="raise",
        passive_deletes=True,
    )

    def __str__(self) -> str:
        return self.name
