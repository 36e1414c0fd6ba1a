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


#: Links between posts and their `readers` (`on_delete: cascade`).
posts_readers = sa.Table(
    "posts_readers",
    Base.metadata,
    sa.Column(
        "post_id", sa.Integer(), sa.ForeignKey("posts.id", ondelete="CASCADE"), primary_key=True
    ),
    sa.Column(
        "user_id", sa.Integer(), sa.ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    ),
)


class Post(TimestampMixin, Base):
    ...
    tags: Mapped[list["Tag"]] = relationship(
        secondary=posts_tags, back_populates="posts", lazy="raise"
    )
    readers: Mapped[list["User"]] = relationship(
        secondary=posts_readers, back_populates="read_posts", lazy="raise"
    )

    @property
    def tag_ids(self) -> list[int]:
        """Ids of `tags` in increasing order, for the API (load `tags` first)."""
        return sorted(row.id for row in self.tags)

    @property
    def reader_ids(self) -> list[int]:
        """Ids of `readers` in increasing order, for the API (load `readers` first)."""
        return sorted(row.id for row in self.readers)
