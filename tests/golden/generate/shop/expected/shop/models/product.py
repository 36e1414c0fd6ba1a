"""The product model: the `products` table."""

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

import sqlalchemy as sa
from pydantic import JsonValue
from sqlalchemy.orm import Mapped, mapped_column, relationship

from shop.models.base import Base, TimestampMixin

if TYPE_CHECKING:
    from shop.models.category import Category
    from shop.models.order_line import OrderLine


class Product(TimestampMixin, Base):
    """Product: a row of `products`."""

    __tablename__ = "products"

    id: Mapped[int] = mapped_column(primary_key=True)
    sku: Mapped[str] = mapped_column(sa.String(32), unique=True)
    name: Mapped[str] = mapped_column(sa.String(200), index=True)
    description: Mapped[str | None] = mapped_column(sa.Text())
    price: Mapped[Decimal] = mapped_column(sa.Numeric(10, 2))
    stock: Mapped[int] = mapped_column(sa.Integer(), default=0)
    active: Mapped[bool] = mapped_column(sa.Boolean(), default=True)
    category_id: Mapped[int] = mapped_column(
        sa.ForeignKey("categories.id", ondelete="RESTRICT"), index=True
    )
    category: Mapped["Category"] = relationship(
        foreign_keys=[category_id], back_populates="products", lazy="raise"
    )
    attributes: Mapped[JsonValue | None] = mapped_column(sa.JSON(), nullable=True)
    launched_on: Mapped[date | None] = mapped_column(sa.Date())

    #: The order lines whose `product` is this product.
    order_lines: Mapped[list["OrderLine"]] = relationship(
        foreign_keys="OrderLine.product_id",
        back_populates="product",
        lazy="raise",
        passive_deletes=True,
    )

    def __str__(self) -> str:
        return self.sku
