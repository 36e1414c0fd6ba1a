class Meeting(TimestampMixin, Base):
    ...
    starts_at: Mapped[datetime] = mapped_column(index=True)
    cancelled_at: Mapped[datetime | None] = mapped_column()
