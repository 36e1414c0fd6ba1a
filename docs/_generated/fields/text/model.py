class Article(TimestampMixin, Base):
    ...
    body: Mapped[str] = mapped_column(Text())
    summary: Mapped[str | None] = mapped_column(Text())
