class Measurement(TimestampMixin, Base):
    ...
    value: Mapped[float] = mapped_column(Float())
    accuracy: Mapped[float | None] = mapped_column(Float())
