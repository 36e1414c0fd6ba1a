class Post(TimestampMixin, Base):
    ...
    author_id: Mapped[int] = mapped_column(
        sa.ForeignKey("authors.id", ondelete="RESTRICT"), index=True
    )
    author: Mapped["Author"] = relationship(
        foreign_keys=[author_id], back_populates="posts", lazy="raise"
    )
    editor_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("authors.id", ondelete="SET NULL"), index=True
    )
    editor: Mapped["Author | None"] = relationship(
        foreign_keys=[editor_id], back_populates="edited_posts", lazy="raise"
    )
