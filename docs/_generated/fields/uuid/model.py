class Device(TimestampMixin, Base):
    ...
    serial: Mapped[UUID] = mapped_column(sa.Uuid(), unique=True)
    batch: Mapped[UUID | None] = mapped_column(sa.Uuid())
