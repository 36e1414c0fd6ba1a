class Device(TimestampMixin, Base):
    ...
    serial: Mapped[UUID] = mapped_column(Uuid(), unique=True)
    batch: Mapped[UUID | None] = mapped_column(Uuid())
