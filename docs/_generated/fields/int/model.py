class Product(TimestampMixin, Base):
    ...
    stock: Mapped[int] = mapped_column(Integer(), default=0)
    rating: Mapped[int | None] = mapped_column(Integer())
