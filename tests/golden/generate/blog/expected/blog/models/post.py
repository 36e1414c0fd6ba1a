"""The post model: the `posts` table and its association tables."""

from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from blog.models.base import Base, TimestampMixin

if TYPE_CHECKING:
    from blog.models.author import Author
    from blog.models.comment import Comment
    from blog.models.tag import Tag


class PostStatus(StrEnum):
    """Values of `Post.status`; the database stores the values, not the names."""

    DRAFT = "draft"
    PUBLISHED = "published"
    ARCHIVED = "archived"


def _enum_values(enum: type[StrEnum]) -> list[str]:
    """What SQLAlchemy stores for an enum column: the values (`on hold`), not `ON_HOLD`."""
    return [member.value for member in enum]


#: Links between posts and their `tags` (`on_delete: cascade`).
posts_tags = sa.Table(
    "posts_tags",
    Base.metadata,
    sa.Column(
        "post_id", sa.Integer(), sa.ForeignKey("posts.id", ondelete="CASCADE"), primary_key=True
    ),
    sa.Column(
        "tag_id", sa.Integer(), sa.ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True
    ),
)


class Post(TimestampMixin, Base):
    """Post: a row of `posts`."""

    __tablename__ = "posts"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(sa.String(200))
    slug: Mapped[str] = mapped_column(sa.String(255), unique=True)
    body: Mapped[str] = mapped_column(sa.Text())
    status: Mapped[PostStatus] = mapped_column(
        sa.Enum(PostStatus, native_enum=False, length=9, values_callable=_enum_values),
        default=PostStatus.DRAFT,
    )
    published_at: Mapped[datetime | None] = mapped_column()
    views: Mapped[int] = mapped_column(sa.Integer(), default=0)
    author_id: Mapped[int] = mapped_column(
        sa.ForeignKey("authors.id", ondelete="RESTRICT"), index=True
    )
    author: Mapped["Author"] = relationship(
        foreign_keys=[author_id], back_populates="posts", lazy="raise"
    )
    reviewer_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("authors.id", ondelete="SET NULL"), index=True
    )
    reviewer: Mapped["Author | None"] = relationship(
        foreign_keys=[reviewer_id], back_populates="reviewed_posts", lazy="raise"
    )
    tags: Mapped[list["Tag"]] = relationship(
        secondary=posts_tags, back_populates="posts", lazy="raise"
    )

    #: The comments whose `post` is this post.
    comments: Mapped[list["Comment"]] = relationship(
        foreign_keys="Comment.post_id", back_populates="post", lazy="raise", passive_deletes=True
    )

    @property
    def tag_ids(self) -> list[int]:
        """Ids of `tags` in increasing order, for the API (load `tags` first)."""
        return sorted(row.id for row in self.tags)

    def __str__(self) -> str:
        return self.title


#: The index of the default order (`ordering: [-published_at, title]`): a page of a
#: list reads its first entries instead of sorting every matching row.
sa.Index("ix_posts_ordering", Post.published_at.desc(), Post.title, Post.id)
