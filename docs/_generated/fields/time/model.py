class Shop(TimestampMixin, Base):
    ...
    opens_at: Mapped[time] = mapped_column(sa.Time())
    closes_at: Mapped[time | None] = mapped_column(sa.Time())
