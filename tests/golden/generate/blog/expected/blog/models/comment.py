"""The comment model: the `comments` table."""

from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from blog.models.base import Base, TimestampMixin

if TYPE_CHECKING:
    from blog.models.post import Post
    from blog.models.user import User


class Comment(TimestampMixin, Base):
    """Comment: a row of `comments`."""

    __tablename__ = "comments"

    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int] = mapped_column(sa.ForeignKey("posts.id", ondelete="CASCADE"), index=True)
    post: Mapped["Post"] = relationship(
        foreign_keys=[post_id], back_populates="comments", lazy="raise"
    )
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id", ondelete="RESTRICT"), index=True)
    user: Mapped["User"] = relationship(
        foreign_keys=[user_id], back_populates="comments", lazy="raise"
    )
    body: Mapped[str] = mapped_column(sa.Text())
    approved: Mapped[bool] = mapped_column(sa.Boolean(), default=False)

    def __str__(self) -> str:
        return f"Comment #{self.id}"
