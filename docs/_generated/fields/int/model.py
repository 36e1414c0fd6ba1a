class Product(TimestampMixin, Base):
    ...
    stock: Mapped[int] = mapped_column(sa.Integer(), default=0)
    rating: Mapped[int | None] = mapped_column(sa.Integer())
