class Download(TimestampMixin, Base):
    ...
    size_in_bytes: Mapped[int] = mapped_column(sa.BigInteger())
    times_served: Mapped[int] = mapped_column(sa.BigInteger(), default=0, index=True)
