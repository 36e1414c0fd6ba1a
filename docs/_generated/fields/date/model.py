class Holiday(TimestampMixin, Base):
    ...
    starts_on: Mapped[date] = mapped_column(sa.Date())
    ends_on: Mapped[date | None] = mapped_column(sa.Date(), index=True)
