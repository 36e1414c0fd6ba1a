class Bookmark(TimestampMixin, Base):
    ...
    address: Mapped[str] = mapped_column(sa.String(2048))
    icon: Mapped[str | None] = mapped_column(sa.String(2048))
