class Author(TimestampMixin, Base):
    ...
    #: The posts whose `author` is this author.
    posts: Mapped[list["Post"]] = relationship(
        foreign_keys="Post.author_id", back_populates="author", lazy="raise", passive_deletes=True
    )

    #: The posts whose `editor` is this author.
    edited_posts: Mapped[list["Post"]] = relationship(
        foreign_keys="Post.editor_id", back_populates="editor", lazy="raise", passive_deletes=True
    )
