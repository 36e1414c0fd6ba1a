"""The order line model: the `order_lines` table."""

from decimal import Decimal
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from shop.models.base import Base, TimestampMixin

if TYPE_CHECKING:
    from shop.models.order import Order
    from shop.models.product import Product


class OrderLine(TimestampMixin, Base):
    """Order line: a row of `order_lines`."""

    __tablename__ = "order_lines"
    __table_args__ = (sa.CheckConstraint('"quantity" >= 1', name="quantity_min"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(
        sa.ForeignKey("orders.id", ondelete="CASCADE"), index=True
    )
    order: Mapped["Order"] = relationship(
        foreign_keys=[order_id], back_populates="lines", lazy="raise"
    )
    product_id: Mapped[int] = mapped_column(
        sa.ForeignKey("products.id", ondelete="RESTRICT"), index=True
    )
    product: Mapped["Product"] = relationship(
        foreign_keys=[product_id], back_populates="order_lines", lazy="raise"
    )
    quantity: Mapped[int] = mapped_column(sa.Integer())
    unit_price: Mapped[Decimal] = mapped_column(sa.Numeric(10, 2))

    def __str__(self) -> str:
        return f"Order line #{self.id}"
