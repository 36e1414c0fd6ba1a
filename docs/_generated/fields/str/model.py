class Book(TimestampMixin, Base):
    ...
    title: Mapped[str] = mapped_column(sa.String(200))
    subtitle: Mapped[str | None] = mapped_column(sa.String(255))
    #: 10 or 13 digits, without dashes.
    isbn: Mapped[str] = mapped_column(sa.String(13), unique=True)
