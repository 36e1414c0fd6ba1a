class Book(TimestampMixin, Base):
    ...
    title: Mapped[str] = mapped_column(String(200))
    subtitle: Mapped[str | None] = mapped_column(String(255))
    #: 10 or 13 digits, without dashes.
    isbn: Mapped[str] = mapped_column(String(13), unique=True)
