class Measurement(TimestampMixin, Base):
    ...
    value: Mapped[float] = mapped_column(sa.Float())
    accuracy: Mapped[float | None] = mapped_column(sa.Float())
