class Article(TimestampMixin, Base):
    ...
    body: Mapped[str] = mapped_column(sa.Text())
    summary: Mapped[str | None] = mapped_column(sa.Text())
