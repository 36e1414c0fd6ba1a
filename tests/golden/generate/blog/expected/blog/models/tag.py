"""The tag model: the `tags` table."""

from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from blog.models.base import Base, TimestampMixin

if TYPE_CHECKING:
    from blog.models.post import Post


class Tag(TimestampMixin, Base):
    """Tag: a row of `tags`."""

    __tablename__ = "tags"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(50), unique=True)

    #: The posts whose `tags` is this tag.
    posts: Mapped[list["Post"]] = relationship(
        secondary="posts_tags", back_populates="tags", lazy="raise", passive_deletes=True
    )

    def __str__(self) -> str:
        return self.name
