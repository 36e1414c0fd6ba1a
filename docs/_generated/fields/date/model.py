class Holiday(TimestampMixin, Base):
    ...
    starts_on: Mapped[date] = mapped_column(Date())
    ends_on: Mapped[date | None] = mapped_column(Date(), index=True)
