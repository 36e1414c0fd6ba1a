class Invoice(TimestampMixin, Base):
    ...
    total: Mapped[Decimal] = mapped_column(sa.Numeric(10, 2))
    discount: Mapped[Decimal | None] = mapped_column(sa.Numeric(5, 2), default=Decimal("0"))
    tax_rate: Mapped[Decimal] = mapped_column(sa.Numeric(4, 3), default=Decimal("0.2"))
