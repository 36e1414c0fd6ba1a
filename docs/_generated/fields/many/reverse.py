class Tag(TimestampMixin, Base):
    ...
    #: The posts whose `tags` is this tag.
    posts: Mapped[list["Post"]] = relationship(
        secondary="posts_tags", back_populates="tags", lazy="raise", passive_deletes=True
    )
