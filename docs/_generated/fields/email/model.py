class Subscriber(TimestampMixin, Base):
    ...
    email: Mapped[str] = mapped_column(sa.String(254), unique=True)
    backup_email: Mapped[str | None] = mapped_column(sa.String(254))
