class Subscriber(TimestampMixin, Base):
    ...
    email: Mapped[str] = mapped_column(String(254), unique=True)
    backup_email: Mapped[str | None] = mapped_column(String(254))
